import { createHash } from 'node:crypto';
import { mkdir, open, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FileStamp } from '../content/article.js';
import type { Publishing } from '../content/publish.js';
import type { Diagnostic } from '../errors/diagnostic.js';

/** Bumped whenever the shape below changes. */
const FORMAT = 5;

/**
 * What a build leaves for the next one, in two files of `.cache/gazette/`. `manifest.json` is small:
 * what the site was made of (keys, every content file's status) and what came out, all a build needs
 * to find that nothing changed. `details.json` holds every file's result (with where its rendered
 * body is packed, and what its article page shows around it) and every page's signature, read only
 * when something did change. The manifest is
 * JSON with a digest line in front, so that a damaged file is noticed; it holds the details' digest.
 */
export interface BuildManifest {
  readonly format: typeof FORMAT;
  /** The gazette that wrote it (toolDigest). */
  readonly tool: string;
  /** What every file's result depends on besides the file itself: the config and the images. */
  readonly contentKey: string;
  /** Everything else the site is made of: templates, static files, build options. */
  readonly siteKey: string;
  /** When that build started: files changed since then are read again, whatever their status says. */
  readonly startedAt: number;
  /** Every content file, in order, with its status; `pending` for a valid article not rendered. */
  readonly files: ReadonlyArray<{
    readonly path: string;
    readonly stamp?: FileStamp;
    readonly pending?: Publishing;
  }>;
  /** The output folder as the build left it: another folder, or one replaced since, is not trusted. */
  readonly output: OutputStamp;
  /** The spare beside it (the site the build replaced), if it was kept and is known. */
  readonly spare?: OutputStamp;
  /** The earliest date of an article left out for being in the future: the site changes then. */
  readonly nextDue?: number;
  /** What the build reported, repeated by a build that finds nothing to do. */
  readonly summary: BuildSummary;
  /** Digest of details.json as written with this manifest. */
  readonly details: string;
}

export interface BuildSummary {
  readonly articles: number;
  readonly pages: number;
  readonly staticFiles: number;
  readonly skipped: { readonly draft: number; readonly future: number };
  readonly warnings: readonly Diagnostic[];
}

export interface BuildDetails {
  /**
   * One line per content file, in the manifest's order, as bytes (see stored-result.ts): a rebuild
   * parses only those it needs, and writes the others back as they were.
   */
  readonly lines: ReadonlyArray<Buffer | readonly Buffer[]>;
  /** Output path → signature of the page written there. */
  readonly pages: Readonly<Record<string, string>>;
  /** The output's files that are not pages (static files, feeds, the search bundle). */
  readonly others: readonly string[];
  /** What the spare holds, if one was kept: see SpareDetails. */
  readonly spare?: SpareDetails;
}

/** The spare site, told as its differences from the output's: it is mostly the same. */
export interface SpareDetails {
  /** Signatures of the spare's pages where they differ from `pages`; null where it has no such page. */
  readonly pages: Readonly<Record<string, string | null>>;
  readonly others: readonly string[];
}

export interface OutputStamp {
  readonly path: string;
  readonly ino: number;
  readonly ctimeMs: number;
}

export interface ManifestRead {
  readonly manifest?: BuildManifest;
  /** Why a manifest found was not used. */
  readonly discarded?: string;
}

const MANIFEST = 'manifest.json';
const DETAILS = 'details.json';

/** Reads the manifest; anything damaged, or written by another gazette, is refused with the reason. */
export async function readManifest(dir: string, tool: string): Promise<ManifestRead> {
  const read = await readChecked(path.join(dir, MANIFEST));
  if (read === 'missing') return {};
  if (read === 'damaged') return { discarded: 'it is damaged' };
  const manifest = read.value as BuildManifest;
  if (manifest?.format !== FORMAT || manifest.tool !== tool)
    return { discarded: 'it was written by another version of gazette' };
  return { manifest };
}

/**
 * Reads the details written with `manifest`; undefined if they are missing, damaged or others'.
 * They are JSON lines (the page signatures, the output's other files and the spare's differences,
 * then one line per content file), whose digest the
 * manifest holds: written line by line, a large site's details never have to be one string.
 */
export async function readDetails(dir: string, manifest: BuildManifest): Promise<BuildDetails | undefined> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path.join(dir, DETAILS));
  } catch {
    return undefined;
  }
  // The bytes are hashed as read, and each line is decoded on its own: the whole text as one string
  // (twice the bytes, for Chinese text) would be the largest thing a large site's rebuild holds.
  if (digestOf(bytes) !== manifest.details) return undefined;
  try {
    const [pages, output, ...lines] = linesOf(bytes);
    const { others, spare } = JSON.parse(output?.toString() ?? '{}') as Pick<
      BuildDetails,
      'others' | 'spare'
    >;
    if (lines.length !== manifest.files.length) return undefined;
    return {
      pages: JSON.parse(pages?.toString() ?? '{}'),
      others: others ?? [],
      ...(spare && { spare }),
      lines,
    };
  } catch {
    return undefined;
  }
}

/** The non-empty lines of `bytes`, as views of it (nothing is copied). */
function linesOf(bytes: Buffer): Buffer[] {
  const lines: Buffer[] = [];
  for (let start = 0; start < bytes.length; ) {
    const end = bytes.indexOf(0x0a, start);
    const stop = end < 0 ? bytes.length : end;
    if (stop > start) lines.push(bytes.subarray(start, stop));
    start = stop + 1;
  }
  return lines;
}

/**
 * Writes details and manifest, each under a temporary name renamed into place: each is whole or
 * absent, never half; the manifest, written last, names the details it goes with.
 */
export async function writeManifest(
  dir: string,
  manifest: Omit<BuildManifest, 'format' | 'details'>,
  details: BuildDetails,
): Promise<void> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, DETAILS);
  const temporary = `${file}.${process.pid}.tmp`;
  const hash = createHash('sha1');
  const handle = await open(temporary, 'w');
  try {
    const write = async (chunk: Buffer) => {
      hash.update(chunk);
      await handle.write(chunk);
    };
    await write(Buffer.from(`${JSON.stringify(details.pages)}\n`));
    await write(Buffer.from(`${JSON.stringify({ others: details.others, spare: details.spare })}\n`));
    // A thousand lines per write: one call per line would be slow, one buffer for all too large.
    const newline = Buffer.from('\n');
    for (let i = 0; i < details.lines.length; i += 1000)
      await write(Buffer.concat(details.lines.slice(i, i + 1000).flatMap((line) => [line, newline].flat())));
  } finally {
    await handle.close();
  }
  await rename(temporary, file);
  await writeChecked(path.join(dir, MANIFEST), { format: FORMAT, ...manifest, details: hash.digest('hex') });
}

async function readChecked(file: string): Promise<{ value: unknown } | 'missing' | 'damaged'> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return 'missing';
  }
  const newline = text.indexOf('\n');
  const body = text.slice(newline + 1);
  if (newline < 0 || text.slice(0, newline) !== digestOf(body)) return 'damaged';
  try {
    return { value: JSON.parse(body) };
  } catch {
    return 'damaged';
  }
}

async function writeChecked(file: string, value: unknown): Promise<void> {
  const body = JSON.stringify(value);
  const digest = digestOf(body);
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${digest}\n${body}`);
  await rename(temporary, file);
}

const digestOf = (data: string | Buffer) => createHash('sha1').update(data).digest('hex');

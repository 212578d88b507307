import { createHash } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Publishing } from '../content/publish.js';
import type { FileStamp } from '../fs/file-stamp.js';
import { writeAll } from '../fs/write-all.js';
import type { BuildSummary } from '../incremental/previous-state.js';
import type { WrittenFiles, WrittenStamp } from '../output/written-files.js';
import { type LinesOnDisk, linesOnDisk } from './lines-on-disk.js';

/** Bumped whenever the shape below changes. */
const FORMAT = 9;

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
  /**
   * Every file of the output as the build left it: a file edited, replaced or deleted since is not
   * kept from there (nor is the site up to date), but made again.
   */
  readonly written: WrittenFiles;
  /** The spare beside it (the site the build replaced), if it was kept and is known. */
  readonly spare?: OutputStamp;
  /** The spare's files as that build left them, as their differences from `written`. */
  readonly spareWritten?: Readonly<Record<string, WrittenStamp | null>>;
  /** The earliest date of an article left out for being in the future: the site changes then. */
  readonly nextDue?: number;
  /** What the build reported, repeated by a build that finds nothing to do. */
  readonly summary: BuildSummary;
  /** Digest of details.json as written with this manifest. */
  readonly details: string;
  /** Digest of details-patch.json, when the details are details.json with that patch applied. */
  readonly patch?: string;
}

export type { BuildSummary };

export interface BuildDetails {
  /** How many lines: one per content file, in the manifest's order. */
  readonly count: number;
  /**
   * The line of the content file at `index`, as bytes (see stored-result.ts): a rebuild parses only
   * those it needs, and writes the others back as they were. Read from the file when asked for (see
   * LinesOnDisk), until `close`.
   */
  line(index: number): Buffer;
  /** Lets go of the details' file: no line can be read after. */
  close(): void;
  /** Output path → signature of the page written there. */
  readonly pages: Readonly<Record<string, string>>;
  /** The output's files that are not pages (static files, feeds, the search bundle). */
  readonly others: readonly string[];
  /** What the spare holds, if one was kept: see SpareDetails. */
  readonly spare?: SpareDetails;
  /** As read: the whole file they were patched from, for the next build's patch (see DetailsPatch). */
  readonly base?: DetailsBase;
}

/** details.json as written whole, under the patch applied to it. */
export interface DetailsBase {
  readonly digest: string;
  readonly pages: Readonly<Record<string, string>>;
  /** For each line of the details as read, the index of the base's line it is; -1 for a patch's line. */
  readonly from: Int32Array;
}

/**
 * What a build after a few changes writes instead of the whole details (174 MB at 100,000 articles):
 * the pages' signatures that differ from the base's, the output's other files and the spare, the
 * runs of the base's lines that the new details take as they are (a new or deleted article shifts
 * the others: the files need not be the same, nor in the same places), and every other line, by its
 * index in the new details. Lines the previous patch wrote are in it again.
 */
export interface DetailsPatch {
  readonly base: DetailsBase;
  /** Base lines taken as they are: `count` of them from the base's `from`, at `at` of the new details. */
  readonly runs: ReadonlyArray<BaseRun>;
  readonly lines: ReadonlyMap<number, Buffer | readonly Buffer[]>;
}

export type BaseRun = readonly [at: number, from: number, count: number];

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
const PATCH = 'details-patch.json';

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
  const base = linesOnDisk(path.join(dir, DETAILS), manifest.details, 2);
  const patch =
    manifest.patch === undefined ? undefined : await readVerified(path.join(dir, PATCH), manifest.patch);
  if (!base) return undefined;
  if (manifest.patch !== undefined && !patch) {
    base.close();
    return undefined;
  }
  try {
    const details = patchedDetails(base, manifest, patch);
    if (!details) base.close();
    return details;
  } catch {
    base.close();
    return undefined;
  }
}

/** The details read: the base's lines, with the patch's (if any) put in; undefined if they do not fit. */
function patchedDetails(
  baseLines: LinesOnDisk,
  manifest: BuildManifest,
  patch: Buffer | undefined,
): BuildDetails | undefined {
  const [pages, output] = baseLines.head;
  const basePages = JSON.parse(pages?.toString() ?? '{}') as Record<string, string>;
  const base = { digest: manifest.details, pages: basePages };
  const count = manifest.files.length;
  const close = () => baseLines.close();
  if (!patch) {
    const { others, spare } = JSON.parse(output?.toString() ?? '{}') as Pick<
      BuildDetails,
      'others' | 'spare'
    >;
    if (baseLines.count !== count) return undefined;
    const from = Int32Array.from({ length: count }, (_, i) => i);
    return {
      count,
      line: (index) => baseLines.line(index),
      close,
      pages: basePages,
      others: others ?? [],
      ...(spare && { spare }),
      base: { ...base, from },
    };
  }
  const [delta, patchOutput, ...replaced] = linesOf(patch);
  const { others, spare, runs } = JSON.parse(patchOutput?.toString() ?? '{}') as Pick<
    BuildDetails,
    'others' | 'spare'
  > & { runs?: BaseRun[] };
  const merged = { ...basePages };
  for (const [page, signature] of Object.entries(
    JSON.parse(delta?.toString() ?? '{}') as Record<string, string | null>,
  ))
    if (signature === null) delete merged[page];
    else merged[page] = signature;
  // The patch's own lines, by index; every other line is the base's line `from`.
  const lines = new Map<number, Buffer>();
  const from = new Int32Array(count).fill(-1);
  for (const [at, first, n] of runs ?? []) {
    if (![at, first, n].every(Number.isInteger) || at < 0 || first < 0 || n < 0) return undefined;
    if (at + n > count || first + n > baseLines.count) return undefined;
    for (let k = 0; k < n; k++) from[at + k] = first + k;
  }
  for (const line of replaced) {
    const tab = line.indexOf(0x09);
    const index = Number(line.subarray(0, tab).toString());
    if (tab < 0 || !Number.isInteger(index) || index < 0 || index >= count) return undefined;
    lines.set(index, line.subarray(tab + 1));
    from[index] = -1;
  }
  // Every line is the base's or the patch's: a hole is a damaged patch.
  for (let i = 0; i < count; i++) if (from[i] === -1 && !lines.has(i)) return undefined;
  return {
    count,
    line: (index) => lines.get(index) ?? baseLines.line(from[index] as number),
    close,
    pages: merged,
    others: others ?? [],
    ...(spare && { spare }),
    base: { ...base, from },
  };
}

/** A file's bytes if their digest is `digest`. */
async function readVerified(file: string, digest: string): Promise<Buffer | undefined> {
  const bytes = await readFile(file).catch(() => undefined);
  return bytes && digestOf(bytes) === digest ? bytes : undefined;
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
 * absent, never half; the manifest, written last, names the details it goes with. With `patch`, only
 * the patch is written, and details.json stays the base it patches.
 */
export async function writeManifest(
  dir: string,
  manifest: Omit<BuildManifest, 'format' | 'details' | 'patch'>,
  details: DetailsToWrite,
  patch?: DetailsPatch,
): Promise<void> {
  await mkdir(dir, { recursive: true });
  let digests: Pick<BuildManifest, 'details' | 'patch'>;
  if (patch) {
    const delta: Record<string, string | null> = {};
    for (const [page, signature] of Object.entries(details.pages))
      if (patch.base.pages[page] !== signature) delta[page] = signature;
    for (const page of Object.keys(patch.base.pages)) if (!(page in details.pages)) delta[page] = null;
    const lines = [...patch.lines].map(([index, line]) => [Buffer.from(`${index}\t`), line].flat());
    digests = {
      details: patch.base.digest,
      patch: await writeLines(path.join(dir, PATCH), delta, { ...details, runs: patch.runs }, lines),
    };
  } else {
    digests = { details: await writeLines(path.join(dir, DETAILS), details.pages, details, details.lines) };
    await rm(path.join(dir, PATCH), { force: true });
  }
  await writeChecked(path.join(dir, MANIFEST), { format: FORMAT, ...manifest, ...digests });
}

/**
 * Details as saved: the lines may be made as they are written (a generator), so that a large site's
 * lines (40 MB at 20,000 articles) are never all in memory at once.
 */
export type DetailsToWrite = Pick<BuildDetails, 'pages' | 'others' | 'spare'> & {
  readonly lines: Iterable<Buffer | readonly Buffer[]>;
};

/** Writes the lines of details (or of a patch) under a temporary name renamed into place; their digest. */
async function writeLines(
  file: string,
  pages: Readonly<Record<string, string | null>>,
  details: Pick<BuildDetails, 'others' | 'spare'> & { readonly runs?: readonly BaseRun[] },
  lines: Iterable<Buffer | readonly Buffer[]>,
): Promise<string> {
  const temporary = `${file}.${process.pid}.tmp`;
  const hash = createHash('sha1');
  const handle = await open(temporary, 'w');
  try {
    const write = async (chunk: Buffer) => {
      hash.update(chunk);
      // All of it: on a nearly full disk a write writes what fits, and says so without failing.
      await writeAll(handle, chunk);
    };
    await write(Buffer.from(`${JSON.stringify(pages)}\n`));
    const { others, spare, runs } = details;
    await write(Buffer.from(`${JSON.stringify({ others, spare, runs })}\n`));
    // A thousand lines per write: one call per line would be slow, one buffer for all too large.
    const newline = Buffer.from('\n');
    let chunk: Buffer[] = [];
    let count = 0;
    for (const line of lines) {
      chunk.push(...[line].flat(), newline);
      if (++count % 1000 === 0) {
        await write(Buffer.concat(chunk));
        chunk = [];
      }
    }
    if (chunk.length > 0) await write(Buffer.concat(chunk));
    await handle.close();
    await rename(temporary, file);
  } catch (cause) {
    await handle.close().catch(() => {});
    await removeTemporary(temporary);
    throw cause;
  }
  return hash.digest('hex');
}

/** A temporary file whose writing failed goes (if it can): a full disk keeps no half of it. */
const removeTemporary = (file: string) => rm(file, { force: true }).catch(() => {});

/** A JSON file with its digest on the first line: its value, or whether it is missing or damaged. */
export async function readChecked(file: string): Promise<{ value: unknown } | 'missing' | 'damaged'> {
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

/**
 * Writes `value` as JSON with its digest on the first line, under a temporary name renamed into place.
 * The JSON is written a thousand members of each of its parts at a time (see jsonPieces), never
 * whole: at 100,000 articles the manifest is 33 MB, which as one text, that text behind its digest
 * line and the bytes written, was held three times over while a rebuild held the most it ever does.
 * The digest line is written last, where room was left for it.
 */
export async function writeChecked(file: string, value: unknown): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    const handle = await open(temporary, 'w');
    try {
      const hash = createHash('sha1');
      await writeAll(handle, Buffer.alloc(DIGEST_LINE, ' '));
      for (const piece of jsonPieces(value)) {
        const bytes = Buffer.from(piece);
        hash.update(bytes);
        await writeAll(handle, bytes);
      }
      const digest = Buffer.from(`${hash.digest('hex')}\n`);
      // Over bytes written already: no room is taken that could be missing.
      const { bytesWritten } = await handle.write(digest, 0, DIGEST_LINE, 0);
      if (bytesWritten !== DIGEST_LINE) throw new Error(`could not write the digest of ${file}`);
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (cause) {
    await removeTemporary(temporary);
    throw cause;
  }
}

/** A SHA-1 in hex and its newline. */
const DIGEST_LINE = 41;

/**
 * JSON.stringify(value), in pieces: an array's or object's members (and those of each array or
 * object in it) a thousand at a time; anything deeper whole.
 */
function* jsonPieces(value: unknown, depth = 0): Generator<string> {
  if (depth > 1 || value === null || typeof value !== 'object') {
    yield JSON.stringify(value) ?? 'null';
    return;
  }
  const array = Array.isArray(value);
  const record = value as Record<string, unknown>;
  // An object's members that JSON has (JSON.stringify leaves out undefined, functions, symbols).
  const keys = array ? undefined : Object.keys(record).filter((k) => isJson(record[k]));
  const count = keys ? keys.length : (value as unknown[]).length;
  yield array ? '[' : '{';
  let batch: string[] = [];
  for (let i = 0; i < count; i++) {
    const key = keys?.[i];
    const member = key === undefined ? (value as unknown[])[i] : record[key];
    const head = `${i > 0 ? ',' : ''}${key === undefined ? '' : `${JSON.stringify(key)}:`}`;
    if (depth === 0 && isComposite(member)) {
      yield batch.join('') + head;
      batch = [];
      yield* jsonPieces(member, depth + 1);
      continue;
    }
    batch.push(head + (JSON.stringify(member) ?? 'null'));
    if (batch.length === 1000) {
      yield batch.join('');
      batch = [];
    }
  }
  yield `${batch.join('')}${array ? ']' : '}'}`;
}

const isJson = (v: unknown): boolean => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol';
const isComposite = (v: unknown): v is object => v !== null && typeof v === 'object';

const digestOf = (data: string | Buffer) => createHash('sha1').update(data).digest('hex');

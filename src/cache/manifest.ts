import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FileResult } from '../site/load-files.js';

/** Bumped whenever the shape below changes. */
const FORMAT = 1;

/**
 * What a build leaves for the next one in `.cache/gazette/manifest.json`: every content file's
 * result (with where its rendered body is packed), every page's signature, and which output folder
 * it all describes. Plain JSON, with a digest line in front so that a damaged file is noticed.
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
  readonly files: readonly FileResult[];
  /** Output path → signature of the page written there. */
  readonly pages: Readonly<Record<string, string>>;
  /** The output folder as the build left it: another folder, or one replaced since, is not trusted. */
  readonly output: OutputStamp;
  /** The earliest date of an article left out for being in the future: the site changes then. */
  readonly nextDue?: number;
  /** What the build reported, repeated by a build that finds nothing to do. */
  readonly summary: { readonly pages: number; readonly staticFiles: number };
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

const NAME = 'manifest.json';

/** Reads the manifest; anything damaged, or written by another gazette, is refused with the reason. */
export async function readManifest(dir: string, tool: string): Promise<ManifestRead> {
  let text: string;
  try {
    text = await readFile(path.join(dir, NAME), 'utf8');
  } catch {
    return {};
  }
  const newline = text.indexOf('\n');
  const body = text.slice(newline + 1);
  if (newline < 0 || text.slice(0, newline) !== digest(body)) return { discarded: 'it is damaged' };
  let manifest: BuildManifest;
  try {
    manifest = JSON.parse(body) as BuildManifest;
  } catch {
    return { discarded: 'it is damaged' };
  }
  if (manifest?.format !== FORMAT || manifest.tool !== tool)
    return { discarded: 'it was written by another version of gazette' };
  return { manifest };
}

/** Writes the manifest under a temporary name and renames it: it is whole or absent, never half. */
export async function writeManifest(dir: string, manifest: BuildManifest): Promise<void> {
  await mkdir(dir, { recursive: true });
  const body = JSON.stringify(manifest);
  const temporary = path.join(dir, `${NAME}.${process.pid}.tmp`);
  await writeFile(temporary, `${digest(body)}\n${body}`);
  await rename(temporary, path.join(dir, NAME));
}

const digest = (text: string) => createHash('sha1').update(text).digest('hex');

import path from 'node:path';
import { CacheUnusable } from '../bodies/cache-unusable.js';
import type { Surroundings } from '../pages/article-page.js';
import type { FileResult } from '../site/load-files.js';
import { utf8Text } from '../text/utf8.js';
import type { BuildManifest } from './manifest.js';

/**
 * A content file's line in the build cache's details, as the previous build wrote it: the pack its
 * body is in, what its article page showed around it (Surroundings, or null), and its result, as
 * JSON separated by tabs (JSON never holds a raw tab). Lines are read as bytes and parsed only
 * when asked for: a rebuild after one edit of a 20,000-article site reads a handful of them, and
 * writes the others back as they were (parsing them all took a quarter of such a rebuild).
 */
export interface StoredResult {
  readonly path: string;
  /** The line's bytes, read when asked for (see LinesOnDisk): a large site's lines are not held. */
  readonly line: () => Buffer;
  /** What the manifest said of the file. */
  readonly listed: BuildManifest['files'][number];
}

const TAB = 0x09;

/** The line's three parts: pack, surroundings, result. */
function partsOf(stored: StoredResult): [Buffer, Buffer, Buffer] {
  const line = stored.line();
  const first = line.indexOf(TAB);
  const second = first < 0 ? -1 : line.indexOf(TAB, first + 1);
  if (second < 0) throw new CacheUnusable(`the build cache's details are damaged (${stored.path})`);
  return [line.subarray(0, first), line.subarray(first + 1, second), line.subarray(second + 1)];
}

/**
 * The pack a stored line's body is in, relative to the bodies folder; '' for none. Asked for each
 * line as it was and as it is written again, the same line mostly: told once per line.
 */
export function packOfStored(stored: StoredResult): string {
  let pack = packs.get(stored);
  if (pack === undefined) {
    pack = partsOf(stored)[0].toString();
    packs.set(stored, pack);
  }
  return pack;
}

const packs = new WeakMap<StoredResult, string>();

/** The line each parsed result came from: its bytes are written back as they are while the result holds. */
const parsedFrom = new WeakMap<FileResult, StoredResult>();

/** The result of a stored line. Throws CacheUnusable if it is not the file's. */
export function resultOf(stored: StoredResult): FileResult {
  const json = partsOf(stored)[2];
  let result: FileResult;
  try {
    // Through ICU (utf8Text): each of a 20,000-article site's lines is decoded when the site is planned whole.
    result = JSON.parse(utf8Text(json)) as FileResult;
  } catch {
    throw new CacheUnusable(`the build cache's details are damaged (${stored.path})`);
  }
  if (result.path !== stored.path)
    throw new CacheUnusable(`the build cache's details do not match its manifest`);
  parsedFrom.set(result, stored);
  return result;
}

/** What the article page of a stored line showed around it, if it had one. */
export function surroundingsOfStored(stored: StoredResult): Surroundings | undefined {
  const text = utf8Text(partsOf(stored)[1]);
  try {
    return (JSON.parse(text) as Surroundings | null) ?? undefined;
  } catch {
    throw new CacheUnusable(`the build cache's details are damaged (${stored.path})`);
  }
}

/** What a line says of an article page's surroundings, when written: JSON, `null` for none. */
type LineSurroundings = Surroundings | undefined | { readonly asStored: StoredResult | undefined };

/**
 * The line of a result: a stored one as it was when `around` is 'as stored', else with `around`
 * (a result made or parsed by this build keeps the surroundings of the line it replaces, if any).
 */
export function detailsLine(result: FileResult | StoredResult, around: LineSurroundings): Buffer | Buffer[] {
  // Copied: a stored line is a view valid until the next line is read (see LinesOnDisk).
  const stored = 'line' in result ? result : undefined;
  if (stored && around && 'asStored' in around) return Buffer.from(stored.line());
  const from = stored ?? parsedFrom.get(result as FileResult);
  const parts = from && partsOf(from);
  const json = parts ? Buffer.from(parts[2]) : Buffer.from(JSON.stringify(result));
  const pack = stored && parts ? parts[0].toString() : packOfResult(result as FileResult);
  if (around && 'asStored' in around) {
    const kept = around.asStored ? Buffer.from(partsOf(around.asStored)[1]) : Buffer.from('null');
    return [Buffer.from(pack), TAB_BYTE, kept, TAB_BYTE, json];
  }
  // One string for the line's head: a buffer per part for 20,000 lines was a lot of garbage.
  return [Buffer.from(`${pack}\t${surroundingsJson(around)}\t`), json];
}

/**
 * Whether the line detailsLine makes of `result` with `around` is `stored`'s line byte for byte: the
 * result is that line's (as it is, or parsed from it: its pack is then the one the line names, as
 * the line was written from such a result) and so are the surroundings. The build cache then writes
 * no new line for it (see patchOf).
 */
export function isStoredLine(
  result: FileResult | StoredResult,
  around: LineSurroundings,
  stored: StoredResult,
): boolean {
  if ('line' in result) {
    if (result !== stored) return false;
  } else if (parsedFrom.get(result) !== stored) return false;
  if (around && 'asStored' in around) return around.asStored === stored;
  return storedSurroundingsAre(stored, around);
}

/**
 * Whether a stored line holds `around` as its surroundings, byte for byte (a line is written with
 * them in one way: see detailsLine). A difference in form alone would only cost a page's signing.
 */
export const storedSurroundingsAre = (stored: StoredResult, around: Surroundings | undefined): boolean =>
  partsOf(stored)[1].equals(Buffer.from(surroundingsJson(around)));

/** Surroundings as a line holds them. */
const surroundingsJson = (around: Surroundings | undefined): string => JSON.stringify(around ?? null);

const TAB_BYTE = Buffer.from('\t');

/** The pack a result's body is in, relative to the bodies folder (`run/00000.pack`); '' for none. */
export function packOfResult(r: FileResult): string {
  if (!r.body || !('pack' in r.body)) return '';
  // Hundreds of bodies share a pack: its name is worked out once (20,000 results are asked per save).
  const full = r.body.pack;
  let pack = packNames.get(full);
  if (pack === undefined) {
    pack = full.split(path.sep).slice(-2).join(path.sep);
    packNames.set(full, pack);
  }
  return pack;
}

const packNames = new Map<string, string>();

import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm, stat, unlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CacheUnusable } from '../bodies/cache-unusable.js';
import type { PublishOptions } from '../content/publish.js';
import type { FileStamp } from '../fs/file-stamp.js';
import { unchangedSince } from '../fs/file-stamp.js';
import type { FsFailure } from '../fs/fs-failure.js';
import { publishedSince, stillValid } from '../incremental/published.js';
import { type OutputFound, withDelta, writtenDelta } from '../output/written-files.js';
import type { Surroundings } from '../pages/article-page.js';
import type { FileResult } from '../site/load-files.js';
import { repeatedSharer } from '../site/share-repeated.js';
import { cacheDirOf } from '../site/site-sources.js';
import { cacheWriteFailure } from './cache-unwritable.js';
import { whyUnwritable } from './cache-writable.js';
import {
  type BuildDetails,
  type BuildManifest,
  type DetailsPatch,
  type OutputStamp,
  readDetails,
  readManifest,
  type SpareDetails,
  writeManifest,
} from './manifest.js';
import { packNames } from './pack-names.js';
import { type KnownSpare, type PreviousChanges, previousChanges } from './previous-output.js';
import {
  detailsLine,
  isStoredLine,
  packOfResult,
  packOfStored,
  resultOf as resultOfStored,
  type StoredResult,
  surroundingsOfStored,
} from './stored-result.js';

export { cacheDirOf };

/** What the previous build left, as far as this build can use it. */
export interface BuildCache {
  readonly dir: string;
  /** Where this build packs the bodies it renders. */
  readonly bodiesDir: string;
  /** Whether it is the site's cache; if not, a temporary folder that closeBuildCache removes. */
  readonly persistent: boolean;
  readonly previous?: BuildManifest;
  /** Why the cache found on disk was thrown away (damaged, another version), if it was. */
  readonly discarded?: string;
  /** Why the site's cache could not be written, if it could not: this build then neither uses nor saves it. */
  readonly unwritable?: FsFailure;
  /** Whether a content file with this status is known as it is: then it is not read again. */
  unchanged(relPath: string, stamp: FileStamp): boolean;
  /** Whether the previous build may have a result for this file (else there is nothing to compare). */
  knows(relPath: string): boolean;
  /**
   * Reads the previous build's results and page signatures (the large part of the cache), for
   * resultOf and pageSignatures. Throws CacheUnusable if they are gone or damaged.
   */
  loadDetails(): Promise<void>;
  /**
   * The previous result of a file, if it holds for this build (same config, images, publishing):
   * parsed when first asked for.
   */
  resultOf(relPath: string): FileResult | undefined;
  /** The previous build's line of a file, as it stored it: written back as it is if still right. */
  stored(relPath: string): StoredResult | undefined;
  /** What the previous build's article page of a file showed around it. */
  surroundingsOf(relPath: string): Surroundings | undefined;
  /** The previous build's page signatures, by output path. */
  pageSignatures(): Readonly<Record<string, string>> | undefined;
  /**
   * Whether the output folder is still the one the previous build wrote (`same`), or another at
   * its place (`restored`, as a CI run's `dist/` unpacked from the previous run's cache), whose
   * files are then trusted one by one (see OutputFound); undefined if it is neither.
   */
  outputFound(out: string): Promise<OutputFound | undefined>;
  /**
   * The files of the output folder (the previous build's, found as outputFound said) that are not
   * as that build left them, edited, replaced or deleted since; and the pages of the spare (see
   * spareAt), if given, that are not, and its files `fromSpare` names. See previousChanges.
   */
  changedOutput(
    out: string,
    found: OutputFound,
    spare?: KnownSpare,
    fromSpare?: (file: string) => boolean,
  ): Promise<PreviousChanges>;
  /** Every file the previous build's output holds, once its details are loaded. */
  outputFiles(): readonly string[] | undefined;
  /**
   * The spare site beside the output (the one the previous build replaced), if it is the one that
   * build kept (see knowsSpare): the signatures of its pages and all its files.
   */
  spareAt(dir: string): Promise<SpareSite | undefined>;
  /** Whether the folder `dir` is the spare the previous build kept (not one replaced or changed since). */
  knowsSpare(dir: string): Promise<boolean>;
  /** Names for this build's packs (relative to bodiesDir), in a folder of this build's own. */
  packNames(): (index: number) => string;
  /** The folders of packs this build made: removed again if it fails. */
  readonly runs: readonly string[];
  /** The previous build's details, once loaded. */
  loadedDetails(): BuildDetails | undefined;
}

export interface SpareSite extends KnownSpare {
  readonly files: readonly string[];
}

export interface CacheKeys {
  readonly tool: string;
  readonly contentKey: string;
  readonly publish: PublishOptions;
}

/**
 * Opens the build cache. A damaged cache, or one of another gazette, is removed at once and the
 * build goes on as on a first build; results made for another config or other images are not used.
 * A cache that cannot be written is not used: the build then goes as with `use` false.
 */
export async function openBuildCache(root: string, keys: CacheKeys, use = true): Promise<BuildCache> {
  const unwritable = use
    ? await whyUnwritable(cacheDirOf(root), path.join(cacheDirOf(root), 'bodies'))
    : undefined;
  const persistent = use && !unwritable;
  const dir = persistent ? cacheDirOf(root) : await temporaryCacheDir();
  const read = persistent ? await readManifest(dir, keys.tool) : {};
  if (read.discarded) await removeQuietly(dir);
  const previous = read.manifest;
  const usable = previous !== undefined && previous.contentKey === keys.contentKey;
  const known = new Map<string, FileStamp>();
  const listed = new Set(previous?.files.map((f) => f.path));
  if (usable)
    for (const f of previous.files)
      if (f.stamp && !publishedSince(f.pending, keys.publish)) known.set(f.path, f.stamp);
  const stored = new Map<string, StoredResult>();
  const parsed = new Map<string, FileResult | undefined>();
  // A whole-site plan parses and keeps every line: they share what they repeat.
  const share = repeatedSharer();
  let details: BuildDetails | undefined;
  const runs: string[] = [];
  const knowsSpare = async (dir: string) => sameStamp(await outputStamp(dir), previous?.spare);
  return {
    dir,
    bodiesDir: path.join(dir, 'bodies'),
    persistent,
    ...(previous && { previous }),
    ...(read.discarded && { discarded: read.discarded }),
    ...(unwritable && { unwritable }),
    unchanged(relPath, stamp) {
      const was = known.get(relPath);
      // The last build read its files after it started: a file changed about then is read again.
      return previous !== undefined && was !== undefined && unchangedSince(was, stamp, previous.startedAt);
    },
    knows: (relPath) => usable && listed.has(relPath),
    async loadDetails() {
      if (!previous || details) return;
      details = await readDetails(dir, previous);
      if (!details) throw new CacheUnusable('the build cache has lost or damaged its details.json');
      const lines = details;
      previous.files.forEach((f, i) => {
        stored.set(f.path, { path: f.path, line: () => lines.line(i), listed: f });
      });
    },
    resultOf(relPath) {
      if (!usable) return undefined;
      if (parsed.has(relPath)) return parsed.get(relPath);
      const line = stored.get(relPath);
      const result = line && resultOfStored(line);
      const valid = result && stillValid(result, keys.publish) ? result : undefined;
      if (valid) share(valid);
      parsed.set(relPath, valid);
      return valid;
    },
    stored: (relPath) => stored.get(relPath),
    surroundingsOf(relPath) {
      const line = stored.get(relPath);
      return line && surroundingsOfStored(line);
    },
    pageSignatures: () => details?.pages,
    packNames() {
      const names = packNames();
      runs.push(path.dirname(names(0)));
      return names;
    },
    runs,
    loadedDetails: () => details,
    async outputFound(out) {
      const now = await outputStamp(out);
      if (sameStamp(now, previous?.output)) return 'same';
      return now && now.path === previous?.output.path ? 'restored' : undefined;
    },
    changedOutput: (out, found, spare, fromSpare) =>
      previousChanges(out, found, previous?.written ?? {}, details?.pages ?? {}, spare, fromSpare),
    outputFiles: () => details && [...Object.keys(details.pages), ...details.others],
    knowsSpare,
    async spareAt(dir) {
      const spare = details?.spare;
      if (!details || !spare || !previous?.spareWritten || !(await knowsSpare(dir))) return undefined;
      const pages: Record<string, string> = { ...details.pages };
      for (const [page, signature] of Object.entries(spare.pages))
        if (signature === null) delete pages[page];
        else pages[page] = signature;
      const written = withDelta(previous.written, previous.spareWritten);
      return { dir, pages, files: [...Object.keys(pages), ...spare.others], written };
    },
  };
}

const sameStamp = (now: OutputStamp | undefined, was: OutputStamp | undefined): boolean =>
  now !== undefined &&
  was !== undefined &&
  now.path === was.path &&
  now.ino === was.ino &&
  now.ctimeMs === was.ctimeMs;

/** The output folder's identity: a swap puts a new folder there, with another inode. */
export async function outputStamp(out: string): Promise<OutputStamp | undefined> {
  const s = await stat(out).catch(() => undefined);
  return s && { path: path.resolve(out), ino: s.ino, ctimeMs: s.ctimeMs };
}

/** Packs no build points into stay this long: a build still running may be about to. */
const LEFTOVER_AGE_MS = 60 * 60 * 1000;

/**
 * Writes the manifest of a finished build and removes the packs it no longer needs: those only the
 * previous manifest pointed into, and leftovers of failed or killed builds once they are an hour old.
 * Other packs may belong to a build of the same site running now (into another output folder); if
 * that build loses one anyway, it notices (BodyMissing) and builds again without the cache.
 */
export async function saveBuildCache(
  cache: BuildCache,
  manifest: Omit<BuildManifest, 'format' | 'details' | 'spare' | 'spareWritten'>,
  kept: {
    /**
     * Every content file's result, in the manifest's order: made or parsed by this build, or the
     * path of a file whose line stays as stored.
     */
    readonly files: ReadonlyArray<FileResult | string>;
    /** What each article page shows around it; without it, as the previous build stored it. */
    readonly around?: ReadonlyMap<string, Surroundings>;
    /**
     * Files whose pages show around them what the previous build stored (see articlePagesAsBefore):
     * their surroundings are kept as stored, not written out again to be compared.
     */
    readonly asBefore?: ReadonlySet<string>;
    readonly pages: BuildDetails['pages'];
    readonly others: BuildDetails['others'];
  },
  /** The spare the build kept, if it is the output the cache described: the cache describes it next. */
  spare?: OutputStamp,
): Promise<void> {
  const was = cache.loadedDetails();
  const around = kept.around;
  const files = kept.files.map((r) => (typeof r === 'string' ? storedLine(cache, r) : r));
  // A line as stored, or with the surroundings this build made, or those of the line it replaces.
  const aroundOf = (r: FileResult | StoredResult) =>
    around && !kept.asBefore?.has(r.path)
      ? around.get(r.path)
      : { asStored: 'line' in r ? r : cache.stored(r.path) };
  const lineOf = (r: FileResult | StoredResult) => detailsLine(r, aroundOf(r));
  const patch = patchOf(cache, files, lineOf, (r, stored) => isStoredLine(r, aroundOf(r), stored));
  const details = {
    pages: kept.pages,
    others: kept.others,
    lines: patch ? [] : eachLine(files, lineOf),
  };
  const withSpare = spare && was ? { ...details, spare: spareDetails(was, details) } : details;
  // The spare is the output the previous build left: its files as that build recorded them (those
  // changed since are found changed when the spare is taken).
  const spareWritten = cache.previous && writtenDelta(cache.previous.written, manifest.written);
  await writeManifest(
    cache.dir,
    spare && was && spareWritten ? { ...manifest, spare, spareWritten } : manifest,
    withSpare,
    patch,
  );
  const used = new Set(files.map((r) => ('line' in r ? packOfStored(r) : packOfResult(r))));
  const wasUsed = new Set(
    cache.previous?.files.map((f) => cache.stored(f.path)).map((r) => (r ? packOfStored(r) : '')),
  );
  const names = (await readdir(cache.bodiesDir, { recursive: true }).catch(() => [] as string[])).filter(
    (name) => name.endsWith('.pack') && !used.has(name),
  );
  await Promise.all(
    names.map(async (name) => {
      const file = path.join(cache.bodiesDir, name);
      const s = await stat(file).catch(() => undefined);
      if (s && (wasUsed.has(name) || s.mtimeMs < manifest.startedAt - LEFTOVER_AGE_MS))
        await unlink(file).catch(() => {});
    }),
  );
}

/** The line of a file as the previous build stored it. */
export function storedLine(cache: BuildCache, file: string): StoredResult {
  const line = cache.stored(file);
  if (!line) throw new CacheUnusable(`the build cache's details do not match its manifest (${file})`);
  return line;
}

/** Each file's line, made when the writer asks for it. */
function* eachLine<T>(files: Iterable<T>, lineOf: (file: T) => Buffer | Buffer[]) {
  for (const file of files) yield lineOf(file);
}

/**
 * The details as a patch of the base the previous ones were patched from, when few lines differ from
 * it: each file whose line is the very line of the base (`asStored`) is taken from there, in runs
 * (a new article shifts those after it by one), and every other line is written into the patch.
 */
function patchOf(
  cache: BuildCache,
  kept: ReadonlyArray<FileResult | StoredResult>,
  lineOf: (r: FileResult | StoredResult) => Buffer | Buffer[],
  asStored: (r: FileResult | StoredResult, stored: StoredResult) => boolean,
): DetailsPatch | undefined {
  const base = cache.loadedDetails()?.base;
  const files = cache.previous?.files;
  if (!base || !files) return undefined;
  const was = new Map(files.map((f, i) => [f.path, i]));
  const most = Math.max(PATCH_LINES, Math.floor(kept.length * PATCH_SHARE));
  const lines = new Map<number, Buffer | Buffer[]>();
  const runs: Array<[at: number, from: number, count: number]> = [];
  for (let i = 0; i < kept.length; i++) {
    const r = kept[i] as FileResult | StoredResult;
    const index = was.get(r.path);
    const from = index === undefined ? -1 : (base.from[index] ?? -1);
    const stored = cache.stored(r.path);
    if (from >= 0 && stored && asStored(r, stored)) {
      const run = runs.at(-1);
      if (run && run[0] + run[2] === i && run[1] + run[2] === from) run[2]++;
      else runs.push([i, from, 1]);
      continue;
    }
    lines.set(i, lineOf(r));
    if (lines.size > most) return undefined;
  }
  return { base, runs, lines };
}

/** A patch holds at most this many lines, or this share of them: beyond, the details are written whole. */
const PATCH_LINES = 64;
const PATCH_SHARE = 0.05;

/** The previous output (now the spare) as its differences from the new one. */
function spareDetails(was: BuildDetails, now: Pick<BuildDetails, 'pages'>): SpareDetails {
  const pages: Record<string, string | null> = {};
  for (const [page, signature] of Object.entries(now.pages))
    if (was.pages[page] !== signature) pages[page] = was.pages[page] ?? null;
  for (const [page, signature] of Object.entries(was.pages))
    if (!(page in now.pages)) pages[page] = signature;
  return { pages, others: was.others };
}

/**
 * Ends a build's use of the cache. A failed build leaves it as it found it: the packs it made are
 * removed. A temporary cache (a build without the site's cache) is removed whole. Never fails: what
 * cannot be removed is a leftover, which a later build removes (see saveBuildCache).
 */
export async function closeBuildCache(cache: BuildCache, succeeded: boolean): Promise<void> {
  cache.loadedDetails()?.close();
  if (!cache.persistent) await removeQuietly(cache.dir);
  else if (!succeeded) for (const run of cache.runs) await removeQuietly(path.join(cache.bodiesDir, run));
}

/**
 * Throws the whole cache away: the next build starts from nothing. Never fails: what cannot be
 * removed, a later build finds damaged by its digests and throws away again.
 */
export const discardBuildCache = (root: string) => removeQuietly(cacheDirOf(root));

/**
 * Removes `dir`, as far as it can. A folder that cannot be removed itself (its parent may not be
 * written) is emptied: Node's rm gives up at once then, leaving everything in it.
 */
async function removeQuietly(dir: string): Promise<void> {
  const remove = (target: string) => rm(target, { recursive: true, force: true });
  await remove(dir).catch(async () => {
    const names = await readdir(dir).catch(() => [] as string[]);
    await Promise.all(names.map((name) => remove(path.join(dir, name)).catch(() => {})));
  });
}

/** Where a build without the site's cache packs its bodies; removed when it ends. */
async function temporaryCacheDir(): Promise<string> {
  try {
    return await mkdtemp(path.join(os.tmpdir(), 'gazette-bodies-'));
  } catch (cause) {
    throw cacheWriteFailure(cause);
  }
}

/** One digest of several values (JSON): for the cache's keys. */
export const keyOf = (...parts: unknown[]): string =>
  createHash('sha1').update(JSON.stringify(parts)).digest('base64url');

import { type Dirent, readFileSync, statSync } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { type Diagnostic, problem } from '../errors/diagnostic.js';
import { type FileStamp, stampOf } from '../fs/file-stamp.js';
import { type FileStats, statsHere } from '../fs/file-stats.js';
import { followLink } from '../fs/follow-link.js';
import { errnoOf, errorCode } from '../fs/fs-failure.js';
import { listFolder } from '../fs/list-folder.js';
import { listingError } from '../fs/listing-problems.js';
import type { SourceFile, SourceRef } from './article.js';

export const CONTENT_DIR = 'content';

/** Editor leftovers and hidden files: never content (`.#a.md`, `a.md~`, `.a.md.swp`, `#a.md#`). */
export const isIgnoredName = (name: string): boolean =>
  name.startsWith('.') ||
  name.startsWith('#') ||
  name.endsWith('~') ||
  /\.(swp|swo|swx|tmp|bak|orig)$/i.test(name);

export const isArticleName = (name: string): boolean =>
  /\.(md|markdown)$/i.test(name) && !isIgnoredName(name);

/**
 * Reads every article under `ROOT/content`, in a stable order. Folders named in `exclude` (the
 * output folder, if someone puts it inside content/) are skipped; links that lead outside the
 * content folder are refused.
 */
export async function readSources(
  root: string,
  exclude: readonly string[],
  options: ReadOptions = {},
): Promise<Sources> {
  const listed = await listSources(root, exclude);
  return readListed(listed, options.unchanged && statsHere(listed.found.map(([full]) => full)), options);
}

/** The content files found, and what was wrong on the way; none read yet. */
export interface ListedSources {
  readonly found: ReadonlyArray<readonly [full: string, rel: string]>;
  readonly diagnostics: readonly Diagnostic[];
}

/** The content files found: read (changed or new), unchanged by their status, or to be read later. */
export interface Sources {
  readonly files: SourceFile[];
  readonly unchanged: readonly string[];
  readonly later: SourceRef[];
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Lists every article under `ROOT/content`, in a stable order, as readSources reads them: a build
 * stats them meanwhile (statsOffThread) and reads them with readListed.
 */
export async function listSources(root: string, exclude: readonly string[]): Promise<ListedSources> {
  const base = path.join(path.resolve(root), CONTENT_DIR);
  const diagnostics: Diagnostic[] = [];
  let realBase: string;
  try {
    realBase = await realpath(base);
  } catch {
    return {
      found: [],
      diagnostics: [
        problem('GZ0501', CONTENT_DIR, undefined, { dir: CONTENT_DIR, root: path.resolve(root) }),
      ],
    };
  }
  const excluded = exclude.map((d) => path.resolve(d));

  const seen = new Set<string>();
  const found: Array<[full: string, rel: string]> = [];
  const nameOf = (full: string) => path.relative(root, full).split(path.sep).join('/');
  const walk = async (dir: string): Promise<void> => {
    const relDir = nameOf(dir);
    let entries: Dirent[];
    try {
      // A link back to a parent folder must not send the walk round in circles. By the folder's
      // identity, not its real path: realpath checks every folder above, and 2,000 nested folders
      // took minutes.
      const { dev, ino } = await stat(dir);
      if (seen.has(`${dev}:${ino}`)) return;
      seen.add(`${dev}:${ino}`);
      const listing = await listFolder(dir);
      for (const e of listing.undecodable) {
        if (isIgnoredName(e.name.toString('utf8'))) continue;
        diagnostics.push(
          listingError({ kind: 'undecodable', folder: dir, name: e.name, isFolder: e.isDirectory() }, nameOf),
        );
      }
      entries = listing.entries.sort((a, b) => (a.name < b.name ? -1 : 1));
    } catch (cause) {
      diagnostics.push(
        listingError({ kind: 'unreadable', path: dir, code: errorCode(cause), isFolder: true }, nameOf),
      );
      return;
    }
    for (const entry of entries) {
      const name = entry.name;
      if (isIgnoredName(name)) continue;
      // Made from the folder's paths, not by path.relative for each of 20,000 files.
      const full = path.join(dir, name);
      if (excluded.length > 0 && excluded.includes(full)) continue;
      const rel = relDir === '' ? name : `${relDir}/${name}`;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const target = await followLink(full, realBase);
        if (target.kind === 'nowhere') {
          diagnostics.push(problem('GZ0502', rel, undefined));
          continue;
        }
        if (target.kind === 'outside') {
          diagnostics.push(problem('GZ0503', rel, undefined));
          continue;
        }
        isDir = target.kind === 'folder';
        isFile = target.kind === 'file';
      }
      if (isDir) {
        await walk(full);
      } else if (isArticleName(name) && !isFile) {
        // Reading a named pipe would wait for a writer forever.
        diagnostics.push(problem('GZ0504', rel, undefined));
      } else if (isArticleName(name)) {
        found.push([full, rel]);
      }
    }
  };
  await walk(base);
  return { found, diagnostics };
}

/**
 * Reads the files listed, each but those the caller knows as they are by their status in `stats`
 * (one per file, in order; taken before any is read), or leaves for later.
 */
export function readListed(
  listed: ListedSources,
  stats: FileStats | undefined,
  options: ReadOptions = {},
): Sources {
  const diagnostics = [...listed.diagnostics];
  const files: SourceFile[] = [];
  const unchanged: string[] = [];
  const later: SourceRef[] = [];
  // One after another, without the event loop: with the files in the page cache (a checkout, an
  // editor's save), a synchronous read is a memory copy, and 20,000 of them through the thread pool
  // took ten times as long.
  const read: Array<SourceFile | SourceRef | string | undefined> = new Array(listed.found.length);
  listed.found.forEach(([full, rel], i) => {
    try {
      // Not found as a file by the stat taken before: a stat here says why (gone since it was listed).
      const stamp = stats && (stats.stamp(i) ?? stampOf(statSync(full)));
      if (stamp && options.unchanged?.(rel, stamp)) read[i] = rel;
      else if (options.later?.(rel)) read[i] = { path: rel, full, ...(stamp && { stamp }) };
      else read[i] = { path: rel, bytes: readFileSync(full), ...(stamp && { stamp }) };
    } catch (cause) {
      // Gone since the folder was listed (an editor's save, a git checkout): nothing to read.
      if (errnoOf(cause) !== 'ENOENT') diagnostics.push(unreadable(full, rel, cause));
    }
  });
  for (const f of read) {
    if (typeof f === 'string') unchanged.push(f);
    else if (f && 'full' in f) later.push(f);
    else if (f) files.push(f);
  }
  // Problems are reported in file order, like everything else.
  diagnostics.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { files, unchanged, later, diagnostics };
}

/** Reads a file found earlier; undefined if it is gone since. */
export function readSourceFile(ref: SourceRef): SourceFile | Diagnostic | undefined {
  try {
    return { path: ref.path, bytes: readFileSync(ref.full), ...(ref.stamp && { stamp: ref.stamp }) };
  } catch (cause) {
    return errnoOf(cause) === 'ENOENT' ? undefined : unreadable(ref.full, ref.path, cause);
  }
}

const unreadable = (full: string, rel: string, cause: unknown): Diagnostic =>
  listingError({ kind: 'unreadable', path: full, code: errorCode(cause), isFolder: false }, () => rel);

export interface ReadOptions {
  /**
   * Asked of every file with its status before it is read: `true` means the caller knows it as it
   * is (from the build cache), so it is listed in `unchanged` and not read.
   */
  readonly unchanged?: (relPath: string, stamp: FileStamp) => boolean;
  /**
   * Asked of every other file: `true` means it is listed in `later` and not read now, for the caller
   * to read when it needs the bytes (a large build's files are not all held in memory at once).
   */
  readonly later?: (relPath: string) => boolean;
}

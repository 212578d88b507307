import { statSync } from 'node:fs';
import path from 'node:path';
import { type FileStats, statsHere } from '../fs/file-stats.js';
import { statsOffThread } from '../fs/stats-off-thread.js';

/**
 * An output file as a build left it: its size, modification time and inode. Writing into the file
 * changes the first two (even a hard-linked file's, which the spare beside the output shares), and
 * replacing or deleting it the inode. The change time is not used: linking a file to keep it in the
 * next site, and deleting a discarded site in the background, change it.
 */
export type WrittenStamp = readonly [size: number, mtimeMs: number, ino: number];

/**
 * Where the output the stamps describe is found: `same`, the very folder the build left (its inode
 * and change time, see outputStamp); `restored`, another folder at its place, such as a CI run's
 * `dist/` unpacked by actions/cache from the previous run's archive. A restored file has a new inode
 * but, with `tar --posix` (what actions/cache runs), its size and its modification time to the
 * nanosecond: it is taken as written if both are as recorded. A build stamps a file with the moment
 * it wrote it, so a file of other bytes (from another build, or edited) has another time, unless
 * someone gave it the recorded size and time on purpose (`touch -r`), which this cannot see: CI
 * restores only what the previous run saved. A tar that keeps whole seconds only (GNU tar's default
 * format) loses the time, and every file is then made again.
 */
export type OutputFound = 'same' | 'restored';

/** Output path → its file's stamp as the build left it. */
export type WrittenFiles = Readonly<Record<string, WrittenStamp>>;

/** The stamp of a file as it is now, or undefined if it is not a file (gone, a folder). */
function stampNow(file: string): WrittenStamp | undefined {
  const s = statSync(file, { throwIfNoEntry: false });
  return s?.isFile() ? [s.size, s.mtimeMs, s.ino] : undefined;
}

/** Whether `file`, in an output `found` so, is as `was` says it was left (no stamp to compare with: no). */
export function isAsWritten(file: string, was: WrittenStamp | undefined, found: OutputFound): boolean {
  if (!was) return false;
  const s = statSync(file, { throwIfNoEntry: false });
  return statusIsAsWritten(s?.isFile() ? s : undefined, was, found);
}

/** Whether a file of status `now` (undefined: not a file) is as `was` says it was left. */
const statusIsAsWritten = (
  now: { readonly size: number; readonly mtimeMs: number; readonly ino: number } | undefined,
  was: WrittenStamp | undefined,
  found: OutputFound,
): boolean =>
  now !== undefined &&
  was !== undefined &&
  now.size === was[0] &&
  now.mtimeMs === was[1] &&
  (found === 'restored' || now.ino === was[2]);

/** Whether two stamps are of one file as it was left: the same size, modification time and inode. */
export const sameStamp = (a: WrittenStamp | undefined, b: WrittenStamp | undefined): boolean =>
  a !== undefined && b !== undefined && a[0] === b[0] && a[1] === b[1] && a[2] === b[2];

/** Files of one folder to look at: those of `paths` (default: all of `written`) not as `written` says. */
export interface ChangedQuery {
  readonly dir: string;
  readonly written: WrittenFiles;
  readonly found: OutputFound;
  readonly paths?: readonly string[];
}

/**
 * The files of `dir` (found as `found` says) among `paths` (default: all of `written`) that are not
 * as `written` says they were left: edited, replaced, deleted, or never recorded. One `stat` each,
 * here and now.
 */
export function changedFiles(
  dir: string,
  written: WrittenFiles,
  found: OutputFound,
  paths?: readonly string[],
): Set<string> {
  const [query] = asked([{ dir, written, found, ...(paths && { paths }) }]);
  return query ? changedIn(query, statsHere(query.files), 0) : new Set();
}

/**
 * changedFiles for each query, the stats taken on a thread of their own (statsOffThread): a rebuild
 * looks at every file of the previous site (46,000 at 20,000 articles, with the search bundle's)
 * while it plans the site. The thread starts when this is called.
 */
export async function changedFilesOffThread(queries: readonly ChangedQuery[]): Promise<Set<string>[]> {
  const all = asked(queries);
  const stats = await statsOffThread(all.flatMap((q) => q.files));
  let first = 0;
  return all.map((q) => {
    const changed = changedIn(q, stats, first);
    first += q.files.length;
    return changed;
  });
}

/** Each query with its paths, and their files' full names. */
const asked = (queries: readonly ChangedQuery[]) =>
  queries.map((q) => {
    const paths = q.paths ?? Object.keys(q.written);
    // Joined by hand: path.join, which normalizes, took a third of the time of the stat itself.
    const base = q.dir + path.sep;
    return { ...q, paths, files: paths.map((rel) => base + rel) };
  });

/** The paths of a query whose files' statuses (from `first` on in `stats`) are not as written. */
function changedIn(q: ReturnType<typeof asked>[number], stats: FileStats, first: number): Set<string> {
  const changed = new Set<string>();
  q.paths.forEach((rel, i) => {
    if (!statusIsAsWritten(stats.stamp(first + i), q.written[rel], q.found)) changed.add(rel);
  });
  return changed;
}

/** The stamp of a file gone as soon as it was written: never that of a file, so it is made again. */
const GONE: WrittenStamp = [-1, -1, -1];

/**
 * The stamps of the files of `dir` (the site just committed): those of `known` (files the build took
 * as they were, checked before) as they are, the others read.
 */
export function writtenFiles(
  dir: string,
  files: Iterable<string>,
  known: (rel: string) => WrittenStamp | undefined,
): Record<string, WrittenStamp> {
  const written: Record<string, WrittenStamp> = {};
  const base = dir + path.sep;
  for (const rel of files) written[rel] = known(rel) ?? stampNow(base + rel) ?? GONE;
  return written;
}

/** `now` told as its differences from `base`: the stamps that differ, and null where `now` has no file. */
export function writtenDelta(now: WrittenFiles, base: WrittenFiles): Record<string, WrittenStamp | null> {
  const delta: Record<string, WrittenStamp | null> = {};
  for (const [rel, stamp] of Object.entries(now)) if (!sameStamp(stamp, base[rel])) delta[rel] = stamp;
  for (const rel of Object.keys(base)) if (!(rel in now)) delta[rel] = null;
  return delta;
}

/** `base` with `delta` applied (see writtenDelta). */
export function withDelta(
  base: WrittenFiles,
  delta: Readonly<Record<string, WrittenStamp | null>>,
): Record<string, WrittenStamp> {
  const files: Record<string, WrittenStamp> = { ...base };
  for (const [rel, stamp] of Object.entries(delta))
    if (stamp === null) delete files[rel];
    else files[rel] = stamp;
  return files;
}

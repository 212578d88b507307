import { lstatSync } from 'node:fs';
import path from 'node:path';
import type { SourceFile } from '../content/article.js';
import { CONTENT_DIR, isArticleName, readSources } from '../content/discover.js';
import type { Diagnostic } from '../errors/diagnostic.js';
import { readIfPresent } from '../fs/read-if-present.js';
import type { ChangedPaths } from './changed-paths.js';

/** The content files as the dev server last read them, and which may differ from its last good rebuild. */
export interface ContentFiles {
  /** Every content file, in order by path. */
  readonly files: readonly SourceFile[];
  /** Where each file is in `files`: a file saved again is put in its place, without sorting. */
  readonly index: ReadonlyMap<string, number>;
  /** What the last scan of content/ found wrong (links outside it, pipes): it stands until rescanned. */
  readonly problems: readonly Diagnostic[];
  /** The files saved since the last good rebuild, or all after a scan: those that may differ from it. */
  readonly since: 'all' | ReadonlySet<string>;
}

export const NO_CONTENT: ContentFiles = { files: [], index: new Map(), problems: [], since: 'all' };

/**
 * The content files after `changed`: the files saved are read again alone, unless folders may have
 * moved (then content/ is scanned). A link or a pipe is read only by a scan, which applies every
 * rule to it (a pipe would block).
 */
export async function readContent(
  before: ContentFiles,
  changed: ChangedPaths,
  root: string,
  exclude: readonly string[],
): Promise<ContentFiles> {
  const contentDir = path.join(root, CONTENT_DIR);
  const saved = changed.paths.filter((p) => p.startsWith(contentDir + path.sep));
  const rescan =
    changed.all ||
    before.files.length === 0 ||
    changed.paths.some((p) => p === contentDir || !isArticleName(path.basename(p))) ||
    someNotRegular(saved);
  if (!rescan || !changed.touched(contentDir)) return withSaved(before, saved, root);
  const read = await readSources(root, exclude);
  return { ...inOrder(read.files), problems: read.diagnostics, since: 'all' };
}

/** The content files with those `saved` (absolute paths) read again, as they are now, or gone. */
function withSaved(before: ContentFiles, saved: readonly string[], root: string): ContentFiles {
  if (saved.length === 0) return before;
  const now = new Map<string, Uint8Array | undefined>();
  // Synchronous, as the lstat before: right after the initial build, chokidar's stats of every
  // watched file fill libuv's threads, and an await here waited 80–100 ms for one.
  for (const p of saved) now.set(path.relative(root, p).split(path.sep).join('/'), readIfPresent(p));
  const problems = before.problems.filter((d) => !now.has(d.file));
  const since = before.since === 'all' ? 'all' : new Set([...before.since, ...now.keys()]);
  // A file saved again keeps its place in the order; one added or removed changes the order.
  const inPlace = [...now].every(([file, bytes]) => bytes && before.index.has(file));
  if (inPlace) {
    const files = [...before.files];
    for (const [file, bytes] of now)
      files[before.index.get(file) as number] = { path: file, bytes: bytes as Uint8Array };
    return { files, index: before.index, problems, since };
  }
  const byPath = new Map(before.files.map((f) => [f.path, f]));
  for (const [file, bytes] of now)
    if (bytes) byPath.set(file, { path: file, bytes });
    else byPath.delete(file);
  return { ...inOrder([...byPath.values()]), problems, since };
}

function inOrder(files: readonly SourceFile[]): Pick<ContentFiles, 'files' | 'index'> {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : 1));
  return { files: sorted, index: new Map(sorted.map((f, i) => [f.path, i])) };
}

/** Whether any of `paths` exists as something other than an ordinary file (a link, a pipe). */
function someNotRegular(paths: readonly string[]): boolean {
  for (const p of paths) {
    const entry = lstatSync(p, { throwIfNoEntry: false });
    if (entry && !entry.isFile()) return true;
  }
  return false;
}

import { statSync } from 'node:fs';
import path from 'node:path';
import { watch } from 'chokidar';
import { isIgnoredName } from '../content/discover.js';
import { type FileStamp, sameStamp, stampOf as stampOfStats } from '../fs/file-stamp.js';

/**
 * How long to wait for more events before rebuilding: a save (even write-and-rename) is one batch.
 * Longer bursts (a `git pull`) may come as several batches, each built as any other.
 */
export const QUIET_MS = 20;
/** When the files of a batch are looked at again, after it began (see recheck). */
const RECHECK_MS = [150, 600, 2000];

/** A file's status, or "gone". */
function statusOf(file: string): FileStamp | 'gone' {
  const s = statSync(file, { throwIfNoEntry: false });
  return s ? stampOfStats(s) : 'gone';
}

/**
 * Whether `file` changed since a batch took it with status `was`, by the rule of the build cache
 * (sameStamp): a file replaced with its modification time kept (`cp -p`) has a new change time. A
 * change in the same tick as the batch took it, which leaves the same times, is an event of its own.
 */
function changedSince(file: string, was: FileStamp | 'gone' | undefined): boolean {
  const now = statusOf(file);
  if (was === undefined || was === 'gone' || now === 'gone') return was !== now;
  return !sameStamp(was, now);
}

export interface Watcher {
  /** Resolves once the initial scan is done: changes before that could be missed. */
  readonly ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * Watches `paths` and calls `onBatch` with the absolute paths that changed, once the burst of events
 * is over. Editor temp files and hidden files are ignored; atomic saves (write temp, rename) arrive
 * as a change of the real file. Batches never overlap: events during a rebuild form the next batch.
 */
export function watchPaths(
  paths: readonly string[],
  ignore: readonly string[],
  onBatch: (changed: string[]) => Promise<void>,
): Watcher {
  const ignoredDirs = ignore.map((p) => path.resolve(p));
  const ignored = (p: string) =>
    isIgnoredName(path.basename(p)) || ignoredDirs.some((dir) => p === dir || p.startsWith(dir + path.sep));
  const watcher = watch([...paths], { ignoreInitial: true, ignored });
  const roots = paths.map((p) => path.resolve(p));
  const watchedHere = (p: string) => roots.some((r) => p === r || p.startsWith(r + path.sep));
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let busy = false;

  // The watcher has been seen to miss an edit that follows another of the same file within a moment
  // (on a busy machine): the files of each batch are looked at again a little later, and whatever
  // changed since the batch began is rebuilt as if reported.
  const rechecks = new Set<NodeJS.Timeout>();
  /** Each path's status when a batch last took it: a later batch that took it again moves it on. */
  const built = new Map<string, FileStamp | 'gone'>();
  const recheck = (batch: readonly string[]) => {
    for (const ms of RECHECK_MS) {
      const t = setTimeout(() => {
        rechecks.delete(t);
        const changed = batch.filter((p) => !pending.has(p) && changedSince(p, built.get(p)));
        if (changed.length === 0) return;
        for (const p of changed) pending.add(p);
        schedule();
      }, ms);
      rechecks.add(t);
    }
  };
  const flush = async () => {
    timer = undefined;
    if (busy || pending.size === 0) return;
    busy = true;
    const batch = [...pending];
    pending = new Set();
    for (const p of batch) built.set(p, statusOf(p));
    try {
      await onBatch(batch);
    } finally {
      busy = false;
      if (pending.size > 0) schedule();
      recheck(batch);
    }
  };
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, QUIET_MS);
  };
  watcher.on('all', (_event, p) => {
    pending.add(path.resolve(p));
    schedule();
  });
  // What the system reports, before chokidar sorts it out. chokidar drops a change that leaves the
  // modification time as it was once the file was read since (handler.js: `mt !== prevStats.mtimeMs`,
  // meant for a change of the access time only): a picture replaced with its time kept (`cp -p`,
  // `rsync -t`, unzip) would be served old until a restart. Every file the system says changed is
  // taken: the rebuild reads it again and finds out whether its bytes did (the access time, which
  // reading changes, is no event of fs.watch).
  // A name that is not UTF-8 (unzipped from Windows) reaches Node with U+FFFD in it, and chokidar,
  // which cannot stat it by that name, says nothing: its folder is reported, to be listed again.
  watcher.on('raw', (_event, name, details) => {
    const watched = (details as { watchedPath?: unknown } | undefined)?.watchedPath;
    if (typeof watched !== 'string') return;
    const folder = path.resolve(watched);
    const changed = name?.includes('\uFFFD') ? folder : reportedPath(folder, name);
    // chokidar also watches the folder of a path that is not there yet (the site's templates/).
    if (changed === undefined || ignored(changed) || !watchedHere(changed)) return;
    pending.add(changed);
    schedule();
  });
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    ready,
    async close() {
      if (timer) clearTimeout(timer);
      for (const t of rechecks) clearTimeout(t);
      await watcher.close();
    },
  };
}

/**
 * The file an event of fs.watch is about: one of the folder watched, or the file watched itself
 * (whose own watcher names it by its name). None when what was watched is gone (chokidar reports that).
 */
function reportedPath(watched: string, name: string | undefined): string | undefined {
  const s = statSync(watched, { throwIfNoEntry: false });
  if (!s) return undefined;
  return s.isDirectory() && name ? path.join(watched, name) : watched;
}

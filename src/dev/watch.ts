import { statSync } from 'node:fs';
import path from 'node:path';
import { watch } from 'chokidar';
import { isIgnoredName } from '../content/discover.js';

/**
 * How long to wait for more events before rebuilding: a save (even write-and-rename) is one batch.
 * Longer bursts (a `git pull`) may come as several batches, each built as any other.
 */
export const QUIET_MS = 20;
/** When the files of a batch are looked at again, after it began (see recheck). */
const RECHECK_MS = [150, 600, 2000];

/** A file's size, mtime and inode, or "gone": what tells that it changed. */
function stampOf(file: string): string {
  const s = statSync(file, { throwIfNoEntry: false });
  return s ? `${s.size}:${s.mtimeMs}:${s.ino}` : 'gone';
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
  const ignored = ignore.map((p) => path.resolve(p));
  const watcher = watch([...paths], {
    ignoreInitial: true,
    ignored: (p: string) =>
      isIgnoredName(path.basename(p)) || ignored.some((dir) => p === dir || p.startsWith(dir + path.sep)),
  });
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let busy = false;

  // The watcher has been seen to miss an edit that follows another of the same file within a moment
  // (on a busy machine): the files of each batch are looked at again a little later, and whatever
  // changed since the batch began is rebuilt as if reported.
  const rechecks = new Set<NodeJS.Timeout>();
  /** Each path's status when a batch last took it: a later batch that took it again moves it on. */
  const built = new Map<string, string>();
  const recheck = (batch: readonly string[]) => {
    for (const ms of RECHECK_MS) {
      const t = setTimeout(() => {
        rechecks.delete(t);
        const changed = batch.filter((p) => stampOf(p) !== built.get(p) && !pending.has(p));
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
    for (const p of batch) built.set(p, stampOf(p));
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
  // A name that is not UTF-8 (unzipped from Windows) reaches Node with U+FFFD in it, and chokidar,
  // which cannot stat it by that name, says nothing: its folder is reported, to be listed again.
  watcher.on('raw', (_event, name, details) => {
    const folder = (details as { watchedPath?: unknown } | undefined)?.watchedPath;
    if (!name.includes('\uFFFD') || typeof folder !== 'string') return;
    pending.add(path.resolve(folder));
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

import path from 'node:path';
import { watch } from 'chokidar';
import { isIgnoredName } from '../content/discover.js';

/** How long to wait for more events before rebuilding: a save, a rename or a `git pull` is one batch. */
export const QUIET_MS = 40;

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

  const flush = async () => {
    timer = undefined;
    if (busy || pending.size === 0) return;
    busy = true;
    const batch = [...pending];
    pending = new Set();
    try {
      await onBatch(batch);
    } finally {
      busy = false;
      if (pending.size > 0) schedule();
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
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    ready,
    async close() {
      if (timer) clearTimeout(timer);
      await watcher.close();
    },
  };
}

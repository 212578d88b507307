import type { ImageCatalog } from '../assets/image-catalog.js';
import type { BuildCache } from '../cache/build-cache.js';
import type { SiteConfig } from '../config/site-config.js';
import type { PublishOptions } from '../content/publish.js';
import { type BuildPool, createBuildPool, defaultJobs } from '../workers/pool.js';
import type { WorkerInit } from '../workers/tasks.js';

/**
 * Large sites validate and render on every core, in a pool of threads for each (see
 * build-worker.ts); a pool is started when there is enough work for it, and closed however the
 * build ends.
 */
export interface PoolKeeper {
  /** The pool for `work` items of this role, started if there is enough work; undefined on one thread. */
  poolFor(work: number, role: WorkerInit['role']): BuildPool | undefined;
  /** Whether poolFor would start a pool for `work` items of this role (it starts none). */
  wouldPool(work: number, role: WorkerInit['role']): boolean;
  /** Whether a pool is running. */
  running(): boolean;
  close(): Promise<void>;
}

export function poolKeeper(
  jobs: number | undefined,
  init: {
    root: string;
    config: SiteConfig;
    publish: PublishOptions;
    images: ImageCatalog;
    cache: BuildCache;
  },
): PoolKeeper {
  let pool: BuildPool | undefined;
  const threads = (work: number, role: WorkerInit['role']) => jobs ?? defaultJobs(work, role);
  return {
    poolFor(work, role) {
      const n = threads(work, role);
      if (n > 1)
        pool ??= createBuildPool(n, {
          role,
          root: init.root,
          config: init.config,
          publish: init.publish,
          images: init.images,
          bodiesDir: init.cache.bodiesDir,
        });
      return pool;
    },
    wouldPool: (work, role) => threads(work, role) > 1,
    running: () => pool !== undefined,
    async close() {
      const running = pool;
      pool = undefined;
      await running?.close();
    },
  };
}

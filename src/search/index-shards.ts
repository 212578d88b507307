import { availableParallelism } from 'node:os';
import { type BundleFile, type PagefindProcess, runPagefind } from './run-pagefind.js';
import type { SearchRecord } from './search-records.js';
import { SHARD_FILTER } from './shard-loader.js';

/** A shard to index: its name, and its records, made when its turn comes. */
export interface ShardJob {
  readonly name: string;
  readonly records: () => readonly SearchRecord[];
}

/** Each record says which shard it is in, as a filter the search page's loader uses (and hides). */
const withShardFilter = (name: string, records: readonly SearchRecord[]): SearchRecord[] =>
  records.map((r) => ({ ...r, filters: { ...r.filters, [SHARD_FILTER]: [name] } }));

/**
 * Indexes each shard in a Pagefind process of its own, as many at once as there are cores (each
 * Pagefind segments and indexes on one thread), and hands each bundle to `done` as it comes. A
 * shard's records are made when it is sent and its bundle written as it comes back, so that only a
 * few shards' text and bundles are ever held in memory. The first failure is the one reported.
 * The first shard goes to the Pagefind process started `ahead` (see startPagefind), if any.
 */
export async function indexShards(
  shards: readonly ShardJob[],
  language: string,
  words: string | undefined,
  done: (name: string, files: readonly BundleFile[]) => Promise<void>,
  ahead?: PagefindProcess,
): Promise<void> {
  const queue = [...shards];
  let started = ahead;
  const worker = async () => {
    try {
      for (let shard = queue.shift(); shard; shard = queue.shift()) {
        const records = withShardFilter(shard.name, shard.records());
        const running = started;
        started = undefined;
        await done(shard.name, await runPagefind({ language, words, records }, running));
      }
    } catch (cause) {
      // The other lanes finish what they are doing and start nothing more.
      queue.length = 0;
      throw cause;
    }
  };
  const lanes = Math.max(1, Math.min(availableParallelism(), queue.length));
  const results = await Promise.allSettled(Array.from({ length: lanes }, worker));
  const failed = results.find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
}

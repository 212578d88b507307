import { availableParallelism } from 'node:os';
import { type BundleFile, runPagefind } from './run-pagefind.js';
import type { SearchRecord } from './search-records.js';
import { SHARD_FILTER } from './shard-loader.js';
import type { Shard } from './shard-plan.js';

/** Each record says which shard it is in, as a filter the search page's loader uses (and hides). */
const withShardFilter = (shard: Shard): SearchRecord[] =>
  shard.records.map((r) => ({ ...r, filters: { ...r.filters, [SHARD_FILTER]: [shard.name] } }));

/**
 * Indexes each shard in a Pagefind process of its own, as many at once as there are cores (each
 * Pagefind segments and indexes on one thread), and hands each bundle to `done` as it comes, so that
 * only a few bundles are ever held in memory. The first failure is the one reported.
 */
export async function indexShards(
  shards: readonly Shard[],
  language: string,
  done: (shard: Shard, files: readonly BundleFile[]) => Promise<void>,
): Promise<void> {
  const queue = [...shards];
  const worker = async () => {
    try {
      for (let shard = queue.shift(); shard; shard = queue.shift())
        await done(shard, await runPagefind({ language, records: withShardFilter(shard) }));
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

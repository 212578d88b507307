import type { SourceFile, SourceRef } from '../content/article.js';
import { slugsAhead } from '../content/slugs-ahead.js';
import { textsToSlug } from '../content/texts-to-slug.js';
import type { LoadedFiles } from '../incremental/planned-build.js';
import type { FileResult } from '../site/load-files.js';
import type { PoolKeeper } from './pool-keeper.js';
import type { Prepared } from './prepare.js';

/**
 * Loads the files read (they changed, or the cache does not know them); a file read whose bytes turn
 * out to be the same as before keeps its result. The others' results stay in the cache until needed.
 * A build that loaded on many threads renders many pages: their threads start while it plans.
 */
export async function load(run: Prepared, pools: PoolKeeper): Promise<LoadedFiles> {
  const loaded = await run.step('load articles', () => loadArticles(run, pools));
  // The files' bytes are not needed after this (a large site's are hundreds of megabytes): let go.
  run.sources.files.length = 0;
  run.sources.later.length = 0;
  // Pages are rendered by other threads (see build-worker.ts): these go with what loading left.
  const loadedInParallel = pools.running();
  await pools.close();
  if (loadedInParallel) pools.poolFor(loaded.fresh.length, 'render');
  return loaded;
}

/**
 * Starts slugging on another thread what loading the files read here will slug (their tags,
 * headings and names: see slugsAhead), while the build cache is read. Files loaded by a pool are
 * slugged on its threads.
 */
export function slugAhead({ sources }: Prepared, pools: PoolKeeper): { stop(): void } {
  const count = sources.files.length + sources.later.length;
  if (count === 0 || pools.wouldPool(count, 'load')) return { stop() {} };
  const decoder = new TextDecoder();
  return slugsAhead({
    texts: sources.files.flatMap((f) => textsToSlug(f.path, decoder.decode(f.bytes))),
    // New files are read where they are loaded: the thread reads them too, for a look.
    files: sources.later.map((f) => [f.path, f.full] as const),
  });
}

async function loadArticles({ sources, cache, config, publish, images }: Prepared, pools: PoolKeeper) {
  const { digestOf, loadPacked } = await import('../site/load-files.js');
  const fresh: FileResult[] = [];
  const read: Array<SourceFile | SourceRef> = [...sources.later];
  for (const f of sources.files) {
    const known = cache.resultOf(f.path);
    if (known && known.digest === digestOf(f.bytes))
      fresh.push({ ...known, ...(f.stamp && { stamp: f.stamp }) });
    else read.push(f);
  }
  const pool = pools.poolFor(read.length, 'load');
  if (pool) fresh.push(...(await pool.loadFiles(read, cache.packNames())));
  else {
    const { createMarkdown } = await import('../markdown/markdown-it.js');
    const md = createMarkdown(config.basePath);
    const pack = cache.packNames()(0);
    fresh.push(...loadPacked(read, config, publish, md, images, cache.bodiesDir, pack));
  }
  return { fresh, unchanged: sources.unchanged };
}

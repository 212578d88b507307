import path from 'node:path';
import { bodyReader } from './bodies/body-pack.js';
import { CacheUnusable } from './bodies/cache-unusable.js';
import { load, slugAhead } from './build/load.js';
import type { BuildOptions, BuildReport } from './build/options.js';
import { type Planned, plan } from './build/plan.js';
import { type PoolKeeper, poolKeeper } from './build/pool-keeper.js';
import { type Prepared, prepare } from './build/prepare.js';
import { type KeptPlan, remember } from './build/remember.js';
import { upToDate } from './build/up-to-date.js';
import { type BodyReader, type Written, write } from './build/write.js';
import { cacheDirOf, closeBuildCache, discardBuildCache } from './cache/build-cache.js';
import { bodiesNotWritten, CacheUnwritable, cacheNotSaved } from './cache/cache-unwritable.js';
import { previousStateOf } from './cache/previous-state.js';
import type { StoredResult } from './cache/stored-result.js';
import { type FilePublishing, futureDatedListing } from './content/future-dated.js';
import type { FsFailure } from './fs/fs-failure.js';
import type { LoadedFiles } from './incremental/planned-build.js';
import type { PreviousState } from './incremental/previous-state.js';
import { type PagefindProcess, startPagefind } from './search/run-pagefind.js';
import { searchLanguage } from './search/search-records.js';
import type { FileResult } from './site/load-files.js';
import { LARGE_PLAN_GROWING_PERCENT, limitHeapGrowth } from './workers/heap-growth.js';

export type { BuildOptions, BuildReport, ProgressEvent } from './build/options.js';

/**
 * Builds the site: config → content → Markdown → site graph → pages → output.
 * Throws GazetteError with every problem found; the previous output is then left untouched.
 */
export async function build(options: BuildOptions): Promise<BuildReport> {
  const useCache = options.cache ?? true;
  const root = path.resolve(options.root);
  try {
    return await buildSite(options, useCache);
  } catch (cause) {
    if (!(cause instanceof CacheUnusable) || !useCache) throw withoutCacheFailure(cause);
    // A body could not be packed (a full disk): build without the cache, which stays as it was.
    if (cause instanceof CacheUnwritable) {
      const report = await buildSite(options, false).catch((again) => {
        throw withoutCacheFailure(again);
      });
      return {
        ...report,
        warnings: [...report.warnings, cacheNotSaved(root, cacheDirOf(root), cause.failure)],
      };
    }
    // Part of the cache was lost or damaged since it was opened: forget it and build from scratch.
    await discardBuildCache(root);
    return { ...(await buildSite(options, false)), cacheDiscarded: cause.message };
  }
}

/** A build without the cache that cannot write its bodies' temporary folder: an error, not a bug. */
const withoutCacheFailure = (cause: unknown): unknown =>
  cause instanceof CacheUnwritable ? bodiesNotWritten(cause.failure) : cause;

/**
 * One build, in its steps: prepare (config, images, keys, cache, sources), leave the site as it is
 * if nothing changed, load the previous state and the articles, plan, write, remember.
 */
async function buildSite(options: BuildOptions, useCache: boolean): Promise<BuildReport> {
  const run = await prepare(options, useCache);
  const unchanged = await upToDate(run);
  if (unchanged) return unchanged;
  const { cache, step } = run;
  const pools = poolKeeper(options.jobs, { ...run, cache });
  const slugging = slugAhead(run, pools);
  await step('read build cache', () => cache.loadDetails());
  const previous = previousStateOf(cache);
  if ((previous?.files.length ?? 0) >= LARGE_REBUILD) limitHeapGrowth(LARGE_PLAN_GROWING_PERCENT);
  const bodies = bodyReader();
  // Pagefind's process and service start now, beside the planning, for the search step to find ready.
  const pagefind = run.search ? startPagefind(searchLanguage(run.config.language)) : undefined;
  let succeeded = false;
  try {
    const loaded = await load(run, pools);
    slugging.stop();
    const { kept, written } = await planAndWrite(run, previous, loaded, { pools, bodies, pagefind });
    succeeded = true;
    const unsaved = await remember(run, kept.site, kept.found, written);
    return report(run, kept, written, unsaved);
  } finally {
    slugging.stop();
    pagefind?.stop();
    bodies.close();
    await pools.close();
    await closeBuildCache(cache, succeeded);
  }
}

/** Of a plan, what saving the build cache and the report need once the site is written. */
interface Kept {
  readonly site: KeptPlan;
  readonly found: Planned['found'];
}

/**
 * Plans and writes the site, and keeps of the plan only what comes after: its pages, their data
 * and the sitemap's text go before the cache is saved, when a rebuild of a large site held the most
 * (the saved manifest is made beside everything else it holds).
 */
async function planAndWrite(
  run: Prepared,
  previous: PreviousState | undefined,
  loaded: LoadedFiles,
  {
    pools,
    bodies,
    pagefind,
  }: { pools: PoolKeeper; bodies: BodyReader; pagefind?: PagefindProcess | undefined },
): Promise<{ kept: Kept; written: Written }> {
  const planned = await plan(run, previous, loaded);
  const written = await write(run, previous, planned, pools, bodies, pagefind);
  const { results, around, asBefore, nextDue, summary } = planned.site;
  const site = {
    results,
    summary,
    ...(around && { around }),
    ...(asBefore && { asBefore }),
    ...(nextDue !== undefined && { nextDue }),
  };
  return { kept: { site, found: planned.found }, written };
}

/**
 * A rebuild of this many files or more collects garbage sooner (limitHeapGrowth), sooner still than
 * a build with worker threads does from their start: at 100,000 articles one new article's rebuild,
 * which parses every cached result to plan the whole site, used 640–750 MB of heap after planning
 * and let its heap grow to 850 MB.
 * A smaller site's rebuild keeps V8's own factor: under 500 MiB at 20,000 articles, its time counts.
 */
const LARGE_REBUILD = 50_000;

/** What the build did, for the command line and for programs. */
function report(
  run: Prepared,
  { site, found }: Kept,
  written: Written,
  unsaved: FsFailure | undefined,
): BuildReport {
  const { cache, root, diagnostics } = run;
  const { work } = written;
  return {
    out: run.out,
    articles: site.summary.articles,
    pages: Object.keys(work.signatures).length,
    staticFiles: site.summary.staticFiles,
    skipped: site.summary.skipped,
    futureDated: futureDatedListing(
      site.results.map((r) => filePublishing(r, cache.stored(typeof r === 'string' ? r : r.path))),
      run.publish,
      run.config.timeZone,
    ),
    changes: written.changes,
    warnings: unsaved ? [...diagnostics, cacheNotSaved(root, cacheDirOf(root), unsaved)] : diagnostics,
    timings: run.timings,
    rendered: written.rendered,
    ...(cache.discarded && { cacheDiscarded: cache.discarded }),
    ...(found.repaired.length > 0 && { repaired: found.repaired }),
  };
}

/** A file's publishing, from its result as made, or as the build cache keeps it. */
const filePublishing = (r: FileResult | string, stored: StoredResult | undefined): FilePublishing =>
  typeof r === 'string' ? { path: r, publishing: stored?.listed.pending } : r;

import { readAgain } from '../assets/image-catalog.js';
import { storeCatalog } from '../cache/stored-catalog.js';
import { futureDatedListing } from '../content/future-dated.js';
import { sameSite } from '../incremental/text-edits.js';
import { outputFailure } from '../output/output-failure.js';
import { openOutputFolder } from '../output/output-folder.js';
import type { BuildReport } from './options.js';
import type { Prepared } from './prepare.js';

/**
 * The report of a build that found the site exactly as the previous build left it, which it then
 * leaves as it is; undefined when there is something to do.
 */
export async function upToDate(run: Prepared): Promise<BuildReport | undefined> {
  const { cache, out, root } = run;
  if (!(await isUpToDate(run))) return undefined;
  // The output folder is opened and closed as by any build: this refuses while another build is
  // writing the site, and clears what a killed build left beside it.
  const output = await openOutputFolder(out).catch((cause) => {
    throw outputFailure(cause, out, root);
  });
  const still = (await cache.outputFound(out)) === 'same';
  await output.abort();
  if (!still) return undefined;
  // Files read again though their bytes are the same (touched, or changed about when the last
  // build read them) are known now: the next build need not read them again.
  if (run.useCache && readAgain(run.images, run.knownImages))
    await storeCatalog(cache.dir, run.keys.tool, run.images).catch(() => undefined);
  return upToDateReport(run);
}

/** Whether the site would come out exactly as the previous build left it, so nothing need be done. */
async function isUpToDate({ cache, keys, sources, publish, out }: Prepared): Promise<boolean> {
  const previous = cache.previous;
  if (!previous || !sameSite(previous, keys.siteKey, publish)) return false;
  if (sources.files.length + sources.later.length > 0 || sources.diagnostics.length > 0) return false;
  if (sources.unchanged.length !== previous.files.length) return false;
  if (sources.unchanged.some((f, i) => previous.files[i]?.path !== f)) return false;
  return (
    (await cache.outputFound(out)) === 'same' && (await cache.changedOutput(out, 'same')).output.size === 0
  );
}

function upToDateReport({ out, cache, diagnostics, timings, publish, config }: Prepared): BuildReport {
  const summary = cache.previous?.summary;
  // The same articles are left out as by that build: none has come due since (isUpToDate).
  const files = (cache.previous?.files ?? []).map((f) => ({ path: f.path, publishing: f.pending }));
  return {
    out,
    articles: summary?.articles ?? 0,
    pages: summary?.pages ?? 0,
    staticFiles: summary?.staticFiles ?? 0,
    skipped: summary?.skipped ?? { drafts: [], future: 0 },
    futureDated: futureDatedListing(files, publish, config.timeZone),
    changes: { added: [], changed: [], removed: [], unchanged: 0 },
    warnings: [...diagnostics, ...(summary?.warnings ?? [])],
    timings,
    rendered: 0,
    upToDate: true,
  };
}

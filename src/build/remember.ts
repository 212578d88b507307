import {
  type BuildCache,
  discardBuildCache,
  outputStamp,
  type SpareSite,
  saveBuildCache,
  storedLine,
} from '../cache/build-cache.js';
import { saveFailureOf } from '../cache/cache-unwritable.js';
import { storeCatalog } from '../cache/stored-catalog.js';
import type { FsFailure } from '../fs/fs-failure.js';
import type { PlannedBuild } from '../incremental/planned-build.js';
import { siblingPath } from '../output/output-folder.js';
import { type WrittenStamp, writtenFiles } from '../output/written-files.js';
import type { Found } from './plan.js';
import type { Prepared } from './prepare.js';
import type { Written } from './write.js';

/** What saving the cache needs of a plan (see planAndWrite). */
export type KeptPlan = Pick<PlannedBuild, 'results' | 'around' | 'asBefore' | 'nextDue' | 'summary'>;

/**
 * Saves what the next build starts from: the build cache's manifest and details, and the images'
 * catalog. The site is built by now: a cache that cannot be saved (a full disk) only makes the next
 * build slower. It is thrown away then (what of it was written may not match), and the failure is
 * returned for the build to report.
 */
export async function remember(
  run: Prepared,
  site: KeptPlan,
  found: Found,
  written: Written,
): Promise<FsFailure | undefined> {
  const { cache, keys, out } = run;
  let unsaved = cache.unwritable;
  if (!cache.persistent) return unsaved;
  const { work, files } = written;
  await run.step('save build cache', async () =>
    saveBuildCache(
      cache,
      {
        tool: keys.tool,
        contentKey: keys.contentKey,
        siteKey: keys.siteKey,
        startedAt: run.startedAt,
        files: site.results.map((r) =>
          typeof r === 'string'
            ? storedLine(cache, r).listed
            : {
                path: r.path,
                ...(r.stamp && { stamp: r.stamp }),
                ...(r.publishing && !r.entry && { pending: r.publishing }),
              },
        ),
        output: (await outputStamp(out)) ?? { path: out, ino: 0, ctimeMs: 0 },
        written: writtenFiles(
          out,
          files,
          takenAsTheyWere(work, found.output === 'same' ? written.linked : new Set(), cache, written.spare),
        ),
        ...(site.nextDue !== undefined && { nextDue: site.nextDue }),
        summary: { ...site.summary, pages: Object.keys(work.signatures).length },
      },
      {
        files: site.results,
        ...(site.around && { around: site.around }),
        ...(site.asBefore && { asBefore: site.asBefore }),
        pages: work.signatures,
        others: files.filter((f) => !(f in work.signatures)),
      },
      // The site just replaced is the spare now; the cache can say what it holds if it knew it
      // (a restored site's files have other inodes than recorded: no spare is known then).
      found.output === 'same' ? await outputStamp(siblingPath(out, 'spare')) : undefined,
    )
      .then(() => storeCatalog(cache.dir, keys.tool, run.images))
      .catch(async (cause) => {
        unsaved = saveFailureOf(cause);
        await discardBuildCache(run.root);
      }),
  );
  return unsaved;
}

/**
 * The stamps of the files a build took as they were, found as the previous build left them: those
 * of the spare left where they were, and the previous site's very files (`linked`: linked from it,
 * or search files the spare shares with it). Linking changes no stamp; the other files of the new
 * site are looked at, as are those linked from a restored site (the caller gives none then): their
 * inodes are not the recorded ones.
 */
function takenAsTheyWere(
  work: Written['work'],
  linked: ReadonlySet<string>,
  cache: BuildCache,
  spare: SpareSite | undefined,
): (file: string) => WrittenStamp | undefined {
  const untouched = new Set(work.untouched.map(([file]) => file));
  const was = cache.previous?.written ?? {};
  return (file) => (untouched.has(file) ? spare?.written[file] : linked.has(file) ? was[file] : undefined);
}

import type { bodyReader } from '../bodies/body-pack.js';
import type { SpareSite } from '../cache/build-cache.js';
import { carryOver, type PageWork, pageWork } from '../incremental/page-work.js';
import type { PreviousState } from '../incremental/previous-state.js';
import { keepFiles } from '../output/keep-files.js';
import { outputFailure } from '../output/output-failure.js';
import { type Changes, type OutputFolder, openOutputFolder } from '../output/output-folder.js';
import type { PagefindProcess } from '../search/run-pagefind.js';
import { outputPathOf, SEARCH_BUNDLE_URL } from '../urls/urls.js';
import type { Planned } from './plan.js';
import type { PoolKeeper } from './pool-keeper.js';
import type { Prepared } from './prepare.js';
import { writeSearch } from './write-search.js';

/** What a build wrote: the new site swapped in, and how each page came to be there. */
export type BodyReader = ReturnType<typeof bodyReader>;

export interface Written {
  /** What became of each page, but the pages rendered (see `rendered`): they are let go once written. */
  readonly work: Omit<PageWork, 'render'>;
  /** How many pages were rendered. */
  readonly rendered: number;
  /**
   * The previous site's very files, as it left them: the pages linked from it, and the files of the
   * search bundle linked from it or left in the staging folder (see writeSearch).
   */
  readonly linked: ReadonlySet<string>;
  readonly changes: Changes;
  /** Every file of the new site. */
  readonly files: readonly string[];
  /** The spare the staging folder started as, if it was the one the cache knew. */
  readonly spare?: SpareSite;
}

/**
 * Writes the new site beside the output folder and swaps it in: the pages whose signatures changed
 * rendered, the others kept from the previous site (or left in the spare it started as), then the
 * static files, feeds, sitemap and search index. The previous site stays as it was if this fails.
 */
export async function write(
  run: Prepared,
  previous: PreviousState | undefined,
  planned: Planned,
  pools: PoolKeeper,
  bodies: BodyReader,
  pagefind?: PagefindProcess,
): Promise<Written> {
  const { out, root, cache } = run;
  const { found } = planned;
  const trusted = found.output !== undefined;
  let spare: SpareSite | undefined;
  const output = await openOutputFolder(out, {
    ...(trusted && {
      previousFiles: previous?.outputFiles,
      takeSpare: async (dir: string) => {
        const still = found.spare && found.changed && (await cache.knowsSpare(dir));
        spare =
          still && found.spare && found.changed
            ? { ...found.spare, pages: without(found.spare.pages, found.changed.spare) }
            : undefined;
        return spare?.files;
      },
    }),
    keepSpare: cache.persistent,
  }).catch((cause) => {
    throw outputFailure(cause, out, root);
  });
  try {
    const signed = trusted ? previous?.pages : undefined;
    const work = await run.step('find changed pages', () =>
      findWork(
        run,
        planned,
        signed && without(signed, found.repaired),
        output.prefilled ? spare?.pages : undefined,
      ),
    );
    for (const [file, outcome] of work.untouched) output.record(file, outcome);
    const linked = await run.step('keep unchanged pages', () => keepFiles(work.keep, output));
    for (const file of await writeSite(run, planned, work, output, { pools, bodies, pagefind }, previous))
      linked.add(file);
    const changes = await run.step('swap in new site', () => output.commit());
    const { render, ...done } = work;
    return {
      work: done,
      rendered: render.length,
      linked,
      changes,
      files: output.files(),
      ...(spare && { spare }),
    };
  } catch (cause) {
    await output.abort();
    throw outputFailure(cause, out, root);
  }
}

/** Which pages to render, keep or leave, by their signatures against the previous site's. */
function findWork(
  run: Prepared,
  { site, render }: Planned,
  previous: Readonly<Record<string, string>> | undefined,
  spared: Readonly<Record<string, string>> | undefined,
): PageWork {
  const fingerprints = render.templateFingerprints(run.keys.templates);
  const planned = pageWork(site, fingerprints, run.keys.contentKey, previous, spared);
  if (!site.partial) return planned;
  const fresh = new Set([
    ...site.pages.map((p) => outputPathOf(p.url)),
    ...site.staticFiles.map((f) => f.to),
  ]);
  const bundle = run.search ? SEARCH_BUNDLE_URL.slice(1) : undefined;
  return carryOver(planned, run.cache.outputFiles() ?? [], fresh, bundle, previous ?? {}, spared);
}

/**
 * Renders the pages to render, then copies and writes every other file the plan has. Returns the
 * files of the search bundle that are the previous site's, as it left them.
 */
async function writeSite(
  run: Prepared,
  { site, env, render, found }: Planned,
  work: PageWork,
  output: OutputFolder,
  { pools, bodies, pagefind }: { pools: PoolKeeper; bodies: BodyReader; pagefind?: PagefindProcess },
  previous: PreviousState | undefined,
): Promise<ReadonlySet<string>> {
  const { step, root } = run;
  const onWritten = (done: number, total: number) => run.options.progress?.({ kind: 'pages', done, total });
  await step('render and write pages', () => {
    const parallel = pools.poolFor(work.render.length, 'render');
    return parallel
      ? parallel.writePages(work.render, output, onWritten)
      : render.writePages(work.render, env, root, output, onWritten, bodies.read);
  });
  // Nothing after this needs the workers: their memory goes before the feeds, search and cache.
  await pools.close();
  await step('copy static files', () => Promise.all(site.staticFiles.map((f) => output.copy(f.from, f.to))));
  await step('write feeds and sitemap', () =>
    Promise.all(site.files.map((f) => output.write(f.path, f.data))),
  );
  if (!run.search) return new Set();
  return step('index for search', () => writeSearch(run, site, found, output, bodies, previous, pagefind));
}

/** `signatures` but those of `files`. */
function without(
  signatures: Readonly<Record<string, string>>,
  files: Iterable<string>,
): Readonly<Record<string, string>> {
  const gone = [...files];
  if (gone.length === 0) return signatures;
  const left: Record<string, string> = { ...signatures };
  for (const f of gone) delete left[f];
  return left;
}

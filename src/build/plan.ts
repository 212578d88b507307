import type nunjucks from 'nunjucks';
import type { SpareSite } from '../cache/build-cache.js';
import type { PreviousChanges } from '../cache/previous-output.js';
import { GazetteError, hasErrors } from '../errors/diagnostic.js';
import type { LoadedFiles, PlannedBuild } from '../incremental/planned-build.js';
import type { PreviousState } from '../incremental/previous-state.js';
import { textEditsSince } from '../incremental/text-edits.js';
import { siblingPath } from '../output/output-folder.js';
import type { OutputFound } from '../output/written-files.js';
import { isKeptShardFile } from '../search/shard-manifest.js';
import { templateDirs } from '../templates/template-dirs.js';
import type { Prepared } from './prepare.js';

/** What a build will write, and what it found of the previous site to keep from. */
export interface Planned {
  readonly site: PlannedBuild;
  readonly env: nunjucks.Environment;
  readonly render: Awaited<ReturnType<typeof toRender>>;
  readonly found: Found;
}

/** The previous site as found at the output folder, and beside it. */
export interface Found {
  /** Whether it is the one the cache describes (`same`), or restored at its place; else undefined. */
  readonly output?: OutputFound;
  /** The spare beside it, known only beside the very folder the cache describes. */
  readonly spare?: SpareSite;
  /** Files of the site, and pages of the spare, changed since that build left them. */
  readonly changed?: PreviousChanges;
  /** The files of the site edited, replaced or deleted since: made again. */
  readonly repaired: readonly string[];
}

/**
 * Plans the build: only the edited articles' pages after an edit of only their text (the usual
 * edit), else the whole site; then compiles the templates. Throws GazetteError with every problem.
 */
export async function plan(
  run: Prepared,
  previous: PreviousState | undefined,
  loaded: LoadedFiles,
): Promise<Planned> {
  const { step, config, root, diagnostics } = run;
  // The previous site's files are looked at on another thread while the site is planned.
  const finding = await findPrevious(run);
  const render = await toRender();
  const edited = previous ? textEditsSince(previous, run.keys.siteKey, loaded, run.publish) : undefined;
  // After an edit of only the text of articles, only their own pages can change, if the previous
  // site is there as it was; and only their shards of the search index (see writeSearch).
  const found = edited ? await finding.found : undefined;
  const kept = found?.output !== undefined && found.repaired.length === 0;
  const planned =
    edited && kept && previous
      ? await step('plan the edited articles', () => render.planTextEdits(previous, loaded, edited, config))
      : await step('plan the site', async () => {
          const whole = await render.planWholeSite(previous, loaded, config, root, run.publish, {
            images: run.images,
            search: run.search,
            publicFiles: run.keys.publicFiles,
            siteKey: run.keys.siteKey,
          });
          // Part of planning: what was not found as it was left is made again.
          await finding.found;
          return whole;
        });
  diagnostics.push(...planned.diagnostics);
  if (!planned.build) throw new GazetteError(diagnostics);
  const env = render.createEnvironment(root, config);
  diagnostics.push(
    ...(await step('compile templates', () => render.compileTemplates(env, templateDirs(root), root))),
  );
  if (hasErrors(diagnostics)) throw new GazetteError(diagnostics);
  return { site: planned.build, env, render, found: await finding.found };
}

/**
 * The previous site is known if it is the one the cache describes, or restored at its place (a CI
 * run's dist/ from the previous run's cache: its files are then trusted one by one); the spare
 * beside it only beside the very folder. Files of the site edited, replaced or deleted since (by
 * hand, by a script) are made again, with the site planned whole, as the plans of edits keep every
 * other file as it is. Pages of the spare changed since are not left in it.
 */
async function findPrevious({ cache, out, search }: Prepared): Promise<{ found: Promise<Found> }> {
  const output = await cache.outputFound(out);
  const spare = output === 'same' ? await cache.spareAt(siblingPath(out, 'spare')) : undefined;
  // The search step keeps an intact shard's files where the spare has them (see writeSearch).
  const changing = output
    ? cache.changedOutput(out, output, spare, search ? isKeptShardFile : undefined)
    : undefined;
  const found = (changed: PreviousChanges | undefined): Found => ({
    ...(output && { output }),
    ...(spare && { spare }),
    ...(changed && { changed }),
    repaired: [...(changed?.output ?? [])].sort(),
  });
  // Wrapped, so that awaiting findPrevious does not wait for the files to be looked at.
  return { found: (changing ?? Promise.resolve(undefined)).then(found) };
}

/**
 * The modules that plan and render, loaded once the build knows it has something to do (as are the
 * loaders, in load.ts): markdown-it, gray-matter, Nunjucks and the planners were a third of
 * gazette's start. A build of 20,000 articles that finds the site up to date took 0.48–0.55 s from
 * the command line instead of 0.56–0.69 s.
 */
async function toRender() {
  const [textEdits, wholeSite, environment, compile, deps, write] = await Promise.all([
    import('../incremental/plan-text-edits.js'),
    import('../incremental/plan-whole-site.js'),
    import('../templates/environment.js'),
    import('../templates/compile-templates.js'),
    import('../templates/template-deps.js'),
    import('../output/write-pages.js'),
  ]);
  return {
    planTextEdits: textEdits.planTextEdits,
    planWholeSite: wholeSite.planWholeSite,
    createEnvironment: environment.createEnvironment,
    compileTemplates: compile.compileTemplates,
    templateFingerprints: deps.templateFingerprints,
    writePages: write.writePages,
  };
}

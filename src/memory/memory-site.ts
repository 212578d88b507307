import path from 'node:path';
import { type ImageCatalog, publicFilesOf } from '../assets/image-catalog.js';
import type { SiteConfig } from '../config/site-config.js';
import { futureDatedListing } from '../content/future-dated.js';
import type { PublishOptions } from '../content/publish.js';
import { GazetteError } from '../errors/diagnostic.js';
import type { Entry } from '../graph/site-graph.js';
import { pageWork } from '../incremental/page-work.js';
import { planTextEdits } from '../incremental/plan-text-edits.js';
import { planWholeSite } from '../incremental/plan-whole-site.js';
import type { PreviousState } from '../incremental/previous-state.js';
import { textEditsSince } from '../incremental/text-edits.js';
import { changedPaths } from './changed-paths.js';
import { type ContentFiles, readContent } from './content-files.js';
import { fileLoader, type LoadedChanges, loadChanged, newMemo, type ResultMemo } from './load-changed.js';
import { type Made, type MemoryState, previousOf, publishedEntries, stateAfter } from './memory-state.js';
import {
  failed,
  NOTHING_YET,
  type RebuildReport,
  type Run,
  startRun,
  stops,
  succeeded,
} from './rebuild-report.js';
import { type Batch, renderBatch } from './render-batch.js';
import {
  compiled,
  keysOf,
  NO_INPUTS,
  readConfig,
  readImages,
  type SiteInputs,
  templatesAfter,
} from './site-inputs.js';

export type { RebuildReport } from './rebuild-report.js';

export interface MemorySiteOptions {
  readonly root: string;
  /**
   * The address the dev server is reached at: every link of the served site points there.
   * Default: site.yaml's baseUrl (as `gazette check` builds the site).
   */
  readonly baseUrl?: string;
  readonly drafts?: boolean;
  readonly future?: boolean;
  /** Folders never read as content (the build's output folder). */
  readonly exclude?: readonly string[];
}

/** The site as served by the dev server: output path → bytes, always the last good build. */
export interface MemorySite {
  readonly files: ReadonlyMap<string, Uint8Array>;
  /** The published articles of the last good build, as in `files`. */
  readonly entries: readonly Entry[];
  /** The site.yaml of the last good build; undefined before the first one. */
  readonly config: SiteConfig | undefined;
  /** When the first article the last good build left out for its date comes due (epoch ms). */
  readonly nextDue: number | undefined;
  /**
   * Rebuilds after `paths` (absolute) changed; `undefined` means anything may have changed.
   * Only changed files are re-read and only pages whose inputs changed are re-rendered; the result
   * is always what a full build would give. On errors, the last good site stays.
   * With `leaveOut`, the site is built without those content files, and their problems (and those
   * of content folders named there) do not stop it: `check` checks what it can of a site with errors.
   */
  rebuild(paths?: readonly string[], options?: { leaveOut?: ReadonlySet<string> }): Promise<RebuildReport>;
}

/**
 * The dev server's site, rebuilt in memory by the engine the build uses (src/incremental/), with
 * what the last good rebuild left (MemoryState) as the previous build: the same decisions from the
 * same data, kept in memory instead of on disk.
 */
export function createMemorySite(options: MemorySiteOptions): MemorySite {
  const root = path.resolve(options.root);
  const exclude = options.exclude ?? [];
  const flags = { drafts: options.drafts ?? false, future: options.future ?? false };
  // The files served: changed only by a good rebuild, as it replaces the state.
  const served = new Map<string, Uint8Array>();
  let inputs: SiteInputs = NO_INPUTS;
  let state: MemoryState | undefined;
  let memo: ResultMemo = newMemo('');
  let running: Promise<RebuildReport> = Promise.resolve(NOTHING_YET);

  const commit = (batch: Batch, made: Omit<Made, 'copied' | 'served'>, leftOut: boolean) => {
    for (const [out, bytes] of batch.write) served.set(out, bytes);
    for (const out of batch.remove) served.delete(out);
    state = stateAfter(state, { ...made, copied: batch.copied, served });
    // What may differ from the state is what is saved from now on (all, after a site built without some).
    inputs = { ...inputs, content: { ...inputs.content, since: leftOut ? 'all' : new Set() } };
  };

  const rebuildNow = async (run: Run, paths: readonly string[] | undefined): Promise<RebuildReport> => {
    const changed = changedPaths(paths);
    // 1–3. Config, content and images: each read again where its files changed. Content and images
    // are read even when site.yaml does not load, so that no save is missed until it does.
    const read = await readConfig(inputs.config, changed, root, options.baseUrl);
    run.diagnostics.push(...read.diagnostics);
    inputs = { ...inputs, config: read.config, templates: templatesAfter(inputs.templates, changed, root) };
    inputs = { ...inputs, content: await readContent(inputs.content, changed, root, exclude) };
    inputs = { ...inputs, images: await readImages(inputs.images, changed, root, exclude) };
    const { config, content, images } = inputs;
    if (!config || !images) return failed(run);
    run.diagnostics.push(...content.problems);

    // 4. Load the files saved since the last good rebuild, and those it has no result of.
    const publish = { ...flags, now: Date.now() };
    const keys = keysOf(config, images, inputs.templates, flags);
    if (memo.contentKey !== keys.contentKey) memo = newMemo(keys.contentKey);
    // The last good rebuild's results hold for this one if made for the same content key.
    const kept = state?.keys.contentKey === keys.contentKey ? state : undefined;
    const before = kept && { state: previousOf(kept, publish), waiting: kept.waiting };
    const previous = before?.state;
    const load = fileLoader(config.config, images.catalog, publish, memo);
    const loaded = loadChanged(contentOf(content, run), before, memo, load, publish);
    run.futureDated = futureDatedListing(loaded.waiting, publish, config.config.timeZone);

    // 5. Decide, as the build does: the edited articles' pages alone, or the whole site.
    const planned = await plan(previous, keys.siteKey, loaded, config.config, images.catalog, root, publish);
    run.diagnostics.push(...planned.diagnostics);
    if (!planned.build || stops(run)) return failed(run);

    // 6. Templates: compiled again when any of them (or the config) changed.
    const made = await compiled(inputs.templates, config, root);
    inputs = { ...inputs, templates: made.templates };
    const templates = made.templates.compiled;
    if (!templates || made.problems.length > 0) return failed(run, made.problems);

    // 7. Render the pages whose signatures changed (pageWork), into a batch served only whole.
    const work = pageWork(planned.build, templates.fingerprints, keys.contentKey, previous?.pages);
    const copied = state?.copied ?? new Map<string, string>();
    const batch = await renderBatch(planned.build, work, templates.env, root, served, copied);

    // 8. Commit: serve the batch, and keep what this rebuild made for the next one to build on.
    commit(
      batch,
      { keys, publish, config: config.config, site: planned.build, fresh: loaded.fresh, work },
      run.leaveOut !== undefined,
    );
    return succeeded(run, batch);
  };

  return {
    files: served,
    get entries() {
      return state ? publishedEntries(state) : [];
    },
    get config() {
      return state?.config;
    },
    get nextDue() {
      return state?.nextDue;
    },
    // Rebuilds run one at a time, in the order asked for.
    rebuild(paths, rebuildOptions) {
      const once = async () => {
        const run = startRun(rebuildOptions?.leaveOut);
        try {
          return await rebuildNow(run, paths);
        } catch (cause) {
          if (cause instanceof GazetteError) return failed(run, cause.diagnostics);
          throw cause;
        }
      };
      // A rebuild that throws (a bug, not a site error) must not stop the ones queued after it.
      const next = running.catch(() => undefined).then(once);
      running = next;
      return next;
    },
  };
}

/**
 * The plan of a rebuild, decided as the build decides it (build/plan.ts): after an edit of only the
 * text of articles, their own pages alone (planTextEdits); else the whole site (planWholeSite).
 */
function plan(
  previous: PreviousState | undefined,
  siteKey: string,
  loaded: LoadedChanges,
  config: SiteConfig,
  images: ImageCatalog,
  root: string,
  publish: PublishOptions,
) {
  const edited = previous && textEditsSince(previous, siteKey, loaded, publish);
  if (previous && edited) return planTextEdits(previous, loaded, edited, config);
  const publicFiles = publicFilesOf(images);
  return planWholeSite(previous, loaded, config, root, publish, {
    images,
    search: false,
    publicFiles,
    siteKey,
  });
}

/** The content files to build from: all but those left out, each looked at if some are. */
const contentOf = (content: ContentFiles, { leaveOut }: Run): ContentFiles =>
  leaveOut
    ? { ...content, files: content.files.filter((f) => !leaveOut.has(f.path)), since: 'all' }
    : content;

import path from 'node:path';
import { bodyReader } from './bodies/body-pack.js';
import type { BodyRef } from './bodies/body-ref.js';
import {
  type BuildCache,
  cacheDirOf,
  closeBuildCache,
  discardBuildCache,
  keyOf,
  openBuildCache,
  outputStamp,
  type SpareSite,
  saveBuildCache,
} from './cache/build-cache.js';
import { CacheUnusable } from './cache/cache-unusable.js';
import { bodiesNotWritten, CacheUnwritable, cacheNotSaved, saveFailureOf } from './cache/cache-unwritable.js';
import { placeKeepingEditsSince, textEditsSince } from './cache/edits-since.js';
import { carryOver, type PageWork, pageWork } from './cache/page-reuse.js';
import { readStoredCatalog, storeCatalog } from './cache/stored-catalog.js';
import type { StoredResult } from './cache/stored-result.js';
import { toolDigest } from './cache/tool-digest.js';
import { loadConfig } from './config/load-config.js';
import type { SiteConfig } from './config/site-config.js';
import type { SourceFile, SourceRef } from './content/article.js';
import { readSources } from './content/discover.js';
import { type FilePublishing, futureDatedListing } from './content/future-dated.js';
import type { PublishOptions, Skipped } from './content/publish.js';
import { type Diagnostic, GazetteError, hasErrors, problem } from './errors/diagnostic.js';
import type { Entry } from './graph/site-graph.js';
import { outputPathOf, SEARCH_BUNDLE_URL } from './graph/urls.js';
import {
  bytesDigest,
  catalogDigest,
  type ImageCatalog,
  NO_IMAGES,
  readAgain,
  readImageCatalog,
} from './images/image-catalog.js';
import { keepFiles } from './output/keep-files.js';
import { outputFailure } from './output/output-failure.js';
import { type Changes, openOutputFolder, outputTarget, siblingPath } from './output/output-folder.js';
import { defaultOutOf, outputProblem } from './output/output-place.js';
import { recoverOutput } from './output/recover-output.js';
import { type WrittenStamp, writtenFiles } from './output/written-files.js';
import type { FileResult } from './site/load-files.js';
import type { LoadedFiles } from './site/planned-build.js';
import { readTemplates } from './templates/read-templates.js';
import { templateDirs } from './templates/template-dirs.js';
import { type BuildPool, createBuildPool, defaultJobs } from './workers/pool.js';
import type { WorkerInit } from './workers/tasks.js';

export interface BuildOptions {
  /** Folder with site.yaml and content/. */
  readonly root: string;
  /** Output folder; default ROOT/dist. */
  readonly out?: string;
  readonly drafts?: boolean;
  readonly future?: boolean;
  /** The moment of the build, for leaving out future-dated articles; default: now. */
  readonly now?: number;
  /** Told of each finished step and of every page written, for a progress display. */
  readonly progress?: (event: ProgressEvent) => void;
  /** Threads for validating and rendering; default: one per core for large sites, 1 for small ones. */
  readonly jobs?: number;
  /** Overrides site.yaml's baseUrl. */
  readonly baseUrl?: string;
  /** Builds the full-text search index (default); without it the search page says search is unavailable. */
  readonly search?: boolean;
  /** Uses and updates the build cache in ROOT/.cache/gazette (default); false builds everything anew. */
  readonly cache?: boolean;
}

export type ProgressEvent =
  | { readonly kind: 'step'; readonly name: string; readonly ms: number }
  | { readonly kind: 'pages'; readonly done: number; readonly total: number };

export interface BuildReport {
  readonly out: string;
  readonly articles: number;
  readonly pages: number;
  readonly staticFiles: number;
  readonly skipped: Skipped;
  /** The articles left out for their date, each named (futureDatedListing): notes, or warnings. */
  readonly futureDated: readonly Diagnostic[];
  /** What differs from the site this build replaced (everything is `added` on a first build). */
  readonly changes: Changes;
  readonly warnings: readonly Diagnostic[];
  readonly timings: ReadonlyArray<readonly [step: string, ms: number]>;
  /** Pages rendered by this build; the others were kept from the previous site as they were. */
  readonly rendered: number;
  /** Set when nothing the site is made of changed, so the site was left as it is. */
  readonly upToDate?: boolean;
  /** Why the build cache found was not used, if it was not (damaged, another gazette version). */
  readonly cacheDiscarded?: string;
  /** Files of the previous site that were not as it left them (edited or deleted since): made again. */
  readonly repaired?: readonly string[];
}

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

async function buildSite(options: BuildOptions, useCache: boolean): Promise<BuildReport> {
  const root = path.resolve(options.root);
  const out = outputTarget(options.out ?? defaultOutOf(root));
  // The command line refuses such an output folder as bad usage; this guards programs that call build().
  const refused = outputProblem(root, out);
  if (refused) throw new GazetteError([problem('GZ0511', out, undefined, refused)]);
  const timings: Array<[string, number]> = [];
  const step = async <T>(name: string, run: () => T | Promise<T>): Promise<T> => {
    const start = performance.now();
    const result = await run();
    const ms = Math.round(performance.now() - start);
    timings.push([name, ms]);
    options.progress?.({ kind: 'step', name, ms });
    return result;
  };
  const diagnostics: Diagnostic[] = [];
  const stopOnErrors = () => {
    if (hasErrors(diagnostics)) throw new GazetteError(diagnostics);
  };
  const startedAt = Date.now();
  const publish = {
    drafts: options.drafts ?? false,
    future: options.future ?? false,
    now: options.now ?? startedAt,
  };
  const search = options.search ?? true;

  await recoverOutput(out);
  const { config, warnings } = await step('load config', () =>
    loadConfig(root, options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }),
  );
  diagnostics.push(...warnings);
  // What the last build found of each image is reused for the files whose status did not change.
  const known = useCache ? await readStoredCatalog(cacheDirOf(root), await toolDigest()) : NO_IMAGES;
  const images = await step('measure images', () => readImageCatalog(root, [out], known));
  const keys = await step('fingerprint inputs', () =>
    inputKeys(root, config, images, { publish, search, out }),
  );
  const cache = await step('open build cache', () => openBuildCache(root, { ...keys, publish }, useCache));
  const sources = await step('read content', () =>
    readSources(root, [out], {
      unchanged: (file, stamp) => cache.unchanged(file, stamp),
      // Files the last build did not have are read by whoever loads them, batch by batch.
      later: (file) => !cache.knows(file),
    }),
  );
  diagnostics.push(...sources.diagnostics);
  if (await isUpToDate(cache, keys.siteKey, sources, publish, out)) {
    // The output folder is opened and closed as by any build: this refuses while another build is
    // writing the site, and clears what a killed build left beside it.
    const output = await openOutputFolder(out).catch((cause) => {
      throw outputFailure(cause, out, root);
    });
    const still = (await cache.outputFound(out)) === 'same';
    await output.abort();
    if (still) {
      // Files read again though their bytes are the same (touched, or changed about when the last
      // build read them) are known now: the next build need not read them again.
      if (useCache && readAgain(images, known))
        await storeCatalog(cache.dir, keys.tool, images).catch(() => undefined);
      return upToDateReport(out, cache, diagnostics, timings, publish, config.timeZone);
    }
  }
  await step('read build cache', () => cache.loadDetails());

  // Large sites validate and render on every core, in a pool of threads for each (see
  // build-worker.ts); a pool is started when there is enough work for it, and closed however the
  // build ends.
  let pool: BuildPool | undefined;
  const poolFor = (work: number, role: WorkerInit['role']) => {
    const jobs = options.jobs ?? defaultJobs(work);
    if (jobs > 1)
      pool ??= createBuildPool(jobs, { role, root, config, publish, images, bodiesDir: cache.bodiesDir });
    return pool;
  };
  const closePool = async () => {
    const running = pool as BuildPool | undefined;
    pool = undefined;
    await running?.close();
  };
  const bodies = bodyReader();
  let succeeded = false;
  try {
    const loaded = await step('load articles', () =>
      loadArticles(sources, cache, config, publish, images, poolFor),
    );
    // The files' bytes are not needed after this (a large site's are hundreds of megabytes): let go.
    sources.files.length = 0;
    sources.later.length = 0;
    // Pages are rendered by other threads (see build-worker.ts): these go with what loading left.
    // A build that loaded many articles renders many pages: their threads start while it plans.
    const loadedInParallel = pool !== undefined;
    await closePool();
    if (loadedInParallel) poolFor(loaded.fresh.length, 'render');
    // The previous site is known if it is the one the cache describes, or restored at its place (a
    // CI run's dist/ from the previous run's cache: its files are then trusted one by one); the
    // spare beside it only beside the very folder.
    const found = await cache.outputFound(out);
    const trusted = found !== undefined;
    const spareFound = found === 'same' ? await cache.spareAt(siblingPath(out, 'spare')) : undefined;
    // Files of the site edited, replaced or deleted since (by hand, by a script): made again, with
    // the site planned whole, as the plans of edits keep every other file as it is. Pages of the
    // spare changed since are not left in it.
    const changed = found ? cache.changedOutput(out, found, spareFound) : undefined;
    const repaired = [...(changed?.output ?? [])].sort();
    const kept = trusted && repaired.length === 0;
    // After an edit of only the text of articles (the usual edit), only their own pages can change.
    // With a search index to make, every entry is needed anyway, and indexing takes far longer.
    const edited = kept && !search ? textEditsSince(cache, keys.siteKey, loaded, publish) : undefined;
    // After a new title (or summary, source, cover), every article still in its place: only the
    // pages that show the articles edited are signed again, with the lists, feeds and sitemap.
    const inPlace =
      kept && !edited ? placeKeepingEditsSince(cache, keys.siteKey, loaded, publish) : undefined;
    const {
      planTextEdits,
      planWholeSite,
      createEnvironment,
      compileTemplates,
      templateFingerprints,
      writePages,
    } = await toRender();
    const planned = edited
      ? await step('plan the edited articles', () => planTextEdits(cache, loaded, edited, config))
      : await step(inPlace ? 'plan the site around the edited articles' : 'plan the site', () =>
          planWholeSite(cache, loaded, config, root, publish, {
            images,
            search,
            publicFiles: keys.publicFiles,
            ...(inPlace && { keptPlaces: inPlace }),
          }),
        );
    diagnostics.push(...planned.diagnostics);
    if (!planned.build) throw new GazetteError(diagnostics);
    const site = planned.build;
    const { pages, staticFiles, files } = site;

    const env = createEnvironment(root, config);
    diagnostics.push(
      ...(await step('compile templates', () => compileTemplates(env, templateDirs(root), root))),
    );
    stopOnErrors();

    let spare: SpareSite | undefined;
    const output = await openOutputFolder(out, {
      ...(trusted && {
        previousFiles: cache.outputFiles(),
        takeSpare: async (dir: string) => {
          const still = spareFound && changed && (await cache.knowsSpare(dir));
          spare = still ? { ...spareFound, pages: without(spareFound.pages, changed.spare) } : undefined;
          return spare?.files;
        },
      }),
      keepSpare: cache.persistent,
    }).catch((cause) => {
      throw outputFailure(cause, out, root);
    });
    const onWritten = (done: number, total: number) => options.progress?.({ kind: 'pages', done, total });
    let changes: Changes;
    let work: PageWork;
    let linked: ReadonlySet<string>;
    try {
      work = await step('find changed pages', () => {
        const signatures = trusted ? cache.pageSignatures() : undefined;
        const previous = signatures && without(signatures, repaired);
        const spared = output.prefilled ? spare?.pages : undefined;
        const fingerprints = templateFingerprints(keys.templates);
        const planned = pageWork(pages, fingerprints, keys.contentKey, previous, spared);
        if (!site.partial) return planned;
        const fresh = new Set([...pages.map((p) => outputPathOf(p.url)), ...staticFiles.map((f) => f.to)]);
        const bundle = search ? SEARCH_BUNDLE_URL.slice(1) : undefined;
        return carryOver(planned, cache.outputFiles() ?? [], fresh, bundle, previous ?? {}, spared);
      });
      for (const [file, outcome] of work.untouched) output.record(file, outcome);
      linked = await step('keep unchanged pages', () => keepFiles(work.keep, output));
      await step('render and write pages', () => {
        const parallel = poolFor(work.render.length, 'render');
        return parallel
          ? parallel.writePages(work.render, output, onWritten)
          : writePages(work.render, env, root, output, onWritten, bodies.read);
      });
      // Nothing after this needs the workers: their memory goes before the feeds, search and cache.
      await closePool();
      await step('copy static files', () => Promise.all(staticFiles.map((f) => output.copy(f.from, f.to))));
      await step('write feeds and sitemap', () =>
        Promise.all(files.map((f) => output.write(f.path, f.data))),
      );
      const htmlOf = (e: Entry) => bodies.read(site.bodies.get(e.file) as BodyRef);
      if (search)
        await step('index for search', async () => {
          const { writeSearchIndex } = await import('./search/write-search-index.js');
          await writeSearchIndex(site.entries ?? [], config, htmlOf, output);
        });
      changes = await step('swap in new site', () => output.commit());
    } catch (cause) {
      await output.abort();
      throw outputFailure(cause, out, root);
    }
    succeeded = true;
    // The site is built: a cache that cannot be saved (a full disk) only makes the next build slower.
    // It is thrown away then (what of it was written may not match), and the build says so.
    let unsaved = cache.unwritable;
    if (cache.persistent)
      await step('save build cache', async () =>
        saveBuildCache(
          cache,
          {
            tool: keys.tool,
            contentKey: keys.contentKey,
            siteKey: keys.siteKey,
            startedAt,
            files: site.results.map((r) =>
              'listed' in r
                ? r.listed
                : {
                    path: r.path,
                    ...(r.stamp && { stamp: r.stamp }),
                    ...(r.publishing && !r.entry && { pending: r.publishing }),
                  },
            ),
            output: (await outputStamp(out)) ?? { path: out, ino: 0, ctimeMs: 0 },
            written: writtenFiles(
              out,
              output.files(),
              takenAsTheyWere(work, found === 'same' ? linked : new Set(), cache, spare),
            ),
            ...(site.nextDue !== undefined && { nextDue: site.nextDue }),
            summary: { ...site.summary, pages: Object.keys(work.signatures).length },
          },
          {
            files: site.results,
            ...(site.around && { around: site.around }),
            pages: work.signatures,
            others: output.files().filter((f) => !(f in work.signatures)),
          },
          // The site just replaced is the spare now; the cache can say what it holds if it knew it
          // (a restored site's files have other inodes than recorded: no spare is known then).
          found === 'same' ? await outputStamp(siblingPath(out, 'spare')) : undefined,
        )
          .then(() => storeCatalog(cache.dir, keys.tool, images))
          .catch(async (cause) => {
            unsaved = saveFailureOf(cause);
            await discardBuildCache(root);
          }),
      );

    return {
      out,
      articles: site.summary.articles,
      pages: Object.keys(work.signatures).length,
      staticFiles: site.summary.staticFiles,
      skipped: site.summary.skipped,
      futureDated: futureDatedListing(site.results.map(filePublishing), publish, config.timeZone),
      changes,
      warnings: unsaved ? [...diagnostics, cacheNotSaved(root, cacheDirOf(root), unsaved)] : diagnostics,
      timings,
      rendered: work.render.length,
      ...(cache.discarded && { cacheDiscarded: cache.discarded }),
      ...(repaired.length > 0 && { repaired }),
    };
  } finally {
    bodies.close();
    await closePool();
    await closeBuildCache(cache, succeeded);
  }
}

/**
 * The modules that plan and render, loaded once the build knows it has something to do (as are the
 * loaders, in loadArticles): markdown-it, gray-matter, Nunjucks and the planners were a third of
 * gazette's start. A build of 20,000 articles that finds the site up to date took 0.48–0.55 s from
 * the command line instead of 0.56–0.69 s.
 */
async function toRender() {
  const [textEdits, wholeSite, environment, compile, deps, write] = await Promise.all([
    import('./site/plan-text-edits.js'),
    import('./site/plan-whole-site.js'),
    import('./templates/environment.js'),
    import('./templates/compile-templates.js'),
    import('./templates/template-deps.js'),
    import('./output/write-pages.js'),
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

/**
 * What the cache is keyed by: gazette itself, config and images' sizes (`contentKey`: for articles,
 * and in every page's signature with its template's fingerprint), and the rest of the site
 * (`siteKey`: templates, the bytes of every file the site copies, options);
 * with the static files listed for it, which the site is then planned with.
 */
async function inputKeys(
  root: string,
  config: SiteConfig,
  images: ImageCatalog,
  options: { publish: PublishOptions; search: boolean; out: string },
) {
  const tool = await toolDigest();
  const contentKey = keyOf(tool, config, catalogDigest(images));
  // The templates' text, not yet what each depends on: that needs their parser, loaded only when
  // there is something to render (see toRender); any change of a template changes this key too.
  const templates = await readTemplates(root);
  const publicFiles = [...images.public].map(([to, f]) => ({ from: f.from, to }));
  const { drafts, future } = options.publish;
  // The files the site copies (images beside articles, public/) by their bytes.
  const siteKey = keyOf(
    contentKey,
    [...templates],
    bytesDigest(images),
    drafts,
    future,
    options.search,
    options.out,
  );
  return { tool, contentKey, siteKey, templates, publicFiles };
}

/**
 * Loads the files read (they changed, or the cache does not know them); a file read whose bytes turn
 * out to be the same as before keeps its result. The others' results stay in the cache until needed.
 */
async function loadArticles(
  sources: { files: readonly SourceFile[]; unchanged: readonly string[]; later: readonly SourceRef[] },
  cache: BuildCache,
  config: SiteConfig,
  publish: PublishOptions,
  images: ImageCatalog,
  poolFor: (work: number, role: WorkerInit['role']) => BuildPool | undefined,
): Promise<LoadedFiles> {
  const { digestOf, loadPacked } = await import('./site/load-files.js');
  const fresh: FileResult[] = [];
  const read: Array<SourceFile | SourceRef> = [...sources.later];
  for (const f of sources.files) {
    const known = cache.resultOf(f.path);
    if (known && known.digest === digestOf(f.bytes))
      fresh.push({ ...known, ...(f.stamp && { stamp: f.stamp }) });
    else read.push(f);
  }
  const pool = poolFor(read.length, 'load');
  if (pool) fresh.push(...(await pool.loadFiles(read, cache.packNames())));
  else {
    const { createMarkdown } = await import('./markdown/markdown-it.js');
    const md = createMarkdown(config.basePath);
    const pack = cache.packNames()(0);
    fresh.push(...loadPacked(read, config, publish, md, images, cache.bodiesDir, pack));
  }
  return { fresh, unchanged: sources.unchanged };
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

/**
 * The stamps of the files a build took as they were, found as the previous build left them: those
 * of the spare left where they were, and those linked from the previous site. Linking changes no
 * stamp; the other files of the new site are looked at, as are those linked from a restored site
 * (the caller gives none then): their inodes are not the recorded ones.
 */
function takenAsTheyWere(
  work: PageWork,
  linked: ReadonlySet<string>,
  cache: BuildCache,
  spare: SpareSite | undefined,
): (file: string) => WrittenStamp | undefined {
  const untouched = new Set(work.untouched.map(([file]) => file));
  const written = cache.previous?.written ?? {};
  return (file) =>
    untouched.has(file) ? spare?.written[file] : linked.has(file) ? written[file] : undefined;
}

/** A file's publishing, from its result as made or as the build cache keeps it. */
const filePublishing = (r: FileResult | StoredResult): FilePublishing =>
  'listed' in r ? { path: r.path, publishing: r.listed.pending } : r;

/** Whether the site would come out exactly as the previous build left it, so nothing need be done. */
async function isUpToDate(
  cache: BuildCache,
  siteKey: string,
  sources: {
    files: readonly SourceFile[];
    unchanged: readonly string[];
    later: readonly SourceRef[];
    diagnostics: readonly Diagnostic[];
  },
  publish: PublishOptions,
  out: string,
): Promise<boolean> {
  const previous = cache.previous;
  if (!previous || previous.siteKey !== siteKey || sources.files.length + sources.later.length > 0)
    return false;
  if (sources.diagnostics.length > 0 || sources.unchanged.length !== previous.files.length) return false;
  if (previous.nextDue !== undefined && publish.now >= previous.nextDue && !publish.future) return false;
  if (sources.unchanged.some((f, i) => previous.files[i]?.path !== f)) return false;
  return (await cache.outputFound(out)) === 'same' && cache.changedOutput(out, 'same').output.size === 0;
}

function upToDateReport(
  out: string,
  cache: BuildCache,
  diagnostics: Diagnostic[],
  timings: Array<[string, number]>,
  publish: PublishOptions,
  timeZone: string,
): BuildReport {
  const summary = cache.previous?.summary;
  // The same articles are left out as by that build: none has come due since (isUpToDate).
  const files = (cache.previous?.files ?? []).map((f) => ({ path: f.path, publishing: f.pending }));
  return {
    out,
    articles: summary?.articles ?? 0,
    pages: summary?.pages ?? 0,
    staticFiles: summary?.staticFiles ?? 0,
    skipped: summary?.skipped ?? { drafts: [], future: 0 },
    futureDated: futureDatedListing(files, publish, timeZone),
    changes: { added: [], changed: [], removed: [], unchanged: 0 },
    warnings: [...diagnostics, ...(summary?.warnings ?? [])],
    timings,
    rendered: 0,
    upToDate: true,
  };
}

import path from 'node:path';
import { loadConfig } from './config/load-config.js';
import { readSources } from './content/discover.js';
import { type Diagnostic, GazetteError, hasErrors } from './errors/diagnostic.js';
import { readImageCatalog } from './images/image-catalog.js';
import { createMarkdown } from './markdown/markdown-it.js';
import { outputFailure } from './output/output-failure.js';
import { type Changes, openOutputFolder } from './output/output-folder.js';
import { recoverOutput } from './output/recover-output.js';
import { writePages } from './output/write-pages.js';
import { writeSearchIndex } from './search/write-search-index.js';
import { loadEntries } from './site/load-entries.js';
import { planSite } from './site/plan-site.js';
import { compileTemplates } from './templates/compile-templates.js';
import { createEnvironment, templateDirs } from './templates/environment.js';
import { createBuildPool, defaultJobs } from './workers/pool.js';

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
}

export type ProgressEvent =
  | { readonly kind: 'step'; readonly name: string; readonly ms: number }
  | { readonly kind: 'pages'; readonly done: number; readonly total: number };

export interface BuildReport {
  readonly out: string;
  readonly articles: number;
  readonly pages: number;
  readonly staticFiles: number;
  readonly skipped: { readonly draft: number; readonly future: number };
  /** What differs from the site this build replaced (everything is `added` on a first build). */
  readonly changes: Changes;
  readonly warnings: readonly Diagnostic[];
  readonly timings: ReadonlyArray<readonly [step: string, ms: number]>;
}

/**
 * Builds the site: config → content → Markdown → site graph → pages → output.
 * Throws GazetteError with every problem found; the previous output is then left untouched.
 */
export async function build(options: BuildOptions): Promise<BuildReport> {
  const root = path.resolve(options.root);
  const out = path.resolve(options.out ?? path.join(root, 'dist'));
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

  await recoverOutput(out);
  const { config, warnings } = await step('load config', () =>
    loadConfig(root, options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }),
  );
  diagnostics.push(...warnings);
  const sources = await step('read content', () => readSources(root, [out]));
  diagnostics.push(...sources.diagnostics);
  const publish = {
    drafts: options.drafts ?? false,
    future: options.future ?? false,
    now: options.now ?? Date.now(),
  };
  const images = await step('measure images', () => readImageCatalog(root, [out]));
  const search = options.search ?? true;
  // Large sites validate and render on every core; the pool is closed however the build ends.
  const jobs = options.jobs ?? defaultJobs(sources.files.length);
  const pool = jobs > 1 ? createBuildPool(jobs, { root, config, publish, images }) : undefined;
  try {
    const loaded = await step('load articles', () =>
      pool
        ? pool.loadEntries(sources.files)
        : loadEntries(sources.files, config, publish, createMarkdown(config.basePath), new Map(), images),
    );
    diagnostics.push(...loaded.diagnostics);
    stopOnErrors();
    const entries = loaded.published;
    const planned = await step('plan the site', () => planSite(entries, config, root, { images, search }));
    diagnostics.push(...planned.diagnostics);
    if (!planned.plan) throw new GazetteError(diagnostics);
    const { pages, staticFiles, files } = planned.plan;

    const env = createEnvironment(root, config);
    diagnostics.push(
      ...(await step('compile templates', () => compileTemplates(env, templateDirs(root), root))),
    );
    stopOnErrors();

    const onWritten = (done: number, total: number) => options.progress?.({ kind: 'pages', done, total });
    const output = await openOutputFolder(out).catch((cause) => {
      throw outputFailure(cause, out, root);
    });
    let changes: Changes;
    try {
      await step('render and write pages', () =>
        pool ? pool.writePages(pages, output, onWritten) : writePages(pages, env, root, output, onWritten),
      );
      await step('copy static files', () => Promise.all(staticFiles.map((f) => output.copy(f.from, f.to))));
      await step('write feeds and sitemap', () =>
        Promise.all(files.map((f) => output.write(f.path, f.data))),
      );
      if (search) await step('index for search', () => writeSearchIndex(entries, config, output.dir, out));
      changes = await step('swap in new site', () => output.commit());
    } catch (cause) {
      await output.abort();
      throw outputFailure(cause, out, root);
    }

    return {
      out,
      articles: entries.length,
      pages: pages.length,
      staticFiles: staticFiles.length,
      skipped: loaded.skipped,
      changes,
      warnings: diagnostics,
      timings,
    };
  } finally {
    await pool?.close();
  }
}

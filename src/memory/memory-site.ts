import { lstatSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type nunjucks from 'nunjucks';
import { catalogDigest, type ImageCatalog, NO_IMAGES, readImageCatalog } from '../assets/image-catalog.js';
import { CONFIG_FILE, loadConfig } from '../config/load-config.js';
import type { SiteConfig } from '../config/site-config.js';
import type { SourceFile } from '../content/article.js';
import { CONTENT_DIR, isArticleName, readSources } from '../content/discover.js';
import { futureDatedListing } from '../content/future-dated.js';
import { type Diagnostic, GazetteError, hasErrors } from '../errors/diagnostic.js';
import { readIfPresent } from '../fs/read-if-present.js';
import type { Entry } from '../graph/site-graph.js';
import { bodyOnlyChanges } from '../incremental/body-only.js';
import { pageWork } from '../incremental/page-work.js';
import { editedPages } from '../incremental/plan-text-edits.js';
import { createMarkdown } from '../markdown/markdown-it.js';
import type { Surroundings } from '../pages/article-page.js';
import { digestOf } from '../site/load-files.js';
import { planSite } from '../site/plan-site.js';
import { compileTemplates } from '../templates/compile-templates.js';
import { createEnvironment } from '../templates/environment.js';
import { readTemplates } from '../templates/read-templates.js';
import { renderPage } from '../templates/render-page.js';
import { type TemplateFingerprints, templateFingerprints } from '../templates/template-deps.js';
import { templateDirs } from '../templates/template-dirs.js';
import { outputPathOf } from '../urls/urls.js';
import { type EntryCache, loadEntries, newEntryCache } from './load-entries.js';

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

export interface RebuildReport {
  readonly ok: boolean;
  /** Errors (when not ok) and warnings. */
  readonly diagnostics: readonly Diagnostic[];
  /** The articles left out for their date, named (futureDatedListing); empty if content was not loaded. */
  readonly futureDated: readonly Diagnostic[];
  /** Output paths written or removed by this rebuild: `xuexi/index.html`. */
  readonly changed: readonly string[];
  readonly rendered: number;
  readonly ms: number;
}

/** The site as served by the dev server: output path → bytes, always the last good build. */
export interface MemorySite {
  readonly files: ReadonlyMap<string, Uint8Array>;
  /** The published articles of the last good build, as in `files`. */
  readonly entries: readonly Entry[];
  /** The site.yaml of the last good build; undefined before the first one. */
  readonly config: SiteConfig | undefined;
  /**
   * Rebuilds after `paths` (absolute) changed; `undefined` means anything may have changed.
   * Only changed files are re-read and only pages whose inputs changed are re-rendered; the result
   * is always what a full build would give. On errors, the last good site stays.
   * With `leaveOut`, the site is built without those content files, and their problems (and those
   * of content folders named there) do not stop it: `check` checks what it can of a site with errors.
   */
  rebuild(paths?: readonly string[], options?: { leaveOut?: ReadonlySet<string> }): Promise<RebuildReport>;
}

export function createMemorySite(options: MemorySiteOptions): MemorySite {
  const root = path.resolve(options.root);
  const contentDir = path.join(root, CONTENT_DIR);
  const files = new Map<string, Uint8Array>();
  // What the served site was made from, as the engine reads a previous build (see PreviousState).
  let signatures: Record<string, string> = {};
  const staticDigests = new Map<string, string>();
  const sources = new Map<string, SourceFile>();
  // The sources by path, and where each is in that order: sorted again only when files come or go.
  let ordered: { files: SourceFile[]; index: Map<string, number> } | undefined;
  let config: SiteConfig | undefined;
  let configDigest = '';
  let entryCache: EntryCache = newEntryCache();
  let env: nunjucks.Environment | undefined;
  let fingerprints: TemplateFingerprints = new Map();
  // Set when site.yaml or a template changed, cleared only once it loads: until then every rebuild
  // fails as a full build would, instead of quietly using the last good one.
  let configDirty = true;
  let images: ImageCatalog = NO_IMAGES;
  let imagesDigest = '';
  let entries: readonly Entry[] = [];
  // What the last scan of content/ found wrong (links outside it, pipes): it stands until rescanned.
  let scanProblems: readonly Diagnostic[] = [];
  let goodConfig: SiteConfig | undefined;
  let templatesDirty = true;
  // What each article page served shows around it: for rebuilds after text edits (editedPages).
  let around: ReadonlyMap<string, Surroundings> = new Map();
  let running: Promise<RebuildReport> = Promise.resolve({
    ok: true,
    diagnostics: [],
    futureDated: [],
    changed: [],
    rendered: 0,
    ms: 0,
  });

  const rebuildNow = async (
    paths: readonly string[] | undefined,
    leaveOut: ReadonlySet<string> | undefined,
  ): Promise<RebuildReport> => {
    const started = performance.now();
    const all = paths === undefined;
    const touched = (dir: string) => all || paths.some((p) => p === dir || p.startsWith(dir + path.sep));
    const diagnostics: Diagnostic[] = [];
    let futureDated: readonly Diagnostic[] = [];
    const stops = (ds: readonly Diagnostic[]) =>
      hasErrors(leaveOut ? ds.filter((d) => !leaveOut.has(d.file)) : ds);
    const fail = (more: readonly Diagnostic[] = []): RebuildReport => ({
      ok: false,
      diagnostics: [...diagnostics, ...more],
      futureDated,
      changed: [],
      rendered: 0,
      ms: Math.round(performance.now() - started),
    });

    try {
      // 1. Config: a change of site.yaml (or of the result) invalidates everything.
      if (touched(path.join(root, CONFIG_FILE))) configDirty = true;
      if (configDirty) {
        const loaded = await loadConfig(
          root,
          options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl },
        );
        diagnostics.push(...loaded.warnings);
        const digest = digestOf(JSON.stringify(loaded.config));
        if (digest !== configDigest) {
          config = loaded.config;
          configDigest = digest;
          entryCache = newEntryCache();
          signatures = {};
          templatesDirty = true;
        }
        configDirty = false;
      }
      if (!config) return fail();

      // 2. Content: re-read only the files that changed; rescan when folders may have moved.
      // A link or a pipe is read only by a scan, which applies every rule to it (a pipe would block).
      const rescan =
        all ||
        sources.size === 0 ||
        paths.some((p) => p === contentDir || !isArticleName(path.basename(p))) ||
        someNotRegular(paths.filter((p) => p.startsWith(contentDir + path.sep)));
      // The content files saved since the last rebuild, when that is all that may have changed.
      let saved: string[] | undefined;
      if (rescan && touched(contentDir)) {
        const read = await readSources(root, options.exclude ?? []);
        scanProblems = read.diagnostics;
        sources.clear();
        for (const f of read.files) sources.set(f.path, f);
        ordered = undefined;
      } else {
        saved = [];
        for (const p of paths ?? []) {
          if (!p.startsWith(contentDir + path.sep)) continue;
          const rel = path.relative(root, p).split(path.sep).join('/');
          saved.push(rel);
          scanProblems = scanProblems.filter((d) => d.file !== rel);
          // Synchronous, as the lstat before: right after the initial build, chokidar's stats of
          // every watched file fill libuv's threads, and an await here waited 80–100 ms for one.
          const bytes = readIfPresent(p);
          const at = ordered?.index.get(rel);
          if (bytes) sources.set(rel, { path: rel, bytes });
          else sources.delete(rel);
          // A file saved again keeps its place in the order; one added or removed changes the order.
          if (bytes && ordered && at !== undefined) ordered.files[at] = { path: rel, bytes };
          else ordered = undefined;
        }
      }
      // Images: measured again when a file other than an article changed. Entries render their
      // images' sizes, so when the catalog changes, every entry and page is made again.
      if (all || images === NO_IMAGES || paths.some((p) => !isArticleName(path.basename(p)))) {
        images = await readImageCatalog(root, options.exclude ?? [], images);
        const digest = catalogDigest(images);
        if (digest !== imagesDigest) {
          imagesDigest = digest;
          entryCache = newEntryCache();
          signatures = {};
        }
      }
      diagnostics.push(...scanProblems);
      const publish = { drafts: options.drafts ?? false, future: options.future ?? false, now: Date.now() };
      if (!ordered) {
        const files = [...sources.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
        ordered = { files, index: new Map(files.map((f, i) => [f.path, i])) };
      }
      const loaded = loadEntries(
        leaveOut ? ordered.files.filter((f) => !leaveOut.has(f.path)) : ordered.files,
        config,
        publish,
        createMarkdown(config.basePath),
        entryCache,
        images,
        undefined,
        saved,
      );
      diagnostics.push(...loaded.diagnostics);
      futureDated = futureDatedListing(loaded.scheduled, publish, config.timeZone);
      if (stops(diagnostics)) return fail();

      // 2b. Only the text of articles changed (the usual edit): only their own pages can differ.
      const onlyArticles =
        !all &&
        !rescan &&
        paths.every((p) => p.startsWith(contentDir + path.sep) && isArticleName(path.basename(p)));
      const bodies =
        onlyArticles &&
        env &&
        !templatesDirty &&
        goodConfig === config &&
        bodyOnlyChanges(entries, loaded.published);
      if (bodies && env && bodies.every((f) => around.has(f))) {
        // Their pages, planned as the build plans them after a text edit (editedPages), from what
        // the pages around them showed: the other articles' entries are the ones served.
        const entryOf = (file: string) => entryCache.files.get(file)?.result.entry;
        const pages = editedPages(bodies, entryOf, (file) => around.get(file), loaded.bodies, config);
        const work = pageWork(pages, fingerprints, configDigest, signatures);
        const batch = new Map<string, Uint8Array>();
        for (const page of work.render)
          batch.set(outputPathOf(page.url), Buffer.from(renderPage(env, page, root)));
        for (const [out, bytes] of batch) files.set(out, bytes);
        Object.assign(signatures, work.signatures);
        entries = loaded.published;
        return {
          ok: true,
          diagnostics,
          futureDated,
          changed: [...batch.keys()].sort(),
          rendered: batch.size,
          ms: Math.round(performance.now() - started),
        };
      }

      // 3. Structure, pages and static files: cheap, always recomputed.
      const planned = await planSite(loaded.published, config, root, { images, bodies: loaded.bodies });
      diagnostics.push(...planned.diagnostics);
      if (!planned.plan) return fail();
      const { staticFiles, files: generated, pages } = planned.plan;

      // 4. Templates: recompiled when any of them changed; fingerprints say which pages they affect.
      const dirs = templateDirs(root);
      if (dirs.some(touched)) templatesDirty = true;
      if (!env || templatesDirty) {
        const fresh = createEnvironment(root, config);
        const problems = await compileTemplates(fresh, dirs, root);
        if (hasErrors(problems)) return fail(problems);
        env = fresh;
        fingerprints = templateFingerprints(await readTemplates(root));
        templatesDirty = false;
      }

      // 5. Render what changed, into a batch that replaces the served files only if all succeed.
      // Which pages changed: by their signatures against those served (pageWork, as the build does).
      const work = pageWork(pages, fingerprints, configDigest, signatures);
      const batch = new Map<string, Uint8Array>();
      for (const page of work.render)
        batch.set(outputPathOf(page.url), Buffer.from(renderPage(env, page, root)));
      const nextStatic = new Map<string, string>();
      for (const f of staticFiles) {
        const bytes = await readFile(f.from);
        const digest = digestOf(bytes);
        nextStatic.set(f.to, digest);
        if (staticDigests.get(f.to) !== digest) batch.set(f.to, bytes);
      }

      // Feeds and sitemap are cheap to make: compared by their bytes.
      const nextGenerated = new Set<string>();
      for (const f of generated) {
        const bytes = Buffer.from(f.data);
        nextGenerated.add(f.path);
        const served = files.get(f.path);
        if (!served || !Buffer.from(served).equals(bytes)) batch.set(f.path, bytes);
      }

      const changed = [...batch.keys()];
      for (const [out, bytes] of batch) files.set(out, bytes);
      for (const out of [...files.keys()]) {
        if (!(out in work.signatures) && !nextStatic.has(out) && !nextGenerated.has(out)) {
          files.delete(out);
          changed.push(out);
        }
      }
      signatures = work.signatures;
      staticDigests.clear();
      for (const [k, v] of nextStatic) staticDigests.set(k, v);
      entries = loaded.published;
      around = planned.plan.around;
      goodConfig = config;
      const rendered = changed.length;
      return {
        ok: true,
        diagnostics,
        futureDated,
        changed: changed.sort(),
        rendered,
        ms: Math.round(performance.now() - started),
      };
    } catch (cause) {
      if (cause instanceof GazetteError) return fail(cause.diagnostics);
      throw cause;
    }
  };

  return {
    files,
    get entries() {
      return entries;
    },
    get config() {
      return goodConfig;
    },
    // Rebuilds run one at a time, in the order asked for.
    rebuild(paths, rebuildOptions) {
      // A rebuild that throws (a bug, not a site error) must not stop the ones queued after it.
      const next = running.catch(() => undefined).then(() => rebuildNow(paths, rebuildOptions?.leaveOut));
      running = next;
      return next;
    },
  };
}

/** Whether any of `paths` exists as something other than an ordinary file (a link, a pipe). */
function someNotRegular(paths: readonly string[]): boolean {
  for (const p of paths) {
    const entry = lstatSync(p, { throwIfNoEntry: false });
    if (entry && !entry.isFile()) return true;
  }
  return false;
}

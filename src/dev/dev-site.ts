import { lstatSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type nunjucks from 'nunjucks';
import { CONFIG_FILE, loadConfig } from '../config/load-config.js';
import type { SiteConfig } from '../config/site-config.js';
import type { SourceFile } from '../content/article.js';
import { CONTENT_DIR, isArticleName, readSources } from '../content/discover.js';
import { futureDatedListing } from '../content/future-dated.js';
import { type Diagnostic, GazetteError, hasErrors } from '../errors/diagnostic.js';
import { readIfPresent } from '../fs/read-if-present.js';
import type { Entry } from '../graph/site-graph.js';
import { outputPathOf } from '../graph/urls.js';
import { catalogDigest, type ImageCatalog, NO_IMAGES, readImageCatalog } from '../images/image-catalog.js';
import { createMarkdown } from '../markdown/markdown-it.js';
import { showsAround } from '../pages/article-page.js';
import { isPlanned, isSettled, type Page } from '../pages/page.js';
import { bodyOnlyChanges } from '../site/body-only.js';
import { placeKeptChanges } from '../site/kept-place.js';
import { type EntryCache, loadEntries } from '../site/load-entries.js';
import { digestOf } from '../site/load-files.js';
import { pageSignature } from '../site/page-signature.js';
import { planSite } from '../site/plan-site.js';
import { compileTemplates } from '../templates/compile-templates.js';
import { createEnvironment } from '../templates/environment.js';
import { readTemplates } from '../templates/read-templates.js';
import { renderPage } from '../templates/render-page.js';
import { type TemplateFingerprints, templateFingerprints } from '../templates/template-deps.js';
import { templateDirs } from '../templates/template-dirs.js';

export interface DevSiteOptions {
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
export interface DevSite {
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

export function createDevSite(options: DevSiteOptions): DevSite {
  const root = path.resolve(options.root);
  const contentDir = path.join(root, CONTENT_DIR);
  const files = new Map<string, Uint8Array>();
  const signatures = new Map<string, string>();
  const staticDigests = new Map<string, string>();
  const sources = new Map<string, SourceFile>();
  // The sources by path, and where each is in that order: sorted again only when files come or go.
  let ordered: { files: SourceFile[]; index: Map<string, number> } | undefined;
  let config: SiteConfig | undefined;
  let configDigest = '';
  let entryCache: EntryCache = new Map();
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
  // The article page of each published file, as last rendered: for rebuilds after body-only edits.
  const articlePages = new Map<string, Page>();
  let running: Promise<RebuildReport> = Promise.resolve({
    ok: true,
    diagnostics: [],
    futureDated: [],
    changed: [],
    rendered: 0,
    ms: 0,
  });

  /**
   * The articles whose pages, as planned before, show none of the `edited` ones (their own, or
   * around them): after edits that kept every article in its place, those pages are as they were.
   * Undefined when a page is not known from before.
   */
  const settledArticles = (edited: ReadonlySet<string>): Set<string> | undefined => {
    const urls = new Set(entries.filter((e) => edited.has(e.file)).map((e) => e.url));
    const settled = new Set<string>();
    for (const e of entries) {
      const page = articlePages.get(e.file);
      if (!page) return undefined;
      if (!edited.has(e.file) && !showsAround(page, edited, urls)) settled.add(e.file);
    }
    return settled;
  };

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
          entryCache = new Map();
          signatures.clear();
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
          entryCache = new Map();
          signatures.clear();
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
      if (bodies && env && bodies.every((f) => articlePages.has(f))) {
        const batch = new Map<string, Uint8Array>();
        const nextPages = new Map<string, Page>();
        for (const file of bodies) {
          const old = articlePages.get(file) as Page;
          const entry = loaded.published.find((e) => e.file === file);
          const body = loaded.bodies.get(file);
          // The JSON-LD made from the old entry is the new one's too: it shows only what a body-only
          // edit leaves as it was (title, summary, dates, author, cover).
          const page: Page = {
            ...old,
            context: { ...old.context, article: entry },
            ...(body && { body }),
            ...(entry && { bodyVersion: entry.version }),
          };
          batch.set(outputPathOf(page.url), Buffer.from(renderPage(env, page, root)));
          nextPages.set(file, page);
        }
        for (const [out, bytes] of batch) files.set(out, bytes);
        for (const [file, page] of nextPages) {
          articlePages.set(file, page);
          signatures.set(
            outputPathOf(page.url),
            pageSignature(page, fingerprints.get(page.template) ?? '', configDigest),
          );
        }
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

      // 3. Structure, pages and static files: cheap, always recomputed. After a new title (every
      // article still in its place), the pages that show no edited article (article pages, and the
      // lists of categories, tags and months) are settled: served as they are, neither planned nor
      // signed (signing them was 0.3 s of 1.1 s at 20,000 articles).
      const changes =
        onlyArticles && env && !templatesDirty && goodConfig === config
          ? placeKeptChanges(entries, loaded.published)
          : undefined;
      const edited = changes && new Set(changes);
      const settled = edited && settledArticles(edited);
      const current = config;
      const plan = (keep: boolean) =>
        planSite(loaded.published, current, root, {
          images,
          bodies: loaded.bodies,
          ...(keep && settled && edited && { settled, edited }),
        });
      let planned = await plan(true);
      // A page can be kept only if it was served before: otherwise, plan every page.
      if (planned.plan?.pages.some((p) => isSettled(p) && !signatures.has(outputPathOf(p.url))))
        planned = await plan(false);
      diagnostics.push(...planned.diagnostics);
      if (!planned.plan) return fail();
      const { staticFiles, files: generated } = planned.plan;
      const pages = planned.plan.pages.filter(isPlanned);

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
      const batch = new Map<string, Uint8Array>();
      const nextSignatures = new Map<string, string>();
      for (const page of planned.plan.pages.filter(isSettled)) {
        const out = outputPathOf(page.url);
        nextSignatures.set(out, signatures.get(out) as string);
      }
      for (const page of pages) {
        const out = outputPathOf(page.url);
        const signature = pageSignature(page, fingerprints.get(page.template) ?? '', configDigest);
        nextSignatures.set(out, signature);
        if (signatures.get(out) !== signature) batch.set(out, Buffer.from(renderPage(env, page, root)));
      }
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
        if (!nextSignatures.has(out) && !nextStatic.has(out) && !nextGenerated.has(out)) {
          files.delete(out);
          changed.push(out);
        }
      }
      signatures.clear();
      for (const [k, v] of nextSignatures) signatures.set(k, v);
      staticDigests.clear();
      for (const [k, v] of nextStatic) staticDigests.set(k, v);
      entries = loaded.published;
      // A settled article's page is the one planned before: it stays.
      for (const file of [...articlePages.keys()]) if (!settled?.has(file)) articlePages.delete(file);
      for (const page of pages) if (page.source && page.context.article) articlePages.set(page.source, page);
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

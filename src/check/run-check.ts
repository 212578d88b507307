import path from 'node:path';
import { listPublicFiles } from '../assets/public-files.js';
import { type AuditResult, auditSite } from '../audit/audit-site.js';
import { brokenLinks } from '../audit/broken-links.js';
import { CONTENT_DIR } from '../content/discover.js';
import { type Diagnostic, formatDiagnostic } from '../errors/diagnostic.js';
import { createMemorySite } from '../memory/memory-site.js';
import { THEME_PUBLIC } from '../paths.js';
import { checkArticleLinks } from './check-links.js';
import { checkPages } from './check-pages.js';
import { readTemplateSources } from './template-sources.js';

export interface CheckOptions {
  /** Folder with site.yaml and content/. */
  readonly root: string;
  /** `--audit`: also hold the site against the 政府网站抽查's indicators, at `now` (default: the clock). */
  readonly audit?: { readonly now?: string };
}

export interface CheckReport {
  /**
   * Problems of content, config and templates first, then of links; warnings among them; then the
   * articles left out for their date (futureDatedListing).
   */
  readonly diagnostics: readonly Diagnostic[];
  /** Published articles and HTML pages of the site; 0 when it could not be built. */
  readonly articles: number;
  readonly pages: number;
  /** False when the site could not be built, so that its links could not be followed. */
  readonly linksChecked: boolean;
  /** Content files with errors, built without: their links were not checked. */
  readonly notChecked: readonly string[];
  /** With `audit`, when the site could be built: its findings are among `diagnostics` too. */
  readonly audit?: AuditResult;
}

/** Builds without files with errors, which may show errors of more files (two at one address). */
const PASSES = 3;

/**
 * Builds the site into memory, as the dev server does (nothing is written: not dist/, not anything),
 * and checks it: content, config and templates as a build does, then every internal link and image,
 * in articles and in the pages the templates make.
 */
export async function runCheck(options: CheckOptions): Promise<CheckReport> {
  const root = path.resolve(options.root);
  const site = createMemorySite({ root, exclude: [path.join(root, 'dist')] });
  let report = await site.rebuild();
  const found = new Map(report.diagnostics.map((d) => [formatDiagnostic(d), d]));
  // Content files with errors are left out, and what is left is built and checked: every problem
  // is found at once, not only those of the files that failed.
  const leaveOut = new Set<string>();
  for (let pass = 1; !report.ok && pass < PASSES; pass++) {
    const failed = contentWithErrors(report.diagnostics).filter((f) => !leaveOut.has(f));
    if (failed.length === 0) break;
    for (const f of failed) leaveOut.add(f);
    // Nothing changed on disk: what loaded is taken as it was.
    report = await site.rebuild([], { leaveOut });
    for (const d of report.diagnostics) found.set(formatDiagnostic(d), d);
  }
  const problems = [...found.values()];
  const config = site.config;
  if (!report.ok || !config)
    return {
      diagnostics: [...problems, ...report.futureDated],
      articles: 0,
      pages: 0,
      linksChecked: false,
      notChecked: [],
    };

  const articles = checkArticleLinks(site.entries, site.files, config.basePath, leaveOut.size > 0);
  const publicDirs = [
    [THEME_PUBLIC, '(built-in theme) public/'],
    [path.join(root, 'public'), 'public/'],
  ] as const;
  const staticSources = new Map<string, string>();
  for (const [dir, name] of publicDirs)
    for (const f of await listPublicFiles([dir], root)) staticSources.set(f.to, name + f.to);
  // The repository's own site is the theme: its files are its own, not the theme's.
  if (path.resolve(THEME_PUBLIC) === path.join(root, 'public'))
    for (const [to] of staticSources) staticSources.set(to, `public/${to}`);
  const pages = checkPages(site.files, {
    basePath: config.basePath,
    explained: articles.broken,
    staticSources,
    templates: await readTemplateSources(root),
  });
  const htmlPages = [...site.files.keys()].filter((f) => f.endsWith('.html') && !staticSources.has(f));
  const audit =
    options.audit &&
    auditSite({
      root,
      config,
      entries: site.entries,
      links: brokenLinks([...problems, ...articles.diagnostics], pages),
      ...(options.audit.now !== undefined && { now: options.audit.now }),
    });
  return {
    diagnostics: [
      ...problems,
      ...articles.diagnostics,
      ...pages,
      ...(audit?.diagnostics ?? []),
      ...report.futureDated,
    ],
    articles: site.entries.length,
    pages: htmlPages.length,
    linksChecked: true,
    notChecked: [...leaveOut].sort(),
    ...(audit && { audit }),
  };
}

/** The files and folders of content/ named by errors. */
const contentWithErrors = (ds: readonly Diagnostic[]): string[] => [
  ...new Set(
    ds.filter((d) => d.severity === 'error' && d.file.startsWith(`${CONTENT_DIR}/`)).map((d) => d.file),
  ),
];

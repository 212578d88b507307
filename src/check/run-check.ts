import path from 'node:path';
import { createDevSite } from '../dev/dev-site.js';
import type { Diagnostic } from '../errors/diagnostic.js';
import { listPublicFiles } from '../output/public-files.js';
import { THEME_PUBLIC } from '../paths.js';
import { checkArticleLinks } from './check-links.js';
import { checkPages } from './check-pages.js';
import { readTemplateSources } from './template-sources.js';

export interface CheckOptions {
  /** Folder with site.yaml and content/. */
  readonly root: string;
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
}

/**
 * Builds the site into memory, as the dev server does (nothing is written: not dist/, not anything),
 * and checks it: content, config and templates as a build does, then every internal link and image,
 * in articles and in the pages the templates make.
 */
export async function runCheck(options: CheckOptions): Promise<CheckReport> {
  const root = path.resolve(options.root);
  const site = createDevSite({ root, exclude: [path.join(root, 'dist')] });
  const report = await site.rebuild();
  const config = site.config;
  if (!report.ok || !config)
    return {
      diagnostics: [...report.diagnostics, ...report.futureDated],
      articles: 0,
      pages: 0,
      linksChecked: false,
    };

  const articles = checkArticleLinks(site.entries, site.files, config.basePath);
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
  return {
    diagnostics: [...report.diagnostics, ...articles.diagnostics, ...pages, ...report.futureDated],
    articles: site.entries.length,
    pages: htmlPages.length,
    linksChecked: true,
  };
}

import type { SiteConfig } from '../config/site-config.js';
import type { Claim } from '../graph/collisions.js';
import type { SiteGraph } from '../graph/site-graph.js';
import type { Page } from '../pages/page.js';
import { planFeeds } from './feeds.js';
import type { GeneratedFile } from './generated-file.js';
import { ROBOTS_FILE, robotsTxt } from './robots.js';
import { planSitemap } from './sitemap.js';

/**
 * Every file the site gets besides its pages and static files: the feeds, sitemap.xml and
 * robots.txt. Pure. `staticPaths` are the output paths of public/: a site's own `public/robots.txt`
 * replaces the generated one (it is the site's deliberate choice, so no collision is reported);
 * any other name taken by both is a collision, reported like two pages at one address.
 */
export function planGeneratedFiles(
  graph: SiteGraph,
  pages: readonly Page[],
  config: SiteConfig,
  staticPaths: ReadonlySet<string>,
): GeneratedFile[] {
  return [
    ...planFeeds(graph, config),
    ...planSitemap(pages, config),
    ...(staticPaths.has(ROBOTS_FILE) ? [] : [{ path: ROBOTS_FILE, data: robotsTxt(config) }]),
  ];
}

/**
 * The output paths the generated files take, for the collision check. Only a file of public/ can
 * take the same name (no page ends in .xml or .txt): say so, rather than to change a slug.
 */
export const claimsOf = (files: readonly GeneratedFile[]): Claim[] =>
  files.map((f) => ({
    path: f.path,
    owner: `the generated file /${f.path}`,
    hint: `gazette makes /${f.path} itself: rename or delete public/${f.path}`,
  }));

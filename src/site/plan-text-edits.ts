import type { BodyRef } from '../bodies/body-ref.js';
import type { SiteConfig } from '../config/site-config.js';
import { type Diagnostic, hasErrors } from '../errors/diagnostic.js';
import { buildGraph } from '../graph/build-graph.js';
import type { Entry } from '../graph/site-graph.js';
import type { ImageCatalog } from '../images/image-catalog.js';
import { planImages } from '../images/plan-images.js';
import type { StaticFile } from '../output/public-files.js';
import { planArticlePages } from '../pages/plan-pages.js';
import type { SitePlan } from './plan-site.js';

/**
 * The plan of a rebuild after only the text of some articles changed since the previous build, and
 * nothing else (see onlyBodyChanged): their own pages, and every static file (a body shows images,
 * and names any that are missing). Every other page and file would come out as the previous build
 * made it, so it is kept from there, not planned (see carryOver); planning and signing a large
 * site's 24,000 pages took most of such a rebuild.
 */
export function planTextEdits(
  entries: readonly Entry[],
  config: SiteConfig,
  edited: ReadonlySet<string>,
  options: {
    readonly images: ImageCatalog;
    readonly bodies: ReadonlyMap<string, BodyRef>;
    readonly publicFiles: readonly StaticFile[];
  },
): { plan?: SitePlan; diagnostics: Diagnostic[] } {
  const graph = buildGraph(entries, config);
  const pages = planArticlePages(graph, config, edited, { bodies: options.bodies });
  const images = planImages(entries, options.images);
  const staticFiles = [...options.publicFiles, ...images.copies.map(({ from, to }) => ({ from, to }))];
  const diagnostics = [...images.diagnostics];
  return hasErrors(diagnostics)
    ? { diagnostics }
    : { plan: { graph, pages, staticFiles, files: [] }, diagnostics };
}

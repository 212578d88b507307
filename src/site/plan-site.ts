import { type ImageCatalog, NO_IMAGES } from '../assets/image-catalog.js';
import { type StaticFile, sitePublicFiles } from '../assets/public-files.js';
import type { BodyRef } from '../bodies/body-ref.js';
import type { SiteConfig } from '../config/site-config.js';
import { type Diagnostic, hasErrors } from '../errors/diagnostic.js';
import { buildGraph } from '../graph/build-graph.js';
import { findCollisions } from '../graph/collisions.js';
import { duplicateIndexes } from '../graph/disclosure-indexes.js';
import { listedView } from '../graph/listing.js';
import type { Entry, ListedEntry, SiteGraph } from '../graph/site-graph.js';
import { planImages } from '../images/plan-images.js';
import { type Surroundings, surroundingsOf } from '../pages/article-page.js';
import type { Page } from '../pages/page.js';
import { planPages } from '../pages/plan-pages.js';
import type { GeneratedFile } from '../syndication/generated-file.js';
import { claimsOf, planGeneratedFiles } from '../syndication/plan-files.js';
import { outputPathOf } from '../urls/urls.js';

export interface SitePlan {
  readonly graph: SiteGraph;
  readonly pages: readonly Page[];
  /**
   * What every article page shows around it, by file (for the build cache's next text edit); when
   * the previous build's pages told which can have moved, only theirs (the others are in `asBefore`).
   */
  readonly around: ReadonlyMap<string, Surroundings>;
  /** The files whose article pages are as the previous build made them (see the option). */
  readonly asBefore: ReadonlySet<string>;
  /** When known, the lists whose pages may differ from the previous build's: the others' do not. */
  readonly movedLists?: ReadonlySet<string>;
  readonly staticFiles: readonly StaticFile[];
  /** Feeds, sitemap.xml, robots.txt: made from the data, written as they are. */
  readonly files: readonly GeneratedFile[];
}

/**
 * What a rebuild knows of the previous build's pages, for a plan to take those it makes exactly as
 * that build did (see articlePagesBefore): their signatures are the previous ones, and an article
 * page's data is made only when read.
 */
export interface PagesBefore {
  /**
   * In the site of `graph`: the articles whose pages may show other articles or tags around them
   * than before (their surroundings alone are made), and the lists whose pages may show other
   * articles (by address: see Page's `list`); undefined if any may.
   */
  moved(graph: SiteGraph): { articles: ReadonlySet<string>; lists: ReadonlySet<string> } | undefined;
  /** The files whose article pages are made as the previous build made them. */
  asBefore(
    entries: readonly ListedEntry[],
    around: ReadonlyMap<string, Surroundings>,
    moved: ReadonlySet<string> | undefined,
  ): ReadonlySet<string>;
  /** What the previous build's page of an article showed around it. */
  surroundingsOf(file: string): Surroundings | undefined;
}

/**
 * From published entries to everything the site will contain: the site graph, every page with its
 * data, every static file (with the images articles show, from `images`), and the check that every
 * image is there and that no two of them claim the same output path.
 * Shared by the build, the dev server and `check`, so that all three make the same site.
 */
export async function planSite(
  entries: readonly Entry[],
  config: SiteConfig,
  root: string,
  options: {
    readonly images?: ImageCatalog;
    readonly search?: boolean;
    readonly bodies?: ReadonlyMap<string, BodyRef>;
    /** The site's static files, if the caller has listed them already (sitePublicFiles). */
    readonly publicFiles?: readonly StaticFile[];
    /** What a rebuild knows of the previous build's pages (see PagesBefore). */
    readonly before?: PagesBefore;
  } = {},
): Promise<{ plan?: SitePlan; diagnostics: Diagnostic[] }> {
  const diagnostics = [
    ...findCollisions(entries.map((e) => ({ path: outputPathOf(e.url), owner: e.file, at: e.at.address }))),
    // Two 信息公开 articles with one 索引号: as two with one address, an error naming both.
    ...duplicateIndexes(entries),
  ];
  if (hasErrors(diagnostics)) return { diagnostics };
  // Every page but an article's own is given its entry as lists show it (listedView).
  const graph = buildGraph(entries.map(listedView), config);
  const whole = new Map(entries.map((e) => [e.file, e]));
  const before = options.before;
  const moved = before?.moved(graph);
  const around = surroundingsOf(graph, moved?.articles);
  const asBefore = before?.asBefore(graph.entries, around, moved?.articles) ?? new Set<string>();
  const pages = planPages(graph, config, {
    search: options.search ?? false,
    // A page as before whose surroundings were not made: the previous build's, if it is rendered after all.
    around: moved && before ? { get: (file) => around.get(file) ?? before.surroundingsOf(file) } : around,
    later: asBefore,
    own: (file) => whole.get(file) as Entry,
    ...(options.bodies && { bodies: options.bodies }),
  });
  const publicFiles = options.publicFiles ?? (await sitePublicFiles(root));
  const images = planImages(entries, options.images ?? NO_IMAGES);
  diagnostics.push(...images.diagnostics);
  const staticFiles = [...publicFiles, ...images.copies.map(({ from, to }) => ({ from, to }))];
  const files = planGeneratedFiles(graph, pages, config, new Set(publicFiles.map((f) => f.to)));
  diagnostics.push(
    ...findCollisions([
      ...pages.map((p) => ({ path: outputPathOf(p.url), owner: p.source ?? `the generated page ${p.url}` })),
      ...publicFiles.map((f) => ({ path: f.to, owner: `public/${f.to}` })),
      ...images.copies.map((c) => ({ path: c.to, owner: c.owner })),
      ...claimsOf(files),
    ]),
  );
  return hasErrors(diagnostics)
    ? { diagnostics }
    : {
        plan: {
          graph,
          pages,
          around,
          asBefore,
          ...(moved && { movedLists: moved.lists }),
          staticFiles,
          files,
        },
        diagnostics,
      };
}

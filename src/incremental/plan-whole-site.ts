import type { ImageCatalog } from '../assets/image-catalog.js';
import type { StaticFile } from '../assets/public-files.js';
import type { SiteConfig } from '../config/site-config.js';
import type { PublishOptions } from '../content/publish.js';
import { type Diagnostic, hasErrors } from '../errors/diagnostic.js';
import { collectEntries, type FileResult, nextDue } from '../site/load-files.js';
import { planSite } from '../site/plan-site.js';
import { articlePagesBefore } from './article-pages-as-before.js';
import type { LoadedFiles, PlannedBuild } from './planned-build.js';
import type { PreviousState } from './previous-state.js';

/**
 * Plans every page and file of the site from every content file's result: those read by this build
 * and, for the others (`loaded.unchanged`), those the previous build made.
 */
export async function planWholeSite(
  previous: PreviousState | undefined,
  loaded: LoadedFiles,
  config: SiteConfig,
  root: string,
  publish: PublishOptions,
  options: { images: ImageCatalog; search: boolean; publicFiles: readonly StaticFile[]; siteKey: string },
): Promise<{ build?: PlannedBuild; diagnostics: Diagnostic[] }> {
  const results = [...loaded.fresh];
  for (const f of loaded.unchanged) {
    const known = previous?.resultOf(f);
    if (!known) throw new Error(`the previous build has no result of ${f}, which it listed`);
    results.push(known);
  }
  results.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const entries = collectEntries(results, publish);
  const diagnostics = [...entries.diagnostics];
  if (hasErrors(diagnostics)) return { diagnostics };
  const planned = await planSite(entries.published, config, root, {
    images: options.images,
    search: options.search,
    bodies: entries.bodies,
    publicFiles: options.publicFiles,
    before: articlePagesBefore(previous, options.siteKey, publish, loaded),
  });
  diagnostics.push(...planned.diagnostics);
  if (!planned.plan) return { diagnostics };
  const { graph, pages, around, asBefore, movedLists, staticFiles, files } = planned.plan;
  const due = nextDue(results, publish);
  return {
    build: {
      pages,
      staticFiles,
      files,
      partial: false,
      entries: graph.entries,
      bodies: entries.bodies,
      summary: {
        articles: graph.entries.length,
        staticFiles: staticFiles.length,
        skipped: entries.skipped,
        warnings: entries.diagnostics,
      },
      results: results satisfies FileResult[],
      around,
      asBefore,
      ...(movedLists && { movedLists }),
      ...(due !== undefined && { nextDue: due }),
    },
    diagnostics,
  };
}

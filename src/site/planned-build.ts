import type { BodyRef } from '../bodies/body-ref.js';
import type { BuildSummary } from '../cache/manifest.js';
import type { StoredResult } from '../cache/stored-result.js';
import type { Entry } from '../graph/site-graph.js';
import type { StaticFile } from '../output/public-files.js';
import type { Surroundings } from '../pages/article-page.js';
import type { PlannedPage } from '../pages/page.js';
import type { GeneratedFile } from '../syndication/generated-file.js';
import type { FileResult } from './load-files.js';

/** What a build will write, planned whole (planWholeSite) or only where text was edited (planTextEdits). */
export interface PlannedBuild {
  readonly pages: readonly PlannedPage[];
  readonly staticFiles: readonly StaticFile[];
  /** Feeds, sitemap.xml, robots.txt. */
  readonly files: readonly GeneratedFile[];
  /**
   * Set when only some pages were planned: every other file of the previous site stays as it is,
   * with the signature it had (see carryOver).
   */
  readonly partial: boolean;
  /** The published entries, newest first, with where their bodies are: for the search index. */
  readonly entries?: readonly Entry[];
  readonly bodies: ReadonlyMap<string, BodyRef>;
  /** What the build reports (and a later build that finds nothing to do repeats); not pages. */
  readonly summary: Omit<BuildSummary, 'pages'>;
  /** For the build cache: every content file's result in order, made, parsed or as stored. */
  readonly results: ReadonlyArray<FileResult | StoredResult>;
  /** What every article page shows around it, when the whole site was planned and it was found anew. */
  readonly around?: ReadonlyMap<string, Surroundings>;
  /** The first moment an article left out for its future date is due. */
  readonly nextDue?: number;
}

/** The files a build read (changed or new) and those the cache has results for as they are. */
export interface LoadedFiles {
  readonly fresh: readonly FileResult[];
  readonly unchanged: readonly string[];
}

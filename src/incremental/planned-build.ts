import type { StaticFile } from '../assets/public-files.js';
import type { BodyRef } from '../bodies/body-ref.js';
import type { ListedEntry } from '../graph/site-graph.js';
import type { Surroundings } from '../pages/article-page.js';
import type { Page } from '../pages/page.js';
import type { FileResult } from '../site/load-files.js';
import type { GeneratedFile } from '../syndication/generated-file.js';
import type { BuildSummary } from './previous-state.js';

/** What a build will write, planned whole (planWholeSite) or only where text was edited (planTextEdits). */
export interface PlannedBuild {
  readonly pages: readonly Page[];
  readonly staticFiles: readonly StaticFile[];
  /** Feeds, sitemap.xml, robots.txt. */
  readonly files: readonly GeneratedFile[];
  /**
   * Set when only some pages were planned: every other file of the previous site stays as it is,
   * with the signature it had (see carryOver).
   */
  readonly partial: boolean;
  /** The published entries, newest first, with where their bodies are: for the search index. */
  readonly entries?: readonly ListedEntry[];
  readonly bodies: ReadonlyMap<string, BodyRef>;
  /** What the build reports (and a later build that finds nothing to do repeats); not pages. */
  readonly summary: Omit<BuildSummary, 'pages'>;
  /**
   * For the next build: every content file's result in order, made or parsed by this build, or the
   * path of a file whose result stays as the previous build left it.
   */
  readonly results: ReadonlyArray<FileResult | string>;
  /** What every article page shows around it, when the whole site was planned and it was found anew. */
  readonly around?: ReadonlyMap<string, Surroundings>;
  /**
   * The files whose article pages are planned exactly as the previous build planned them: their
   * signatures are the previous ones (see articlePagesAsBefore, pageWork).
   */
  readonly asBefore?: ReadonlySet<string>;
  /**
   * When the plan knows them (after only additions), the lists whose pages may differ from the
   * previous build's (by address: see Page's `list`); every other list's pages are planned as that
   * build planned them, and have its signatures (see pageWork).
   */
  readonly movedLists?: ReadonlySet<string>;
  /** The first moment an article left out for its future date is due. */
  readonly nextDue?: number;
}

/** The files a build read (changed or new) and those the cache has results for as they are. */
export interface LoadedFiles {
  readonly fresh: readonly FileResult[];
  readonly unchanged: readonly string[];
}

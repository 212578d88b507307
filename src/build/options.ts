import type { Skipped } from '../content/publish.js';
import type { Diagnostic } from '../errors/diagnostic.js';
import type { Changes } from '../output/output-folder.js';

export interface BuildOptions {
  /** Folder with site.yaml and content/. */
  readonly root: string;
  /** Output folder; default ROOT/dist. */
  readonly out?: string;
  readonly drafts?: boolean;
  readonly future?: boolean;
  /** The moment of the build, for leaving out future-dated articles; default: now. */
  readonly now?: number;
  /** Told of each finished step and of every page written, for a progress display. */
  readonly progress?: (event: ProgressEvent) => void;
  /** Threads for validating and rendering; default: one per core for large sites, 1 for small ones. */
  readonly jobs?: number;
  /** Overrides site.yaml's baseUrl. */
  readonly baseUrl?: string;
  /** Builds the full-text search index (default); without it the search page says search is unavailable. */
  readonly search?: boolean;
  /** Uses and updates the build cache in ROOT/.cache/gazette (default); false builds everything anew. */
  readonly cache?: boolean;
}

export type ProgressEvent =
  | { readonly kind: 'step'; readonly name: string; readonly ms: number }
  | { readonly kind: 'pages'; readonly done: number; readonly total: number };

export interface BuildReport {
  readonly out: string;
  readonly articles: number;
  readonly pages: number;
  readonly staticFiles: number;
  readonly skipped: Skipped;
  /** The articles left out for their date, each named (futureDatedListing): notes, or warnings. */
  readonly futureDated: readonly Diagnostic[];
  /** What differs from the site this build replaced (everything is `added` on a first build). */
  readonly changes: Changes;
  readonly warnings: readonly Diagnostic[];
  readonly timings: ReadonlyArray<readonly [step: string, ms: number]>;
  /** Pages rendered by this build; the others were kept from the previous site as they were. */
  readonly rendered: number;
  /** Set when nothing the site is made of changed, so the site was left as it is. */
  readonly upToDate?: boolean;
  /** Why the build cache found was not used, if it was not (damaged, another gazette version). */
  readonly cacheDiscarded?: string;
  /** Files of the previous site that were not as it left them (edited or deleted since): made again. */
  readonly repaired?: readonly string[];
}

import type { Skipped } from '../content/publish.js';
import type { Diagnostic } from '../errors/diagnostic.js';
import type { Surroundings } from '../pages/article-page.js';
import type { FileResult } from '../site/load-files.js';

/** What a build reports, and a later build that finds nothing to do repeats. */
export interface BuildSummary {
  readonly articles: number;
  readonly pages: number;
  readonly staticFiles: number;
  readonly skipped: Skipped;
  readonly warnings: readonly Diagnostic[];
}

/** What decides whether a previous build can be built on at all (see sameSite). */
export interface PreviousKeys {
  /** Everything the site is made of but its content files: templates, static files, options. */
  readonly siteKey: string;
  /** The earliest date of an article that build left out for its date: the site changes then. */
  readonly nextDue?: number;
}

/**
 * What the previous build left, as the engine reads it, whoever keeps it: the build's cache on disk
 * (cache/previous-state.ts) or the dev server's memory (memory/memory-state.ts). The engine decides
 * from this and from what was loaded now which pages to plan, render or keep; it never reads a
 * store itself. Every lookup is total over the files listed: a store that cannot answer (a damaged
 * line) says so when it is loaded or asked, as its own failure, never as the engine's.
 */
export interface PreviousState extends PreviousKeys {
  /** Every content file that build had, in its order. */
  readonly files: readonly string[];
  readonly summary: BuildSummary;
  /** The result of a file as that build made it, if it holds for this build (see stillValid). */
  resultOf(file: string): FileResult | undefined;
  /** What that build's article page of a file showed around it. */
  surroundingsOf(file: string): Surroundings | undefined;
  /**
   * Whether that build's article page of a file showed `around` (false if it had none). Asked of
   * every article after a new one: the cache compares what it stores, without parsing it.
   */
  showed(file: string, around: Surroundings): boolean;
  /** That build's page signatures, by output path. */
  readonly pages: Readonly<Record<string, string>>;
  /** Every file of that build's output. */
  readonly outputFiles: readonly string[];
}

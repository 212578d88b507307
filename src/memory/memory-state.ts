import type { SiteConfig } from '../config/site-config.js';
import type { PublishOptions } from '../content/publish.js';
import type { Entry } from '../graph/site-graph.js';
import type { PageWork } from '../incremental/page-work.js';
import type { PlannedBuild } from '../incremental/planned-build.js';
import type { BuildSummary, PreviousState } from '../incremental/previous-state.js';
import { isPublished, stillValid } from '../incremental/published.js';
import { type Surroundings, sameSurroundings } from '../pages/article-page.js';
import type { FileResult } from '../site/load-files.js';
import { isWaiting } from './load-changed.js';
import type { MemoryKeys } from './site-inputs.js';
import { withChanges } from './with-changes.js';

/**
 * What the last good rebuild of the dev server (or of `check`) left, as one record that the next
 * good rebuild replaces whole: the memory's counterpart of the build cache, read by the engine
 * through the same interface (previousOf). A failed rebuild leaves it as it was.
 */
export interface MemoryState {
  readonly keys: MemoryKeys;
  /** What it was built with, and so which of its results are published entries. */
  readonly publish: PublishOptions;
  readonly config: SiteConfig;
  /** Every content file it had, in order by path. */
  readonly files: readonly string[];
  /** Each file's result, by path (after text edits, with their results over the others: withChanges). */
  readonly results: Readonly<Record<string, FileResult>>;
  /** What each article page showed around it (made by the last whole rebuild; a text edit keeps it). */
  readonly around: ReadonlyMap<string, Surroundings>;
  readonly summary: BuildSummary;
  /** Page signatures, by output path (withChanges, too). */
  readonly pages: Readonly<Record<string, string>>;
  /** Every file served. */
  readonly outputFiles: readonly string[];
  /** The static files copied: output path → digest of the bytes. */
  readonly copied: ReadonlyMap<string, string>;
  /** The results of valid articles it left out unrendered (drafts, future dates), in order. */
  readonly waiting: readonly FileResult[];
  readonly nextDue?: number;
}

/** The state as the engine reads a previous build, for a rebuild with `publish`. */
export function previousOf(state: MemoryState, publish: PublishOptions): PreviousState {
  return {
    siteKey: state.keys.siteKey,
    ...(state.nextDue !== undefined && { nextDue: state.nextDue }),
    files: state.files,
    summary: state.summary,
    resultOf(file) {
      const result = state.results[file];
      return result && stillValid(result, publish) ? result : undefined;
    },
    surroundingsOf: (file) => state.around.get(file),
    showed(file, around) {
      const was = state.around.get(file);
      return was !== undefined && sameSurroundings(was, around);
    },
    pages: state.pages,
    outputFiles: state.outputFiles,
  };
}

/** What a good rebuild made, for the state it leaves. */
export interface Made {
  readonly keys: MemoryKeys;
  readonly publish: PublishOptions;
  readonly config: SiteConfig;
  readonly site: PlannedBuild;
  /** The results of the files it loaded. */
  readonly fresh: readonly FileResult[];
  readonly work: PageWork;
  readonly copied: ReadonlyMap<string, string>;
  /** The files served after it: the output of a site planned whole. */
  readonly served: ReadonlyMap<string, Uint8Array>;
}

/** The state after a good rebuild: `before` with the edited articles' changes, or all anew. */
export function stateAfter(before: MemoryState | undefined, made: Made): MemoryState {
  return made.site.partial && before ? afterTextEdits(before, made) : afterWholeSite(made, before);
}

/** After a rebuild that planned only the edited articles' pages: theirs over the rest, as it was. */
function afterTextEdits(before: MemoryState, { publish, site, fresh, work }: Made): MemoryState {
  const results: Record<string, FileResult> = {};
  for (const r of fresh) results[r.path] = r;
  return {
    ...before,
    publish,
    results: withChanges(before.results, results),
    summary: { ...site.summary, pages: before.summary.pages },
    pages: withChanges(before.pages, work.signatures),
  };
}

function afterWholeSite(
  { keys, publish, config, site, work, copied, served }: Made,
  before: MemoryState | undefined,
): MemoryState {
  const results: Record<string, FileResult> = Object.create(null);
  const waiting: FileResult[] = [];
  for (const r of site.results)
    if (typeof r !== 'string') {
      results[r.path] = r;
      if (isWaiting(r)) waiting.push(r);
    }
  return {
    keys,
    publish,
    config,
    files: site.results.map((r) => (typeof r === 'string' ? r : r.path)),
    results,
    around: everyAround(site, before),
    summary: { ...site.summary, pages: Object.keys(work.signatures).length },
    pages: work.signatures,
    outputFiles: [...served.keys()],
    copied,
    waiting,
    ...(site.nextDue !== undefined && { nextDue: site.nextDue }),
  };
}

/**
 * What every article page shows around it: what the plan made, and for the pages it made as before
 * without making their surroundings (see PagesBefore), what they showed before.
 */
function everyAround(site: PlannedBuild, before: MemoryState | undefined): ReadonlyMap<string, Surroundings> {
  const made = site.around ?? new Map<string, Surroundings>();
  if (!before || !site.asBefore || site.asBefore.size === 0) return made;
  const around = new Map(made);
  for (const file of site.asBefore) {
    const was = before.around.get(file);
    if (was && !around.has(file)) around.set(file, was);
  }
  return around;
}

/** The articles the state's site publishes, in order by file. */
export const publishedEntries = (state: MemoryState): Entry[] =>
  state.files.flatMap((file) => {
    const result = state.results[file];
    return result && isPublished(result, state.publish) ? [result.entry] : [];
  });

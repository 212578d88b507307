import { CacheUnusable } from '../bodies/cache-unusable.js';
import type { PreviousState } from '../incremental/previous-state.js';
import type { BuildCache } from './build-cache.js';
import { storedSurroundingsAre } from './stored-result.js';

/**
 * The previous build as the build cache on disk keeps it, for the engine (see PreviousState), once
 * its details are loaded: undefined on a first build or without them. Results and surroundings are
 * parsed when asked for (a text edit of a 20,000-article site reads a handful); a line that turns
 * out damaged or missing is the cache's failure (CacheUnusable: the build starts again without it).
 */
export function previousStateOf(cache: BuildCache): PreviousState | undefined {
  const previous = cache.previous;
  const details = cache.loadedDetails();
  const pages = cache.pageSignatures();
  const outputFiles = cache.outputFiles();
  if (!previous || !details || !pages || !outputFiles) return undefined;
  return {
    siteKey: previous.siteKey,
    ...(previous.nextDue !== undefined && { nextDue: previous.nextDue }),
    files: previous.files.map((f) => f.path),
    summary: previous.summary,
    resultOf: (file) => cache.resultOf(file),
    surroundingsOf(file) {
      const around = cache.surroundingsOf(file);
      if (!around) throw new CacheUnusable(`the build cache does not know what ${file}'s page shows`);
      return around;
    },
    showed(file, around) {
      const line = cache.stored(file);
      return line !== undefined && storedSurroundingsAre(line, around);
    },
    pages,
    outputFiles,
  };
}

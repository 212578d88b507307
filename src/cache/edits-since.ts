import { exclusionOf, type PublishOptions } from '../content/publish.js';
import type { Entry } from '../graph/site-graph.js';
import { onlyBodyChanged } from '../site/body-only.js';
import { keptPlace } from '../site/kept-place.js';
import type { FileResult } from '../site/load-files.js';
import type { LoadedFiles } from '../site/planned-build.js';
import type { BuildCache } from './build-cache.js';

/**
 * The files whose articles changed only in their text since the previous build (onlyBodyChanged),
 * when nothing else did: the same files, templates, config, static files and options, no article
 * come due, and the previous site still there as that build left it (the caller checks that).
 * Then only those articles' own pages can differ from the previous site (planTextEdits).
 * Undefined when anything else may have changed; empty when files were read again but are the same.
 */
export const textEditsSince = (
  cache: BuildCache,
  siteKey: string,
  loaded: LoadedFiles,
  publish: PublishOptions,
): Set<string> | undefined => editsSince(cache, siteKey, loaded, publish, onlyBodyChanged);

/**
 * The files whose articles changed since the previous build but kept their places (keptPlace: a new
 * title, summary, source or body), when nothing else changed, as for textEditsSince. Then every
 * article page shows around it what it showed before, which the build cache keeps, and only the
 * pages that show one of these articles can differ from the previous site (see planWholeSite).
 */
export const placeKeepingEditsSince = (
  cache: BuildCache,
  siteKey: string,
  loaded: LoadedFiles,
  publish: PublishOptions,
): Set<string> | undefined => editsSince(cache, siteKey, loaded, publish, keptPlace);

function editsSince(
  cache: BuildCache,
  siteKey: string,
  loaded: LoadedFiles,
  publish: PublishOptions,
  allowed: (before: Entry, after: Entry) => boolean,
): Set<string> | undefined {
  const previous = cache.previous;
  if (!previous || previous.siteKey !== siteKey) return undefined;
  if (!cache.pageSignatures() || !cache.outputFiles()) return undefined;
  if (previous.nextDue !== undefined && publish.now >= previous.nextDue && !publish.future) return undefined;
  // Files unchanged by their status are the previous build's; with as many in all, so are the rest.
  if (loaded.fresh.length + loaded.unchanged.length !== previous.files.length) return undefined;
  const published = (r: FileResult): r is FileResult & { entry: Entry } =>
    r.entry !== undefined && r.publishing !== undefined && !exclusionOf(r.publishing, publish);
  const edited = new Set<string>();
  for (const now of loaded.fresh) {
    const was = cache.resultOf(now.path);
    // A result the cache has is one of a file the previous build had.
    if (!was) return undefined;
    if (was.digest === now.digest) continue;
    if (!published(was) || !published(now) || !allowed(was.entry, now.entry)) return undefined;
    edited.add(now.path);
  }
  return edited;
}

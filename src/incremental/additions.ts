import type { PublishOptions } from '../content/publish.js';
import type { LoadedFiles } from './planned-build.js';
import type { PreviousState } from './previous-state.js';
import { isPublished } from './published.js';
import { sameSite } from './text-edits.js';

/**
 * The articles a rebuild adds to the previous build's site, when that is all that changed: the
 * same site (sameSite), every file the previous build had found unchanged by its status, and the
 * files read now new. Undefined when anything else may have changed. Only the published ones count:
 * a new draft or an article dated later adds no page. This is the usual publish, which
 * movedByAdditions plans around.
 */
export function addedArticles(
  previous: PreviousState,
  siteKey: string,
  loaded: LoadedFiles,
  publish: PublishOptions,
): ReadonlySet<string> | undefined {
  if (!sameSite(previous, siteKey, publish)) return undefined;
  // Files unchanged by their status are some of the previous build's: as many as it had, all of them.
  if (loaded.unchanged.length !== previous.files.length) return undefined;
  const added = new Set<string>();
  for (const r of loaded.fresh) if (isPublished(r, publish)) added.add(r.path);
  return added;
}

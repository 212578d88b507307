import type { PublishOptions } from '../content/publish.js';
import type { ListedEntry } from '../graph/site-graph.js';
import type { Surroundings } from '../pages/article-page.js';
import type { FileResult } from '../site/load-files.js';
import type { PagesBefore } from '../site/plan-site.js';
import { addedArticles } from './additions.js';
import { movedByAdditions } from './moved-by-additions.js';
import type { LoadedFiles } from './planned-build.js';
import type { PreviousState } from './previous-state.js';
import { sameSite } from './text-edits.js';

/**
 * The files whose article pages a whole-site plan makes exactly as the previous build did, so that
 * their signatures are the previous ones: pageWork does not sign them again, and their data is
 * made only if they are rendered after all (their page was not found as it was left). An article
 * page's signature is made of the site (templates, config: `siteKey`), the article (by its listing
 * and the version of its text), what the page shows around it (Surroundings) and those articles by
 * their listings: when all of them are as they were, so is the page. A new article changes the
 * surroundings of a few pages (its neighbours, the pages whose related reading takes it in), not
 * those of the other 20,000: planning and signing every article page again took a fifth of such a rebuild.
 * After only additions, `moved` names the pages whose surroundings can differ (movedByAdditions):
 * the others are as before without their surroundings being made and compared with the cache's.
 */
function articlePagesAsBefore(
  previous: PreviousState | undefined,
  siteKey: string,
  publish: PublishOptions,
  loaded: LoadedFiles,
  entries: readonly ListedEntry[],
  around: ReadonlyMap<string, Surroundings>,
  moved?: ReadonlySet<string>,
): ReadonlySet<string> {
  const same = new Set<string>();
  if (!previous || !sameSite(previous, siteKey, publish)) return same;
  // The pages an addition cannot have moved (movedByAdditions) are as before, and their files as they were.
  if (moved) for (const entry of entries) if (!moved.has(entry.file)) same.add(entry.file);
  const fresh = new Map<string, FileResult>(loaded.fresh.map((r) => [r.path, r]));
  // A file read again counts as it was if its article is listed, and its text versioned, as before.
  const asWas = (file: string, version: boolean): boolean => {
    const now = fresh.get(file)?.entry;
    if (!now) return true;
    const was = previous.resultOf(file)?.entry;
    return was !== undefined && was.listing === now.listing && (!version || was.version === now.version);
  };
  const named = (s: Surroundings) => [
    ...(s.previous === undefined ? [] : [s.previous]),
    ...(s.next === undefined ? [] : [s.next]),
    ...s.related,
  ];
  for (const entry of entries) {
    if (same.has(entry.file)) continue;
    const now = around.get(entry.file);
    if (!now || !asWas(entry.file, true)) continue;
    if (!previous.showed(entry.file, now)) continue;
    if (named(now).every((file) => asWas(file, false))) same.add(entry.file);
  }
  return same;
}

/**
 * What a whole-site plan knows of the previous build's pages (PagesBefore): after only additions
 * (addedArticles), which article pages and lists they can have moved (movedByAdditions); which
 * article pages are as before (articlePagesAsBefore); what each showed around it.
 */
export function articlePagesBefore(
  previous: PreviousState | undefined,
  siteKey: string,
  publish: PublishOptions,
  loaded: LoadedFiles,
): PagesBefore | undefined {
  if (!previous) return undefined;
  return {
    moved(graph) {
      const added = addedArticles(previous, siteKey, loaded, publish);
      return added && movedByAdditions(graph, added);
    },
    asBefore: (entries, around, moved) =>
      articlePagesAsBefore(previous, siteKey, publish, loaded, entries, around, moved),
    surroundingsOf: (file) => previous.surroundingsOf(file),
  };
}

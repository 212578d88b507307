import type { PublishOptions } from '../content/publish.js';
import type { ListedEntry } from '../graph/site-graph.js';
import type { Surroundings } from '../pages/article-page.js';
import type { FileResult } from '../site/load-files.js';
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
 */
export function articlePagesAsBefore(
  previous: PreviousState | undefined,
  siteKey: string,
  publish: PublishOptions,
  loaded: LoadedFiles,
  entries: readonly ListedEntry[],
  around: ReadonlyMap<string, Surroundings>,
): ReadonlySet<string> {
  const same = new Set<string>();
  if (!previous || !sameSite(previous, siteKey, publish)) return same;
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
    const now = around.get(entry.file);
    if (!now || !asWas(entry.file, true)) continue;
    if (!previous.showed(entry.file, now)) continue;
    if (named(now).every((file) => asWas(file, false))) same.add(entry.file);
  }
  return same;
}

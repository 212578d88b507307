import type { Category } from '../config/site-config.js';
import type { ArticleDate } from '../content/dates.js';

/** Expands a permalink pattern: `/{category}/{yyyy}/{mm}/{slug}/`. A trailing `index.html` is dropped. */
export function articleUrl(
  pattern: string,
  a: { category: Category; date: ArticleDate; slug: string },
): string {
  return pattern
    .replaceAll('{category}', a.category.slug)
    .replaceAll('{yyyy}', a.date.year)
    .replaceAll('{mm}', a.date.month)
    .replaceAll('{dd}', a.date.day)
    .replaceAll('{slug}', a.slug)
    .replace(/\/index\.html$/, '/');
}

/** Page N of a list at `base`: `/xuexi/`, `/xuexi/page/2/`. */
export const listPageUrl = (base: string, n: number): string => (n === 1 ? base : `${base}page/${n}/`);

/** Where a site path is written in the output folder: `/a/` → `a/index.html`. */
export const outputPathOf = (url: string): string =>
  (url.endsWith('/') ? `${url}index.html` : url).replace(/^\/+/, '');

export const TAGS_URL = '/tags/';
export const tagUrl = (slug: string): string => `${TAGS_URL}${slug}/`;
export const NOT_FOUND_URL = '/404.html';
export const SEARCH_URL = '/search/';
/** Where the build writes Pagefind's index and UI (src/search/). */
export const SEARCH_BUNDLE_URL = '/pagefind/';

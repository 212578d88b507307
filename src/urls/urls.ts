/**
 * Expands a permalink pattern: `/{category}/{yyyy}/{mm}/{slug}/`. A trailing `index.html` is dropped.
 * Takes only what it reads of an article (its category's slug, its date's parts): site.yaml's
 * rules check addresses with these functions before any article is read.
 */
export function articleUrl(
  pattern: string,
  a: {
    category: { readonly slug: string };
    date: { readonly year: string; readonly month: string; readonly day: string };
    slug: string;
  },
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

/** A category's list: `/xuexi/`. */
export const categoryUrl = (slug: string): string => `/${slug}/`;

export const TAGS_URL = '/tags/';
export const tagUrl = (slug: string): string => `${TAGS_URL}${slug}/`;
export const NOT_FOUND_URL = '/404.html';

/** A site path as an absolute URL under baseUrl (which ends in "/"): for feeds, sitemap and link previews. */
export const absoluteUrl = (sitePath: string, baseUrl: string): string =>
  // Paths of plain URL characters need no parsing (a sitemap makes one per page); the rest get
  // percent-encoding and dot segments resolved by URL.
  PLAIN_PATH.test(sitePath)
    ? baseUrl + sitePath.replace(/^\/+/, '')
    : new URL(sitePath.replace(/^\/+/, ''), baseUrl).href;
const PLAIN_PATH = /^(?:\/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)*\/?$/;

export const ARCHIVE_URL = '/archive/';
export const archiveYearUrl = (year: string): string => `${ARCHIVE_URL}${year}/`;
export const archiveMonthUrl = (year: string, month: string): string => `${ARCHIVE_URL}${year}/${month}/`;

/** The human site map (an HTML page), not sitemap.xml. */
export const SITE_MAP_URL = '/sitemap/';

/** 联系我们, made for a government site that gives its contact (gov.contact in site.yaml). */
export const CONTACT_URL = '/contact/';

/** The feeds of a list at `base` (`/` for the whole site, `/xuexi/` for a category). */
export const feedUrls = (base: string): { rss: string; atom: string } => ({
  rss: `${base}feed.xml`,
  atom: `${base}atom.xml`,
});
export const SEARCH_URL = '/search/';
/** Where the build writes Pagefind's index and UI (src/search/). */
export const SEARCH_BUNDLE_URL = '/pagefind/';

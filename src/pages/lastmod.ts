import type { ListedEntry } from '../graph/site-graph.js';

/**
 * The date of the newest of `entries`, as written into the page (ISO 8601 with the site's offset):
 * a list page changes when an article it shows is added, so this is when it last changed.
 */
export function newestDate(entries: Iterable<ListedEntry>): string | undefined {
  let newest: ListedEntry | undefined;
  for (const e of entries) if (!newest || e.date.epochMs > newest.date.epochMs) newest = e;
  return newest?.date.iso;
}

/** `{ lastmod }` to spread into a Page, or nothing when the page shows no article. */
export const lastmodOf = (entries: Iterable<ListedEntry>): { lastmod?: string } => {
  const lastmod = newestDate(entries);
  return lastmod === undefined ? {} : { lastmod };
};

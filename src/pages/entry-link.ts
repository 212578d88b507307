import type { ListedEntry } from '../graph/site-graph.js';

/**
 * What a link to an article needs (title, address, date), without its body: a page that lists
 * articles by title only then depends on their titles and dates, not on every edit of their text
 * (the dev server re-renders a page when its data changes).
 */
export interface EntryLink {
  readonly title: string;
  readonly url: string;
  readonly date: ListedEntry['date'];
}

export const entryLink = (e: ListedEntry): EntryLink => ({ title: e.title, url: e.url, date: e.date });

import type { Entry } from '../graph/site-graph.js';
import { changedEntries } from './entry-changes.js';

/**
 * Whether an article edited kept its place in the site: the same address, date, category and tags.
 * The order of the articles, their neighbours, related reading and tag pages follow from these alone
 * (see Surroundings), so they are all as they were; what other pages show of it (its title, summary,
 * source, cover) may have changed.
 */
export function keptPlace(before: Entry, after: Entry): boolean {
  return (
    before.file === after.file &&
    before.url === after.url &&
    before.date.epochMs === after.date.epochMs &&
    before.category.slug === after.category.slug &&
    before.tags.length === after.tags.length &&
    before.tags.every((tag, i) => after.tags[i] === tag)
  );
}

/** The files whose entries changed but kept their places (keptPlace), when that is all that differs. */
export const placeKeptChanges = (before: readonly Entry[], after: readonly Entry[]): string[] | undefined =>
  changedEntries(before, after, keptPlace);

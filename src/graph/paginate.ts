import { listPageUrl } from '../urls/urls.js';
import type { ListedEntry, ListPage } from './site-graph.js';

/** Splits `entries` into pages of `size`; an empty list still has one (empty) first page. */
export function paginate(base: string, entries: readonly ListedEntry[], size: number): ListPage[] {
  const count = Math.max(1, Math.ceil(entries.length / size));
  return Array.from({ length: count }, (_, i) => ({
    number: i + 1,
    url: listPageUrl(base, i + 1),
    entries: entries.slice(i * size, (i + 1) * size),
  }));
}

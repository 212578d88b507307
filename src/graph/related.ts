import type { Entry } from './site-graph.js';

/** How many related articles an article page lists (相关阅读). */
export const RELATED_COUNT = 5;

/**
 * For every entry, the other entries most related to it: most shared tags first, then those of the
 * same category, then the newest. An entry that shares no tag and no category is not related at all,
 * so a page may list fewer than `count` (or none). Pure and deterministic: expects `entries` newest
 * first with ties already broken (as buildGraph sorts them), and ranks equal candidates by that order.
 */
export function relatedEntries(
  entries: readonly Entry[],
  count = RELATED_COUNT,
): ReadonlyMap<string, readonly Entry[]> {
  const rank = new Map(entries.map((e, i) => [e, i]));
  const byTag = groupBy(entries, (e) => e.tags);
  const byCategory = groupBy(entries, (e) => [e.category.slug]);

  const related = new Map<string, readonly Entry[]>();
  for (const entry of entries) {
    // Only entries that share a tag can score above 0: count shared tags through the tag index
    // rather than comparing every pair, which a site of many thousand articles could not afford.
    const shared = new Map<Entry, number>();
    for (const tag of entry.tags) {
      for (const other of byTag.get(tag) ?? []) {
        if (other !== entry) shared.set(other, (shared.get(other) ?? 0) + 1);
      }
    }
    const better = (a: Entry, b: Entry): boolean => {
      const tags = (shared.get(a) ?? 0) - (shared.get(b) ?? 0);
      if (tags !== 0) return tags > 0;
      const sameA = a.category.slug === entry.category.slug;
      const sameB = b.category.slug === entry.category.slug;
      if (sameA !== sameB) return sameA;
      return (rank.get(a) ?? 0) < (rank.get(b) ?? 0);
    };
    const best = topK(shared.keys(), count, better);
    // Entries of the same category that share no tag rank below every tagged one, newest first:
    // the category's own list is already in that order.
    for (const other of byCategory.get(entry.category.slug) ?? []) {
      if (best.length >= count) break;
      if (other !== entry && !shared.has(other)) best.push(other);
    }
    related.set(entry.file, best);
  }
  return related;
}

/** The `k` best items, best first, keeping only `k` at a time. */
function topK<T>(items: Iterable<T>, k: number, better: (a: T, b: T) => boolean): T[] {
  const best: T[] = [];
  for (const item of items) {
    let i = best.length;
    while (i > 0 && better(item, best[i - 1] as T)) i--;
    if (i < k) {
      best.splice(i, 0, item);
      if (best.length > k) best.pop();
    }
  }
  return best;
}

/** Entries under each of their keys, in the order given. */
function groupBy(entries: readonly Entry[], keys: (e: Entry) => readonly string[]): Map<string, Entry[]> {
  const groups = new Map<string, Entry[]>();
  for (const e of entries) {
    for (const key of keys(e)) {
      const list = groups.get(key) ?? [];
      list.push(e);
      groups.set(key, list);
    }
  }
  return groups;
}

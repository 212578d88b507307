/** One part of the search index: the articles Pagefind indexes together, in a folder of their own. */
export interface Shard<T> {
  /**
   * Its folder under the bundle, and what it covers: `2025-03` (a month), `2025-12-31` (a day), or
   * `all` (a small site's whole index).
   */
  readonly name: string;
  readonly items: readonly T[];
}

/**
 * From this many articles on, the index is split into shards; below it, one Pagefind process
 * indexes the whole site. Each shard costs a Pagefind process of its own (a shard of one article
 * took 0.44–0.61 s, one of 18 articles 0.57–0.69 s, at load 6 on two cores) and a few requests more
 * in the browser; at about 15 ms an article on one core, 500 articles index in some 8 s. So a small
 * site gains little from shards: the sample site's 18 articles made four shards, four processes of
 * a few articles each, and its determinism test, two builds, ran out of its 30 s on a busy machine.
 * Crossing it re-indexes the site once.
 */
export const SHARDS_FROM = 500;

/**
 * Splits the articles into shards by date (`dayOf`: `2025-03-01`): the articles of the newest day
 * (the day new articles are published on) in a shard of their own, every other article in the shard
 * of its month; or, below `shardsFrom` articles, all in one. Pure: the same articles make the same
 * shards, whatever the build before made.
 *
 * Why so: Pagefind has no incremental index, and indexes Chinese text at about 15 ms an article on
 * one core. A new article then re-indexes only its day (tens of articles on a busy portal); an edit
 * or deletion of an older article only its month (about 1,500 on a portal of 50 a day, some 20 s);
 * and a day's articles move into their month once, at the first publish of the next day. The
 * shards are searched together in the browser (Pagefind's `mergeIndex`), each a few requests more.
 */
export function planShards<T>(
  items: readonly T[],
  dayOf: (item: T) => string,
  shardsFrom = SHARDS_FROM,
): Shard<T>[] {
  if (items.length === 0) return [];
  if (items.length < shardsFrom) return [{ name: 'all', items }];
  let newestDay = '';
  for (const item of items) {
    const day = dayOf(item);
    if (day > newestDay) newestDay = day;
  }
  const byName = new Map<string, T[]>();
  for (const item of items) {
    const day = dayOf(item);
    const name = day === newestDay ? day : day.slice(0, 7);
    const shard = byName.get(name);
    if (shard) shard.push(item);
    else byName.set(name, [item]);
  }
  // Newest first: the browser's first bundle is the one new articles are in.
  return [...byName]
    .sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0))
    .map(([name, shardItems]) => ({ name, items: shardItems }));
}

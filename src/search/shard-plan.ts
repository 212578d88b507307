import type { SearchRecord } from './search-records.js';

/** One part of the search index: the records Pagefind indexes together, in a folder of their own. */
export interface Shard {
  /** Its folder under the bundle, and what it covers: `2025-03` (a month) or `2025-12-31` (a day). */
  readonly name: string;
  readonly records: readonly SearchRecord[];
}

/**
 * Splits the records into shards by date: the articles of the newest day (the day new articles are
 * published on) in a shard of their own, every other article in the shard of its month. Pure: the
 * same records make the same shards, whatever the build before made.
 *
 * Why so: Pagefind has no incremental index, and indexes Chinese text at about 15 ms an article on
 * one core. A new article then re-indexes only its day (tens of articles on a busy portal); an edit
 * or deletion of an older article only its month (about 1,500 on a portal of 50 a day, some 20 s);
 * and a day's articles move into their month once, at the first publish of the next day. The
 * shards are searched together in the browser (Pagefind's `mergeIndex`), each a few requests more.
 */
export function planShards(records: readonly SearchRecord[]): Shard[] {
  let newestDay = '';
  for (const r of records) if (r.meta.date > newestDay) newestDay = r.meta.date;
  const byName = new Map<string, SearchRecord[]>();
  for (const r of records) {
    const name = r.meta.date === newestDay ? r.meta.date : r.meta.date.slice(0, 7);
    const shard = byName.get(name);
    if (shard) shard.push(r);
    else byName.set(name, [r]);
  }
  // Newest first: the browser's first bundle is the one new articles are in.
  return [...byName]
    .sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0))
    .map(([name, shardRecords]) => ({ name, records: shardRecords }));
}

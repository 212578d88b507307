import { groupBy } from '../graph/group-by.js';

/** One part of the search index: the articles Pagefind indexes together, in a folder of their own. */
export interface Shard<T> {
  /**
   * Its folder under the bundle, and what it covers: `2025-03-2` (a ten-day period, 11–20 March),
   * `2025-12-31` (a day: the newest, or one of a period too large for one shard), or `all` (a small
   * site's whole index).
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
 * The most articles a ten-day period's shard holds; a period with more has a shard for each of its
 * days. The Pagefind service that indexes a shard holds all of it in memory, about 0.7 MiB an
 * article of the benchmark's corpus (2,300 characters of text each) on top of 60 MiB: a month of
 * 1,440 articles peaked at 1,027 MiB, 700 articles at 549 MiB, 480 at 396 MiB. So a shard of at
 * most 600 stays under 500 MiB, two of them at once on two cores.
 */
export const PERIOD_LIMIT = 600;

/**
 * Splits the articles into shards by date (`dayOf`: `2025-03-01`): the articles of the newest day
 * (the day new articles are published on) in a shard of their own, every other article in the shard
 * of its ten-day period (旬): `2025-03-1` (days 1–10), `2025-03-2` (11–20), `2025-03-3` (21 to the
 * month's end), or, in a period of more than `PERIOD_LIMIT` articles, in the shard of its day; below
 * `shardsFrom` articles, all in one. Pure: the same articles make the same shards, whatever the
 * build before made, and an article added, edited or deleted changes no other period's shards.
 *
 * Why so: Pagefind has no incremental index, and indexes Chinese text at about 15 ms an article on
 * one core. A new article then re-indexes only its day (tens of articles on a busy portal); an edit
 * or deletion of an older article only its period (about 500 on a portal of 50 a day, some 7 s);
 * and a day's articles move into their period once, at the first publish of the next day. A month
 * (1,440 articles at 48 a day) took some 20 s to index again, and over 1 GiB of memory (see
 * PERIOD_LIMIT). The shards are searched together in the browser (Pagefind's `mergeIndex`), each a
 * few requests more.
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
  const byPeriod = groupBy(items, (item) => {
    const day = dayOf(item);
    return day === newestDay ? day : periodOf(day);
  });
  const shards: [string, T[]][] = [];
  for (const [name, shardItems] of byPeriod) {
    if (shardItems.length <= PERIOD_LIMIT) shards.push([name, shardItems]);
    else shards.push(...groupBy(shardItems, dayOf));
  }
  return shards
    .sort(([a], [b]) => newestFirst(a, b))
    .map(([name, shardItems]) => ({ name, items: shardItems }));
}

/** The ten-day period of a day: `2025-03-18` → `2025-03-2`. */
const periodOf = (day: string): string => {
  const date = Number(day.slice(8, 10));
  return `${day.slice(0, 7)}-${date <= 10 ? 1 : date <= 20 ? 2 : 3}`;
};

/** The first day a shard's name covers: `2025-03-2` → `2025-03-11`; a day is its own. */
const firstDayOf = (name: string): string =>
  /^\d{4}-\d{2}-[123]$/.test(name)
    ? `${name.slice(0, 8)}${['01', '11', '21'][Number(name.slice(8)) - 1]}`
    : name;

/**
 * The order of shards, newest first, as the index lists them (the browser's first bundle is the one
 * new articles are in): by the first day each covers, so that the newest day, `2025-03-18`, comes
 * before its period's older days, `2025-03-2`, which its name alone would not. Both the plan and a
 * previous site's list of shards (after a text edit) are put in this order: the loader must be the
 * same bytes either way.
 */
export function newestFirst(a: string, b: string): number {
  const [x, y] = [firstDayOf(a), firstDayOf(b)];
  if (x !== y) return x < y ? 1 : -1;
  return a < b ? 1 : a > b ? -1 : 0;
}

import type { ListedEntry } from './site-graph.js';

/** How many related articles an article page lists (相关阅读). */
export const RELATED_COUNT = 5;

/**
 * Only an article's first eight tags count: ranking looks at every combination of an article's tags
 * that other articles share, and eight tags already make 255 of them.
 */
export const RELATED_MAX_TAGS = 8;

/**
 * For every entry, the other entries most related to it: most shared tags first, then those of the
 * same category, then the newest. An entry that shares no tag and no category is not related at all,
 * so a page may list fewer than `count` (or none). Pure and deterministic: expects `entries` newest
 * first with ties already broken (as buildGraph sorts them), and ranks equal candidates by that order.
 *
 * Comparing every pair of entries is too slow for a portal of tens of thousands of articles with a
 * few very common tags, so candidates are taken tier by tier, best first, and only until `count`
 * are found: first those sharing all of the article's tags that any other article shares, same
 * category before other categories, then those sharing one tag fewer, and so on; each tier is read
 * from lists of "entries carrying all of these tags", newest first, that are made once per tag set.
 */
export function relatedEntries(entries: readonly ListedEntry[], count = RELATED_COUNT): RelatedReading {
  // The index is made on the first question too: a rebuild that reuses the site's surroundings
  // (see surroundingsOf) asks none, and making it took 30-50 ms at 20,000 articles.
  let reading: RelatedReading | undefined;
  return {
    get(file) {
      reading ??= readingOf(entries, count);
      return reading.get(file);
    },
  };
}

/**
 * 相关阅读 by the entry's file, worked out when first asked for: a rebuild after one article's text
 * changed asks for one entry's, not for every entry's (a fifth of planning a large site).
 */
export interface RelatedReading {
  /** Best first, never the entry itself; undefined for a file that is not one of the entries. */
  get(file: string): readonly ListedEntry[] | undefined;
}

/**
 * Entries are told by their rank (their place in `entries`, newest first), tags and categories by
 * numbers: the lists of an index are then arrays of ranks in ascending order, newest first as they
 * are, and "newest" is the smaller number. Made of entries and Maps of entries, the index took half
 * of planning a new article's 20,000-article site (a Set of tags per entry, a lookup per candidate).
 */
function readingOf(entries: readonly ListedEntry[], count: number): RelatedReading {
  const index = rankIndex(entries);
  const found = new Map<string, readonly ListedEntry[]>();
  // The ranking of the other entries depends only on an entry's category and the tags that count
  // (its group): it is worked out once per group, one longer than needed, and each entry of the
  // group takes it without itself. A portal's articles share a few hundred groups: at 20,000
  // articles this took planning a new article's site from 20,000 rankings to a few hundred.
  const byGroup = new Map<string, readonly number[]>();
  return {
    get(file) {
      const rank = index.rankOf.get(file);
      if (rank === undefined) return undefined;
      let best = found.get(file);
      if (!best) {
        const category = index.categoryOf[rank] as number;
        const tags = index.countedTags(rank);
        let key = String(category);
        for (const t of tags) key += `,${t}`;
        let ranking = byGroup.get(key);
        if (!ranking) {
          ranking = rankedFor(index, category, tags, count + 1);
          byGroup.set(key, ranking);
        }
        const list: ListedEntry[] = [];
        for (const r of ranking) if (r !== rank && list.length < count) list.push(entries[r] as ListedEntry);
        best = list;
        found.set(file, best);
      }
      return best;
    },
  };
}

/** The `length` best ranks for a group: its category, and its counted tags (sorted numbers). */
function rankedFor(index: RankIndex, category: number, tags: readonly number[], length: number): number[] {
  const best: number[] = [];
  const take = (lists: readonly Int32Array[], fits: (rank: number) => boolean) => {
    for (const r of newestOf(lists, length - best.length, (r) => fits(r) && !best.includes(r))) best.push(r);
  };
  const same = (r: number) => index.categoryOf[r] === category;
  const other = (r: number) => index.categoryOf[r] !== category;
  // Every entry with more shared tags than this tier was taken in an earlier one (the list was
  // not full yet), so what is left in this tier's lists shares exactly this many.
  const levels = sharedTagSets(tags, index);
  for (let k = levels.length - 1; k >= 0 && best.length < length; k--) {
    const lists = (levels[k] ?? []).map((set) => index.carrying(set));
    take(lists, same);
    if (best.length < length) take(lists, other);
  }
  // Last, the same category's newest; everything sharing a tag has been taken by now.
  if (best.length < length) take([index.ofCategory[category] as Int32Array], () => true);
  return best;
}

/** The entries by rank: their categories and tags as numbers, and lists of ranks by tag and category. */
interface RankIndex {
  readonly rankOf: ReadonlyMap<string, number>;
  readonly categoryOf: Int32Array;
  /** Ranks of each category's entries, ascending. */
  readonly ofCategory: readonly Int32Array[];
  /** The tags of the entry that ranking looks at, as numbers, sorted. */
  countedTags(rank: number): number[];
  /** Ranks of the entries carrying every tag of a set (sorted numbers), ascending. */
  carrying(tags: readonly number[]): Int32Array;
}

function rankIndex(entries: readonly ListedEntry[]): RankIndex {
  const n = entries.length;
  const rankOf = new Map<string, number>();
  const categoryOf = new Int32Array(n);
  const categories = new Map<string, number>();
  const tagIds = new Map<string, number>();
  // Every entry's tags, one after another: those of rank r are tagsAt[tagsFrom[r]..tagsFrom[r + 1]).
  const tagsFrom = new Int32Array(n + 1);
  const tagsAt: number[] = [];
  const byTag: number[][] = [];
  const byCategory: number[][] = [];
  entries.forEach((e, r) => {
    rankOf.set(e.file, r);
    let c = categories.get(e.category.slug);
    if (c === undefined) {
      c = categories.size;
      categories.set(e.category.slug, c);
      byCategory.push([]);
    }
    categoryOf[r] = c;
    byCategory[c]?.push(r);
    for (const name of e.tags) {
      let t = tagIds.get(name);
      if (t === undefined) {
        t = tagIds.size;
        tagIds.set(name, t);
        byTag.push([]);
      }
      tagsAt.push(t);
      byTag[t]?.push(r);
    }
    tagsFrom[r + 1] = tagsAt.length;
  });
  const has = (r: number, tag: number) => {
    for (let i = tagsFrom[r] as number; i < (tagsFrom[r + 1] as number); i++)
      if (tagsAt[i] === tag) return true;
    return false;
  };
  const lists = new Map<string, Int32Array>();
  const carrying = (tags: readonly number[]): Int32Array => {
    const key = tags.join(',');
    const known = lists.get(key);
    if (known) return known;
    let result: Int32Array;
    if (tags.length === 1) {
      result = Int32Array.from(byTag[tags[0] as number] ?? []);
    } else {
      // Filter the shortest list of the set less one tag by that tag: with a rare tag in the set,
      // this reads a handful of entries, not every entry of the common one.
      let shortest: Int32Array | undefined;
      let missing = -1;
      tags.forEach((tag, i) => {
        const rest = carrying(tags.filter((_, j) => j !== i));
        if (!shortest || rest.length < shortest.length) {
          shortest = rest;
          missing = tag;
        }
      });
      result = (shortest ?? new Int32Array(0)).filter((r) => has(r, missing));
    }
    lists.set(key, result);
    return result;
  };
  return {
    rankOf,
    categoryOf,
    ofCategory: byCategory.map((ranks) => Int32Array.from(ranks)),
    countedTags(rank) {
      const from = tagsFrom[rank] as number;
      const to = Math.min(tagsFrom[rank + 1] as number, from + RELATED_MAX_TAGS);
      // Sorted by insertion: a few tags each, and Array.prototype.sort's call cost 20,000 times.
      const tags: number[] = [];
      for (let i = from; i < to; i++) {
        const t = tagsAt[i] as number;
        let at = tags.length;
        while (at > 0 && (tags[at - 1] as number) > t) at--;
        tags.splice(at, 0, t);
      }
      return tags;
    },
    carrying,
  };
}

/**
 * The sets of a group's tags that at least one other entry carries too, by size: `[k - 1]` holds
 * the sets of k tags. A set is only tried when one tag fewer was shared, so most are never tried.
 */
function sharedTagSets(tags: readonly number[], index: RankIndex): number[][][] {
  const shared = (set: readonly number[]) => index.carrying(set).length > 1;
  const levels: number[][][] = [];
  let level = tags.map((t) => [t]).filter(shared);
  while (level.length > 0) {
    levels.push(level);
    level = level.flatMap((set) =>
      tags
        .slice(tags.indexOf(set[set.length - 1] ?? -1) + 1)
        .map((t) => [...set, t])
        .filter(shared),
    );
  }
  return levels;
}

/**
 * The `n` smallest ranks that `fits`, of lists that are each ascending, without repeats. The first
 * `n` of each list that fit hold them all: a rank among the `n` smallest has fewer than `n` smaller
 * ones before it in its own list.
 */
function newestOf(lists: readonly Int32Array[], n: number, fits: (rank: number) => boolean): number[] {
  if (n <= 0) return [];
  const found = new Set<number>();
  for (const list of lists) {
    let got = 0;
    for (let i = 0; i < list.length && got < n; i++) {
      const r = list[i] as number;
      if (fits(r)) {
        found.add(r);
        got++;
      }
    }
  }
  return [...found].sort((a, b) => a - b).slice(0, n);
}

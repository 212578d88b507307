import { groupBy } from './group-by.js';
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

function readingOf(entries: readonly ListedEntry[], count: number): RelatedReading {
  const rank = new Map(entries.map((e, i) => [e, i]));
  const byFile = new Map(entries.map((e) => [e.file, e]));
  const index = tagSetIndex(entries);
  const byCategory = groupBy(entries, (e) => e.category.slug);

  const found = new Map<string, readonly ListedEntry[]>();
  // The ranking of the other entries depends only on an entry's category and the tags that count
  // (its group): it is worked out once per group, one longer than needed, and each entry of the
  // group takes it without itself. A portal's articles share a few hundred groups: at 20,000
  // articles this took planning a new article's site from 20,000 rankings to a few hundred.
  const byGroup = new Map<string, readonly ListedEntry[]>();
  const groupRanking = (entry: ListedEntry): readonly ListedEntry[] => {
    const key = `${entry.category.slug}\u0001${countedTags(entry).join('\u0000')}`;
    let ranking = byGroup.get(key);
    if (!ranking) {
      ranking = rankedFor(entry, count + 1);
      byGroup.set(key, ranking);
    }
    return ranking;
  };
  const rankedFor = (entry: ListedEntry, length: number): readonly ListedEntry[] => {
    const category = entry.category.slug;
    const best: ListedEntry[] = [];
    const taken = new Set<ListedEntry>();
    const take = (lists: readonly (readonly ListedEntry[])[]) => {
      for (const e of newestOf(lists, length - best.length, taken, rank)) {
        best.push(e);
        taken.add(e);
      }
    };
    // Every entry with more shared tags than this tier was taken in an earlier one (the list was
    // not full yet), so what is left in this tier's lists shares exactly this many.
    const levels = sharedTagSets(entry, index);
    for (let k = levels.length - 1; k >= 0 && best.length < length; k--) {
      const sets = levels[k] ?? [];
      take(sets.map((tags) => index.entries(tags).get(category) ?? []));
      if (best.length < length)
        take(
          sets.flatMap((tags) => [...index.entries(tags)].filter(([c]) => c !== category).map(([, l]) => l)),
        );
    }
    // Last, the same category's newest; everything sharing a tag has been taken by now.
    take([byCategory.get(category) ?? []]);
    return best;
  };
  return {
    get(file) {
      const entry = byFile.get(file);
      if (!entry) return undefined;
      let best = found.get(file);
      if (!best) {
        best = groupRanking(entry)
          .filter((e) => e !== entry)
          .slice(0, count);
        found.set(file, best);
      }
      return best;
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

/** Entries carrying every tag of a set (tags sorted), by category, each list newest first. */
interface TagSetIndex {
  entries(tags: readonly string[]): ReadonlyMap<string, readonly ListedEntry[]>;
  /** How many entries carry every tag of the set. */
  size(tags: readonly string[]): number;
}

function tagSetIndex(entries: readonly ListedEntry[]): TagSetIndex {
  const tagsOf = new Map(entries.map((e) => [e, new Set(e.tags)]));
  const byTag = new Map<string, ListedEntry[]>();
  for (const e of entries) {
    for (const t of e.tags) {
      const list = byTag.get(t) ?? [];
      list.push(e);
      byTag.set(t, list);
    }
  }
  const lists = new Map<string, readonly ListedEntry[]>();
  const split = new Map<string, ReadonlyMap<string, readonly ListedEntry[]>>();
  const list = (tags: readonly string[]): readonly ListedEntry[] => {
    const key = tags.join('\u0000');
    const known = lists.get(key);
    if (known) return known;
    let result: readonly ListedEntry[];
    if (tags.length === 1) {
      result = byTag.get(tags[0] ?? '') ?? [];
    } else {
      // Filter the shortest list of the set less one tag by that tag: with a rare tag in the set,
      // this reads a handful of entries, not every entry of the common one.
      let shortest: readonly ListedEntry[] | undefined;
      let missing = '';
      tags.forEach((tag, i) => {
        const rest = list(tags.filter((_, j) => j !== i));
        if (!shortest || rest.length < shortest.length) {
          shortest = rest;
          missing = tag;
        }
      });
      result = (shortest ?? []).filter((e) => tagsOf.get(e)?.has(missing));
    }
    lists.set(key, result);
    return result;
  };
  return {
    size: (tags) => list(tags).length,
    entries(tags) {
      const key = tags.join('\u0000');
      let byCat = split.get(key);
      if (!byCat) {
        byCat = groupBy(list(tags), (e) => e.category.slug);
        split.set(key, byCat);
      }
      return byCat;
    },
  };
}

/**
 * The sets of the entry's tags that at least one other entry carries too, by size: `[k - 1]` holds
 * the sets of k tags. A set is only tried when one tag fewer was shared, so most are never tried.
 */
function sharedTagSets(entry: ListedEntry, index: TagSetIndex): string[][][] {
  const tags = countedTags(entry);
  const shared = (set: readonly string[]) => index.size(set) > 1;
  const levels: string[][][] = [];
  let level = tags.map((t) => [t]).filter(shared);
  while (level.length > 0) {
    levels.push(level);
    level = level.flatMap((set) =>
      tags
        .slice(tags.indexOf(set[set.length - 1] ?? '') + 1)
        .map((t) => [...set, t])
        .filter(shared),
    );
  }
  return levels;
}

/** The tags of an entry that ranking looks at, sorted. */
const countedTags = (entry: ListedEntry): string[] => [...entry.tags.slice(0, RELATED_MAX_TAGS)].sort();

/** Up to `n` entries not yet taken from lists that are each newest first, newest first overall. */
function newestOf(
  lists: readonly (readonly ListedEntry[])[],
  n: number,
  taken: ReadonlySet<ListedEntry>,
  rank: ReadonlyMap<ListedEntry, number>,
): ListedEntry[] {
  const at = lists.map(() => 0);
  const found: ListedEntry[] = [];
  const seen = new Set<ListedEntry>();
  while (found.length < n) {
    let pick = -1;
    let pickRank = Number.POSITIVE_INFINITY;
    lists.forEach((list, i) => {
      let head = list[at[i] ?? 0];
      while (head && (taken.has(head) || seen.has(head))) head = list[++(at[i] as number)];
      const r = head ? (rank.get(head) ?? 0) : Number.POSITIVE_INFINITY;
      if (r < pickRank) {
        pick = i;
        pickRank = r;
      }
    });
    const list = lists[pick];
    if (!list) break;
    const e = list[at[pick] ?? 0] as ListedEntry;
    at[pick] = (at[pick] ?? 0) + 1;
    seen.add(e);
    found.push(e);
  }
  return found;
}

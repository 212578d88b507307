import { META_WEIGHTS, RECORD_META } from './search-records.js';
import type { ShardLength } from './shard-meta.js';

/** The filter each record carries with its shard's name: how the loader keeps a search to some shards. */
export const SHARD_FILTER = '_shard';

/** A shard as the loader knows it: its folder, and its pages' lengths (undefined if unknown). */
export interface LoadedShard {
  readonly name: string;
  readonly length: ShardLength | undefined;
}

/**
 * Pagefind's default ranking (pagefind_web's RankingWeights, 1.6): BM25's term saturation k1 and
 * length normalisation b; the metadata fields' weights are the site's (search-records.ts).
 */
const PAGEFIND_RANKING = { k1: 1.4, b: 0.75, metaWeights: META_WEIGHTS };

/**
 * The `pagefind.js` of the bundle's own folder, which Pagefind's UI imports: it loads Pagefind from
 * the newest shard, merges the others in (Pagefind's `mergeIndex`), and offers the UI the same
 * functions as Pagefind's own module.
 *
 * One difference of merged bundles is undone here. Pagefind leaves out of a search each word its
 * index does not have at all (so that a misspelt word does not empty the results); searched shard by
 * shard, a word that one period's articles never use would be left out there, and that period would
 * answer with articles that have only the other words. So a search of several words is kept to the
 * shards that have every word the site has at all: what one whole index would answer. Pagefind is
 * asked once more for each word, from the chunks it has just loaded. The shard filter stays hidden.
 * A shard that has no word starting with a word of the search answers it with the longest word that
 * the searched one starts with (市 for 市民); while any shard has the word itself, such a shard is
 * left out too, as one whole index would have no such guess (a quoted search says which shards have
 * the word exactly, and for the others a quoted search of each prefix whether its pages are the guess).
 *
 * Each index also ranks by its own statistics, which the loader undoes too: a word's IDF, by
 * rescaling each word's scores shard by shard, and the average page length, by giving each shard
 * ranking weights under which its pages are measured against the site's average (`loaded`: each
 * shard's page and word counts, see shard-meta.ts).
 *
 * Pagefind names each page by a 7-digit hash, unique within its own index only, so two shards can
 * have a page of the same id (`shared`, found by the build). The loader tells such pages apart by
 * their shard (from the page's own data, for them alone) and gives each its own id in the results.
 */
export function shardLoader(loaded: readonly LoadedShard[], shared: readonly string[] = []): string {
  const shards = loaded.map((s) => s.name);
  return `// Written by gazette (src/search/shard-loader.ts): Pagefind's module, over the index's shards.
const SHARDS = ${JSON.stringify(shards)};
// Page ids that more than one shard has: Pagefind names a page by a short hash, unique in its own index.
const SHARED = new Set(${JSON.stringify(shared)});
// Each shard's pages and their words in all, as Pagefind counted them (null: unknown).
const LENGTHS = ${JSON.stringify(loaded.map((s) => s.length ?? null))};
const RANKING = ${JSON.stringify(PAGEFIND_RANKING)};
const FIELDS = ${JSON.stringify(RECORD_META)};
const SHARD = ${JSON.stringify(SHARD_FILTER)};
const base = new URL('./', import.meta.url).pathname;
const pagefind = await import(\`./\${SHARDS[0]}/pagefind.js\`);
let merged;
// The pages of each shard, by the shard filter's counts: set by \`options\`.
let pageCounts;

const hide = (filters) => {
  if (!filters) return filters;
  const { [SHARD]: _, ...shown } = filters;
  return shown;
};
const words = (term) => {
  const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });
  return [...new Set([...segmenter.segment(term)].filter((s) => s.isWordLike).map((s) => s.segment.toLowerCase()))];
};
// Pagefind's IDF (pagefind_web/src/search.rs): of a word in n of N pages, in 32-bit floats as it
// computes it: for a word on nearly every page the rounding of its argument moves it by up to 2·10⁻⁵,
// as much as the gap between the first two results of some searches.
const f32 = Math.fround;
const idf = (n, N) => f32(Math.log(f32(f32(f32(N - n + 0.5) / f32(n + 0.5)) + 1)));

// Pagefind ranks a page against its own index's average page length (BM25: k1·(1 − b + b·dl/avgdl)
// beside the term's frequency), and shards' averages differ from the site's by a few per cent: enough to
// swap near-ties, for a word on nearly every page. Each shard gets the k1 and b that give its pages the
// site's normalisation, k1'·b' = k1·b·avg(shard)/avg(site) and k1'·(1 − b') = k1·(1 − b). k1' also
// multiplies the term's part of a score by (k1' + 1)/(k1 + 1), its gain: the metadata fields' weights
// are multiplied by the gain too, and the shard's \`indexWeight\` (which Pagefind multiplies its
// scores by) divides it out. Pagefind keeps k1 within 0..2: a shard whose average exceeds the site's by
// more than half (a day of few, long articles) is ranked nearly, not exactly, as the site would.
const known = LENGTHS.every((l) => l && l.pages > 0);
const siteAverage = known ? LENGTHS.reduce((w, l) => w + l.words, 0) / LENGTHS.reduce((p, l) => p + l.pages, 0) : 0;
const rankingOf = (i) => {
  if (!known) return { ranking: { metaWeights: RANKING.metaWeights } };
  const { k1, b, metaWeights } = RANKING;
  const ratio = LENGTHS[i].words / LENGTHS[i].pages / siteAverage;
  const saturation = Math.min(2, k1 * (1 - b) + k1 * b * ratio);
  const gain = (saturation + 1) / (k1 + 1);
  const weights = Object.fromEntries(FIELDS.map((field) => [field, (metaWeights[field] ?? 1) * gain]));
  const pageLength = Math.min(1, (k1 * b * ratio) / saturation);
  return { ranking: { termSaturation: saturation, pageLength, metaWeights: weights }, indexWeight: 1 / gain };
};
const withRanking = (i, options) => ({ ...options, ...rankingOf(i) });
const add = (counts, into) => Object.values(counts ?? {}).reduce((sum, c) => sum + c, into);

// Pagefind matches a word with every word of its index that starts with it; an index that has none
// answers with the longest word of it that the word starts with (市 for 市民), as a guess. A shard
// without 市民 would so answer with its pages of 市, where one whole index, which has 市民 from the
// other shards, answers with those alone. For each shard that matches a word, how long the word it
// matched is: the word's own length if the shard has the word exactly (a quoted search) or only words
// that extend it; a prefix's length if the pages matched are those of that prefix exactly. (Pages, not
// places: a quoted search gives only a page's first place of the word.)
const samePages = (a, b) => {
  const ids = new Set(a.map((r) => r.id));
  return a.length === b.length && b.every((r) => ids.has(r.id));
};
const within = (term, shards) => pagefind.search(term, { filters: { [SHARD]: { any: shards } } });
const countIn = (found, shard) => found.filters?.[SHARD]?.[shard] ?? 0;
// Which of \`shards\` answer \`word\` with the pages of the quoted \`prefix\`, asked of them all at
// once (one search per shard made a rare word's search, which every shard guesses, twice as slow).
// Each page is of one shard: the pages of several shards are the same when each shard's are.
const guessedBy = async (word, prefix, shards) => {
  const [matched, exact] = [await within(word, shards), await within(\`"\${prefix}"\`, shards)];
  const even = shards.filter((shard) => countIn(matched, shard) === countIn(exact, shard));
  if (even.length === 0) return [];
  const [a, b] =
    even.length === shards.length ? [matched, exact] : [await within(word, even), await within(\`"\${prefix}"\`, even)];
  if (samePages(a.results, b.results)) return even;
  if (even.length === 1) return [];
  const guessed = [];
  for (const shard of even) guessed.push(...(await guessedBy(word, prefix, [shard])));
  return guessed;
};
// A word's matches by shard, as one whole index would have them: the shards that matched the longest
// word (the word itself, where any shard has it), with their counts of pages.
const matchesOf = async (word) => {
  const n = (await pagefind.search(word)).filters?.[SHARD] ?? {};
  const shards = Object.keys(n).filter((shard) => n[shard] > 0);
  if (shards.length === 0) return n;
  const exact = (await pagefind.search(\`"\${word}"\`)).filters?.[SHARD] ?? {};
  const chars = [...word];
  const lengths = new Map(shards.map((shard) => [shard, chars.length]));
  let open = shards.filter((shard) => (exact[shard] ?? 0) === 0);
  for (let k = chars.length - 1; k > 0 && open.length > 0; k--) {
    const guessed = new Set(await guessedBy(word, chars.slice(0, k).join(''), open));
    for (const shard of guessed) lengths.set(shard, k);
    open = open.filter((shard) => !guessed.has(shard));
  }
  // The shards left have words that extend the searched one: matches of the word itself.
  const longest = Math.max(...lengths.values());
  return Object.fromEntries(shards.filter((shard) => lengths.get(shard) === longest).map((shard) => [shard, n[shard]]));
};

// Each shard that has every word of the search (that any shard has), and for each word the factors
// that turn its scores in a shard into the whole index's: its IDF over the site, over that in the
// shard. A word's IDF needs the pages of the shard that have it (a search's counts by shard) and all
// the pages of the shard (the shard filter's counts, from \`filters()\`): a search's \`totalFilters\`
// count only the pages that match, which made every word look as if all pages had it.
const plan = async (term) => {
  if (typeof term !== 'string' || term.trim() === '' || /^\\s*".+"\\s*$/.test(term)) return undefined;
  if (!pageCounts) return undefined;
  const sizes = await pageCounts;
  const found = [];
  for (const word of words(term)) {
    const n = await matchesOf(word);
    if (add(n, 0) > 0) found.push({ word, n });
  }
  if (found.length === 0) return undefined;
  const N = add(sizes, 0);
  return Object.keys(sizes)
    .filter((shard) => found.every(({ n }) => (n[shard] ?? 0) > 0))
    .map((shard) => ({
      shard,
      words: found.map(({ word, n }) => ({
        word,
        factor: idf(add(n, 0), N) / (idf(n[shard], sizes[shard]) || 1),
      })),
    }));
};

export const options = async (given) => {
  await pagefind.options(withRanking(0, { ...given, basePath: \`\${base}\${SHARDS[0]}/\` }));
  // Pagefind counts pages by filter only once the filters are loaded: the shards' counts are needed.
  merged ??= Promise.all(
    SHARDS.slice(1).map((shard, i) => pagefind.mergeIndex(\`\${base}\${shard}/\`, withRanking(i + 1, {}))),
  ).then(() => pagefind.filters());
  pageCounts ??= merged.then((all) => all?.[SHARD] ?? {});
  await merged;
};
export const mergeIndex = (...args) => pagefind.mergeIndex(...args);
export const init = (...args) => pagefind.init(...args);
export const destroy = (...args) => pagefind.destroy(...args);
export const preload = (...args) => pagefind.preload(...args);
export const createInstance = (...args) => pagefind.createInstance(...args);
export const filters = async () => hide(await pagefind.filters());
// A result's key: its id, and for an id that more than one shard has, its shard too, from its data.
const keyOf = (id, shard) => (SHARED.has(id) ? \`\${id}@\${shard}\` : id);
const keyed = async (r) =>
  SHARED.has(r.id) ? { ...r, id: keyOf(r.id, (await r.data()).filters?.[SHARD]?.[0]) } : r;

export const search = async (term, given = {}) => {
  const shards = await plan(term);
  if (!shards) {
    const found = await pagefind.search(term, given);
    const results = await Promise.all(found.results.map(keyed));
    return { ...found, results, filters: hide(found.filters), totalFilters: hide(found.totalFilters) };
  }
  if (shards.length === 0) return { results: [], unfilteredResultCount: 0, filters: {}, totalFilters: {}, timings: [] };
  const kept = (shard) => ({ ...given, filters: { ...given.filters, [SHARD]: shard } });
  const found = await pagefind.search(term, kept({ any: shards.map((s) => s.shard) }));
  // Pagefind scores a page as the sum of its words' scores (IDF × term frequency), each with its
  // shard's statistics: each word's part is scaled by its own factor, word by word and shard by shard.
  // One factor for the sum was wrong when two words' IDFs differ from the site's unequally.
  const scores = new Map();
  for (const { shard, words: parts } of shards)
    for (const { word, factor } of parts)
      for (const r of (await pagefind.search(word, kept([shard]))).results) {
        const key = keyOf(r.id, shard);
        scores.set(key, (scores.get(key) ?? 0) + r.score * factor);
      }
  const results = await Promise.all(
    found.results.map(async (r) => {
      const own = await keyed(r);
      return { ...own, score: scores.get(own.id) ?? 0 };
    }),
  );
  results.sort((a, b) => b.score - a.score);
  return { ...found, results, filters: hide(found.filters), totalFilters: hide(found.totalFilters) };
};
// Without the debounce: the UI does not use it.
export const debouncedSearch = (term, given) => search(term, given);
`;
}

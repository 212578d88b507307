/** The filter each record carries with its shard's name: how the loader keeps a search to some shards. */
export const SHARD_FILTER = '_shard';

/**
 * The `pagefind.js` of the bundle's own folder, which Pagefind's UI imports: it loads Pagefind from
 * the newest shard, merges the others in (Pagefind's `mergeIndex`), and offers the UI the same
 * functions as Pagefind's own module.
 *
 * One difference of merged bundles is undone here. Pagefind leaves out of a search each word its
 * index does not have at all (so that a misspelt word does not empty the results); searched shard by
 * shard, a word that one month's articles never use would be left out there, and that month would
 * answer with articles that have only the other words. So a search of several words is kept to the
 * shards that have every word the site has at all: what one whole index would answer. Pagefind is
 * asked once more for each word, from the chunks it has just loaded. The shard filter stays hidden.
 */
export function shardLoader(shards: readonly string[]): string {
  return `// Written by gazette (src/search/shard-loader.ts): Pagefind's module, over the index's shards.
const SHARDS = ${JSON.stringify(shards)};
const SHARD = ${JSON.stringify(SHARD_FILTER)};
const base = new URL('./', import.meta.url).pathname;
const pagefind = await import(\`./\${SHARDS[0]}/pagefind.js\`);
let merged;

const hide = (filters) => {
  if (!filters) return filters;
  const { [SHARD]: _, ...shown } = filters;
  return shown;
};
const words = (term) => {
  const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });
  return [...new Set([...segmenter.segment(term)].filter((s) => s.isWordLike).map((s) => s.segment.toLowerCase()))];
};
// The shards that have every word of the search that any shard has; undefined: no need to ask.
const shardsWithEvery = async (term) => {
  if (typeof term !== 'string' || /^\\s*".+"\\s*$/.test(term)) return undefined;
  const asked = words(term);
  if (asked.length < 2) return undefined;
  let kept;
  for (const word of asked) {
    const found = (await pagefind.search(word)).filters?.[SHARD] ?? {};
    const having = Object.keys(found).filter((shard) => found[shard] > 0);
    if (having.length === 0) continue;
    kept = kept ? kept.filter((shard) => having.includes(shard)) : having;
  }
  return kept;
};

export const options = async (given) => {
  await pagefind.options({ ...given, basePath: \`\${base}\${SHARDS[0]}/\` });
  merged ??= Promise.all(SHARDS.slice(1).map((shard) => pagefind.mergeIndex(\`\${base}\${shard}/\`)));
  await merged;
};
export const mergeIndex = (...args) => pagefind.mergeIndex(...args);
export const init = (...args) => pagefind.init(...args);
export const destroy = (...args) => pagefind.destroy(...args);
export const preload = (...args) => pagefind.preload(...args);
export const createInstance = (...args) => pagefind.createInstance(...args);
export const filters = async () => hide(await pagefind.filters());
export const search = async (term, given = {}) => {
  const kept = await shardsWithEvery(term);
  const asked = kept ? { ...given, filters: { ...given.filters, [SHARD]: { any: kept } } } : given;
  const found = kept && kept.length === 0 ? undefined : await pagefind.search(term, asked);
  if (!found) return { results: [], unfilteredResultCount: 0, filters: {}, totalFilters: {}, timings: [] };
  return { ...found, filters: hide(found.filters), totalFilters: hide(found.totalFilters) };
};
export const debouncedSearch = async (term, given, ms) => {
  const found = await pagefind.debouncedSearch(term, given, ms);
  return found && { ...found, filters: hide(found.filters), totalFilters: hide(found.totalFilters) };
};
`;
}

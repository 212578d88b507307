import type { ListedEntry, SiteGraph } from '../graph/site-graph.js';

/** What of a site additions can have changed (movedByAdditions). */
export interface Moved {
  /** The articles whose pages may show other articles or tags around them, the added ones included. */
  readonly articles: ReadonlySet<string>;
  /**
   * The lists (by their address: a category's, a tag's, a month's and a year's archive) that an
   * added article is in. The pages of every other list show what they showed.
   */
  readonly lists: ReadonlySet<string>;
}

/**
 * What adding the `added` articles can have changed, when nothing else did (addedArticles): `graph`
 * is the site with them. Every other article page shows what it showed around it before, and every
 * other list page the same articles, which a rebuild then knows without working out the
 * surroundings of 20,000 pages and comparing them with the cache's, or signing 4,000 list pages.
 *
 * Adding articles only inserts them into ordered lists. So an article's 上一篇 and 下一篇 change
 * only beside an added one in its category, and its related reading only if an added one enters
 * it: relatedEntries orders the candidates of each article by what they share with it and then by
 * date, and inserting one candidate leaves the others' order as it was. Only articles that share
 * the category or a tag with an added one can take it in. A list's pages (their articles, their
 * number) change only if an article is added to it.
 *
 * Undefined when an added article brings a tag the site did not have: tags' addresses are numbered
 * among homophones in the order of their names (buildTags), so a new one can renumber others.
 */
export function movedByAdditions(graph: SiteGraph, added: ReadonlySet<string>): Moved | undefined {
  const articles = new Set<string>(added);
  const lists = new Set<string>();
  if (added.size === 0) return { articles, lists };
  const newcomers = graph.entries.filter((e) => added.has(e.file));
  const tags = new Map(graph.tags.map((t) => [t.name, t]));
  const categories = new Map(graph.categories.map((s) => [s.category.slug, s]));
  const candidates = new Set<ListedEntry>();
  for (const entry of newcomers) {
    const around = graph.neighbours.get(entry.file);
    if (around?.previous) articles.add(around.previous.file);
    if (around?.next) articles.add(around.next.file);
    for (const name of entry.tags) {
      const tag = tags.get(name);
      if (!tag || tag.entries.every((e) => added.has(e.file))) return undefined;
      lists.add(tag.url);
      for (const e of tag.entries) candidates.add(e);
    }
    const category = categories.get(entry.category.slug);
    if (category) {
      lists.add(category.url);
      for (const e of category.entries) candidates.add(e);
    }
    const year = graph.archive.find((y) => y.year === entry.date.year);
    const month = year?.months.find((m) => m.month === entry.date.month);
    if (year) lists.add(year.url);
    if (month) lists.add(month.url);
  }
  for (const e of candidates)
    if (!articles.has(e.file) && graph.related.get(e.file)?.some((r) => added.has(r.file)))
      articles.add(e.file);
  return { articles, lists };
}

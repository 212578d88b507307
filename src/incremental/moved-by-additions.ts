import type { ListedEntry, SiteGraph } from '../graph/site-graph.js';

/**
 * The articles whose pages may show other articles or tags around them (Surroundings) once the
 * `added` articles are on the site, and nothing else changed (addedArticles): `graph` is the site
 * with them. Every other article page shows what it showed before, which a rebuild then knows
 * without working out the surroundings of 20,000 pages and comparing them with the cache's.
 *
 * Adding articles only inserts them into ordered lists. So an article's 上一篇 and 下一篇 change
 * only beside an added one in its category, and its related reading only if an added one enters
 * it: relatedEntries orders the candidates of each article by what they share with it and then by
 * date, and inserting one candidate leaves the others' order as it was. Only articles that share
 * the category or a tag with an added one can take it in.
 *
 * Undefined when an added article brings a tag the site did not have: tags' addresses are numbered
 * among homophones in the order of their names (buildTags), so a new one can renumber others.
 */
export function movedByAdditions(
  graph: SiteGraph,
  added: ReadonlySet<string>,
): ReadonlySet<string> | undefined {
  const moved = new Set<string>(added);
  if (added.size === 0) return moved;
  const newcomers = graph.entries.filter((e) => added.has(e.file));
  const tags = new Map(graph.tags.map((t) => [t.name, t.entries]));
  const categories = new Map(graph.categories.map((s) => [s.category.slug, s.entries]));
  const candidates = new Set<ListedEntry>();
  for (const entry of newcomers) {
    const around = graph.neighbours.get(entry.file);
    if (around?.previous) moved.add(around.previous.file);
    if (around?.next) moved.add(around.next.file);
    for (const tag of entry.tags) {
      const carrying = tags.get(tag) ?? [];
      if (carrying.every((e) => added.has(e.file))) return undefined;
      for (const e of carrying) candidates.add(e);
    }
    for (const e of categories.get(entry.category.slug) ?? []) candidates.add(e);
  }
  for (const e of candidates)
    if (!moved.has(e.file) && graph.related.get(e.file)?.some((r) => added.has(r.file))) moved.add(e.file);
  return moved;
}

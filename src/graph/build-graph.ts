import type { SiteConfig } from '../config/site-config.js';
import { slugify } from '../text/slug.js';
import { categoryUrl, tagUrl } from '../urls/urls.js';
import { buildArchive } from './archive.js';
import { paginate } from './paginate.js';
import { relatedEntries } from './related.js';
import type { CategorySection, ListedEntry, Neighbours, SiteGraph, TagSection } from './site-graph.js';

/** Newest first; ties broken by file path so that every build orders the same way. */
export const byDateDesc = (a: ListedEntry, b: ListedEntry): number =>
  b.date.epochMs - a.date.epochMs || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);

/**
 * Builds the site's structure from published entries: categories, tags, pagination, neighbours,
 * related articles and the date archive. Pure.
 */
export function buildGraph(published: readonly ListedEntry[], config: SiteConfig): SiteGraph {
  const entries = [...published].sort(byDateDesc);

  const categories: CategorySection[] = config.categories.map((category) => {
    const url = categoryUrl(category.slug);
    const list = entries.filter((e) => e.category.slug === category.slug);
    return { category, url, entries: list, pages: paginate(url, list, config.pageSize) };
  });

  const neighbours = new Map<string, Neighbours>();
  for (const section of categories) {
    const list = section.entries;
    list.forEach((entry, i) => {
      const next = list[i - 1];
      const previous = list[i + 1];
      neighbours.set(entry.file, { ...(previous && { previous }), ...(next && { next }) });
    });
  }

  return {
    entries,
    headline: entries.find((e) => e.headline) ?? entries[0],
    categories,
    tags: buildTags(entries, config.pageSize),
    neighbours,
    related: relatedEntries(entries),
    archive: buildArchive(entries, config.pageSize),
  };
}

function buildTags(entries: readonly ListedEntry[], pageSize: number): TagSection[] {
  const byName = new Map<string, ListedEntry[]>();
  const slugs = new Map<string, string>();
  for (const e of entries) {
    e.tags.forEach((tag, i) => {
      const list = byName.get(tag) ?? [];
      list.push(e);
      byName.set(tag, list);
      const slug = e.tagSlugs?.[i];
      if (slug !== undefined && !slugs.has(tag)) slugs.set(tag, slug);
    });
  }
  // Two tags can share a pinyin slug (homophones); number the later ones, in a stable order.
  const taken = new Set<string>();
  return [...byName.keys()]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((name) => {
      const base = (slugs.get(name) ?? slugify(name)) || 'tag';
      let slug = base;
      for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
      taken.add(slug);
      const list = byName.get(name) ?? [];
      const url = tagUrl(slug);
      return { name, slug, url, entries: list, pages: paginate(url, list, pageSize) };
    });
}

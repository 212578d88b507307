import { createHash } from 'node:crypto';
import type { BodyRef } from '../bodies/body-ref.js';
import type { SiteConfig } from '../config/site-config.js';
import type { Entry, SiteGraph } from '../graph/site-graph.js';
import { categoryUrl } from '../graph/urls.js';
import { coverUrl, newsArticle } from '../structured-data/news-article.js';
import { type EntryLink, entryLink } from './entry-link.js';
import type { Page, SettledPage } from './page.js';
import type { Crumb } from './pagination.js';
import { articleMeta } from './portal-meta.js';
import { shared } from './shared.js';

/**
 * What an article's page shows of the rest of the site, by file and address: its neighbours in its
 * category (上一篇, 下一篇), its related reading, and its tags' pages. It follows from what lists
 * show of every article (dates, categories, tags; see listingOf), so an edit of only an article's
 * text leaves every page's surroundings as they were: the build cache keeps them for that rebuild.
 */
export interface Surroundings {
  readonly previous?: string;
  readonly next?: string;
  /** Best first. */
  readonly related: readonly string[];
  /** Each tag of the article with the address of its page, in the article's order. */
  readonly tags: ReadonlyArray<readonly [name: string, url: string]>;
}

/** The other articles an article's page shows, as entries. */
export interface Around {
  readonly previous?: Entry;
  readonly next?: Entry;
  readonly related: readonly Entry[];
  readonly tags: ReadonlyArray<readonly [name: string, url: string]>;
}

/**
 * The surroundings of every article of the site, by file: what its page shows and the build cache
 * keeps. Made once per graph (the planner and the cache both ask).
 */
export function surroundingsOf(graph: SiteGraph): ReadonlyMap<string, Surroundings> {
  const known = made.get(graph);
  if (known) return known;
  const key = placesKey(graph);
  const all = last?.key === key ? last.surroundings : makeSurroundings(graph);
  last = { key, surroundings: all };
  made.set(graph, all);
  return all;
}

const made = new WeakMap<SiteGraph, ReadonlyMap<string, Surroundings>>();

/**
 * The surroundings last made, with the key of what they were made from. The dev server's rebuild
 * after a new title (or summary, or source) plans a new graph in which every article keeps its
 * place: the same order, categories, tags and tag pages. Its surroundings are then the previous
 * ones, and finding the related reading again for every article took 0.2 s of its 1.2 s at
 * 20,000 articles.
 */
let last: { key: string; surroundings: ReadonlyMap<string, Surroundings> } | undefined;

/** A digest of everything surroundings follow from: the entries' order, files, categories and tags, and the tags' pages. */
function placesKey(graph: SiteGraph): string {
  const hash = createHash('sha1');
  for (const e of graph.entries) hash.update(`${e.file}\0${e.category.slug}\0${e.tags.join('\u0001')}\n`);
  hash.update('\0tags\n');
  for (const t of graph.tags) hash.update(`${t.name}\0${t.url}\n`);
  return hash.digest('base64url');
}

function makeSurroundings(graph: SiteGraph): ReadonlyMap<string, Surroundings> {
  const tagUrls = new Map(graph.tags.map((t) => [t.name, t.url]));
  const all = new Map<string, Surroundings>();
  for (const entry of graph.entries) {
    const neighbours = graph.neighbours.get(entry.file);
    const tags: Array<readonly [string, string]> = [];
    for (const name of entry.tags) {
      const url = tagUrls.get(name);
      if (url !== undefined) tags.push([name, url]);
    }
    const related = (graph.related.get(entry.file) ?? []).map((e) => e.file);
    const s: { previous?: string; next?: string; related: readonly string[]; tags: typeof tags } = {
      related,
      tags,
    };
    if (neighbours?.previous) s.previous = neighbours.previous.file;
    if (neighbours?.next) s.next = neighbours.next.file;
    all.set(entry.file, s);
  }
  return all;
}

/** Surroundings with the entries they name, found by `entryOf`. */
export function aroundFrom(s: Surroundings, entryOf: (file: string) => Entry): Around {
  const around: { previous?: Entry; next?: Entry; related: readonly Entry[]; tags: Surroundings['tags'] } = {
    related: s.related.map(entryOf),
    tags: s.tags,
  };
  if (s.previous !== undefined) around.previous = entryOf(s.previous);
  if (s.next !== undefined) around.next = entryOf(s.next);
  return around;
}

/** What an article page's signature leaves out: one list for all pages (20,000 copies were 1 MB). */
const DERIVED: readonly string[] = ['page', 'structuredData', 'cover', 'portalMeta'];

/**
 * Makes article pages. Pages share what is the same for many of them (a category's crumbs, a tag's
 * link, an article's link in related reading): a page's signature then reads each once (see shared).
 */
export function articlePlanner(
  config: SiteConfig,
  bodies: ReadonlyMap<string, BodyRef>,
): (entry: Entry, around: Around) => Page {
  const section = (name: string, slug: string, url: string) => ({
    category: shared({ name, slug, url }),
    breadcrumb: shared<Crumb[]>([{ title: '首页', url: '/' }, { title: name, url }, { title: '正文' }]),
  });
  const sections = new Map(
    config.categories.map((c) => [c.slug, section(c.name, c.slug, categoryUrl(c.slug))]),
  );
  const tagLinks = new Map<string, { name: string; url: string }>();
  const tagLink = (name: string, url: string) => {
    const key = `${name}\n${url}`;
    let link = tagLinks.get(key);
    if (!link) {
      link = shared({ name, url });
      tagLinks.set(key, link);
    }
    return link;
  };
  const links = new Map<string, EntryLink>();
  const linkOf = (e: Entry) => {
    let link = links.get(e.file);
    if (!link) {
      link = shared(entryLink(e));
      links.set(e.file, link);
    }
    return link;
  };
  // The JSON-LD and the cover's address are made when read (for rendering, or by the copy sent to a
  // worker), not held for every page of the plan: 100,000 articles' JSON-LD took a large part of a
  // big build's memory. One pair of getters for all pages, added after the object is made: getters
  // written in an object literal turn each page's data into a dictionary (746 against 137 bytes).
  const madeWhenRead: PropertyDescriptorMap = {
    structuredData: {
      enumerable: true,
      get(this: { article: Entry }) {
        return newsArticle(this.article, config);
      },
    },
    cover: {
      enumerable: true,
      get(this: { article: Entry }) {
        return coverUrl(this.article, config);
      },
    },
    portalMeta: {
      enumerable: true,
      get(this: { article: Entry }) {
        return articleMeta(config, this.article);
      },
    },
  };
  return (entry, around) => {
    const { category, breadcrumb } =
      sections.get(entry.category.slug) ?? section(entry.category.name, entry.category.slug, '/');
    const body = bodies.get(entry.file);
    return {
      ...addressOf(entry),
      template: 'article.njk',
      ...(body && { body }),
      bodyVersion: entry.version,
      // The page's title and description are the article's, which its listing counts already: hashing
      // 20,000 summaries again took a quarter of signing a large site.
      derived: DERIVED,
      context: Object.defineProperties(
        {
          page: { kind: 'article', title: entry.title, description: entry.summaryText },
          article: entry,
          category,
          tags: around.tags.map(([name, url]) => tagLink(name, url)),
          breadcrumb,
          previous: around.previous,
          next: around.next,
          related: around.related.map(linkOf),
        },
        madeWhenRead,
      ),
    };
  };
}

/** An article page's address, as its planned page has it and as a settled one is listed. */
const addressOf = (entry: Entry) => ({ url: entry.url, source: entry.file, lastmod: entry.date.iso });

/** The article page of `entry` when it is as the previous build made it (see SettledPage). */
export const settledPage = (entry: Entry): SettledPage => ({ ...addressOf(entry), settled: true });

/** Whether these surroundings show one of `files`: as 上一篇, 下一篇 or in related reading. */
export const surroundingsShow = (s: Surroundings, files: ReadonlySet<string>): boolean =>
  (s.previous !== undefined && files.has(s.previous)) ||
  (s.next !== undefined && files.has(s.next)) ||
  s.related.some((file) => files.has(file));

/**
 * Whether an article page made by articlePlanner shows one of these articles around it, as
 * surroundingsShow says of its surroundings: its neighbours by file, its related reading by address
 * (which is all a link there has).
 */
export function showsAround(page: Page, files: ReadonlySet<string>, urls: ReadonlySet<string>): boolean {
  const { previous, next, related } = page.context as Partial<Pick<Around, 'previous' | 'next'>> & {
    related?: readonly EntryLink[];
  };
  return (
    (previous !== undefined && files.has(previous.file)) ||
    (next !== undefined && files.has(next.file)) ||
    (related ?? []).some((link) => urls.has(link.url))
  );
}

import type { BodyRef } from '../bodies/body-ref.js';
import type { SiteConfig } from '../config/site-config.js';
import { listedView } from '../graph/listing.js';
import type { Entry, ListedEntry, SiteGraph } from '../graph/site-graph.js';
import { coverUrl, newsArticle } from '../structured-data/news-article.js';
import { categoryUrl } from '../urls/urls.js';
import { type EntryLink, entryLink } from './entry-link.js';
import type { Page } from './page.js';
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
  readonly previous?: ListedEntry;
  readonly next?: ListedEntry;
  readonly related: readonly ListedEntry[];
  readonly tags: ReadonlyArray<readonly [name: string, url: string]>;
}

/**
 * The surroundings of every article of the site, by file, or of those of `only`: what its page
 * shows and the build cache keeps. Made once per plan (planSite), which both the planner and the
 * cache read.
 */
export function surroundingsOf(
  graph: SiteGraph,
  only?: ReadonlySet<string>,
): ReadonlyMap<string, Surroundings> {
  // One pair per tag, shared by every article with the tag (not a pair of its own for each article).
  const tagPairs = new Map(graph.tags.map((t) => [t.name, [t.name, t.url] as const]));
  const all = new Map<string, Surroundings>();
  for (const entry of graph.entries) {
    if (only && !only.has(entry.file)) continue;
    const neighbours = graph.neighbours.get(entry.file);
    const tags: Array<readonly [string, string]> = [];
    for (const name of entry.tags) {
      const pair = tagPairs.get(name);
      if (pair !== undefined) tags.push(pair);
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

/** Whether two article pages show the same articles and tags around them. */
export function sameSurroundings(a: Surroundings, b: Surroundings): boolean {
  return (
    a.previous === b.previous &&
    a.next === b.next &&
    a.related.length === b.related.length &&
    a.related.every((file, i) => b.related[i] === file) &&
    a.tags.length === b.tags.length &&
    a.tags.every(([name, url], i) => b.tags[i]?.[0] === name && b.tags[i]?.[1] === url)
  );
}

/** Surroundings with the entries they name, found by `entryOf`. */
export function aroundFrom(s: Surroundings, entryOf: (file: string) => ListedEntry): Around {
  const around: {
    previous?: ListedEntry;
    next?: ListedEntry;
    related: readonly ListedEntry[];
    tags: Surroundings['tags'];
  } = {
    related: s.related.map(entryOf),
    tags: s.tags,
  };
  // As every page but their own shows them (listedView), whoever gave them.
  if (s.previous !== undefined) around.previous = listedView(entryOf(s.previous));
  if (s.next !== undefined) around.next = listedView(entryOf(s.next));
  return around;
}

/**
 * Makes article pages. Pages share what is the same for many of them (a category's crumbs, a tag's
 * link, an article's link in related reading): a page's signature then reads each once (see shared).
 */
export function articlePlanner(
  config: SiteConfig,
  bodies: ReadonlyMap<string, BodyRef>,
): (entry: Entry, around: Around | (() => Around)) => Page {
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
  const linkOf = (e: ListedEntry) => {
    let link = links.get(e.file);
    if (!link) {
      link = shared(entryLink(e));
      links.set(e.file, link);
    }
    return link;
  };
  // What is made from the article and the config alone, when read (for rendering, or by the copy
  // sent to a worker), not held for every page of the plan: 100,000 articles' JSON-LD took a large
  // part of a big build's memory. These are the page's `derived` keys, declared here once: each is
  // a getter of `this.article` and `config`, which the signature counts already (the article by its
  // listing and version, the config by its digest), so leaving them out of it loses nothing; hashing
  // 20,000 summaries again took a quarter of signing a large site. One set of getters for all pages,
  // added after the object is made: getters written in an object literal turn each page's data into
  // a dictionary (746 against 137 bytes).
  const madeWhenRead: PropertyDescriptorMap = {
    page: {
      enumerable: true,
      get(this: { article: Entry }) {
        return { kind: 'article', title: this.article.title, description: this.article.summaryText };
      },
    },
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
  const derived = Object.keys(madeWhenRead);
  const contextOf = (entry: Entry, around: Around) => {
    const { category, breadcrumb } =
      sections.get(entry.category.slug) ?? section(entry.category.name, entry.category.slug, '/');
    return Object.defineProperties(
      {
        article: entry,
        category,
        tags: around.tags.map(([name, url]) => tagLink(name, url)),
        breadcrumb,
        previous: around.previous,
        next: around.next,
        related: around.related.map(linkOf),
      },
      madeWhenRead,
    );
  };
  return (entry, around) => {
    const body = bodies.get(entry.file);
    if (typeof around === 'function')
      // Given as a function: made when first read (by a signer, a renderer, a copy for a worker).
      return new LaterPage(entry, body, derived, () => contextOf(entry, around()));
    return {
      url: entry.url,
      source: entry.file,
      lastmod: entry.date.iso,
      template: 'article.njk',
      ...(body && { body }),
      bodyVersion: entry.version,
      derived,
      context: contextOf(entry, around),
    };
  };
}

/**
 * An article page whose data is made when first read. Its `context` is an own, enumerable getter,
 * so that a copy for a worker thread (a structured clone) takes the data; one descriptor for all of
 * them, so that they share one shape: a getter of its own for each of a 20,000-article site's pages
 * made each page an object of its own kind, and took 110–280 ms against 7–40 ms.
 */
class LaterPage implements Page {
  readonly url: string;
  readonly source: string;
  readonly lastmod: string;
  readonly template = 'article.njk';
  declare readonly body?: BodyRef;
  readonly bodyVersion: string;
  readonly derived: readonly string[];
  declare readonly context: Page['context'];
  readonly #make: () => Page['context'];
  #made: Page['context'] | undefined;

  constructor(
    entry: Entry,
    body: BodyRef | undefined,
    derived: readonly string[],
    make: () => Page['context'],
  ) {
    this.url = entry.url;
    this.source = entry.file;
    this.lastmod = entry.date.iso;
    if (body) (this as { body?: BodyRef }).body = body;
    this.bodyVersion = entry.version;
    this.derived = derived;
    this.#make = make;
    Object.defineProperty(this, 'context', MADE_WHEN_READ);
  }

  madeContext(): Page['context'] {
    this.#made ??= this.#make();
    return this.#made;
  }
}

const MADE_WHEN_READ: PropertyDescriptor = {
  enumerable: true,
  get(this: LaterPage) {
    return this.madeContext();
  },
};

import type { BodyRef } from '../bodies/body-ref.js';
import type { SiteConfig } from '../config/site-config.js';
import type { Entry, ListPage, SiteGraph } from '../graph/site-graph.js';
import { NOT_FOUND_URL, SEARCH_BUNDLE_URL, SEARCH_URL, TAGS_URL } from '../graph/urls.js';
import { coverUrl, newsArticle } from '../structured-data/news-article.js';
import { archivePages } from './archive-pages.js';
import { entryLink } from './entry-link.js';
import { lastmodOf } from './lastmod.js';
import type { Page } from './page.js';
import { type Crumb, numberedTitle, pagination } from './pagination.js';
import { shared } from './shared.js';
import { siteMapPage } from './site-map-page.js';

export interface PlanOptions {
  /** Whether the build writes a search index: the search page uses it, or says search is unavailable. */
  readonly search?: boolean;
  /** Where each article's body is, by file: its page reads it when rendered. */
  readonly bodies?: ReadonlyMap<string, BodyRef>;
}

/** Lists every page of the site with the data its template needs. Pure; nothing is rendered here. */
export function planPages(graph: SiteGraph, config: SiteConfig, options: PlanOptions = {}): Page[] {
  return [
    homePage(graph, config),
    ...articlePages(graph, config, options.bodies ?? new Map()),
    ...categoryPages(graph),
    ...tagPages(graph),
    tagIndexPage(graph),
    ...archivePages(graph),
    siteMapPage(graph),
    searchPage(options.search ?? false),
    notFoundPage(),
  ];
}

function homePage(graph: SiteGraph, config: SiteConfig): Page {
  const shown = graph.categories.flatMap((s) => s.entries.slice(0, config.homePerCategory));
  return {
    url: '/',
    template: 'home.njk',
    ...lastmodOf(graph.headline ? [graph.headline, ...shown] : shown),
    context: {
      page: { kind: 'home', title: config.title, description: config.description },
      headline: graph.headline,
      sections: graph.categories.map((s) => ({
        category: s.category,
        url: s.url,
        entries: s.entries.slice(0, config.homePerCategory),
        more: s.entries.length > config.homePerCategory,
      })),
    },
  };
}

/**
 * The article pages of `files` alone, exactly as planPages makes them: for a rebuild after only the
 * text of these articles changed, when no other page can have (see planTextEdits).
 */
export function planArticlePages(
  graph: SiteGraph,
  config: SiteConfig,
  files: ReadonlySet<string>,
  options: PlanOptions = {},
): Page[] {
  return articlePages(graph, config, options.bodies ?? new Map(), files);
}

function articlePages(
  graph: SiteGraph,
  config: SiteConfig,
  bodies: ReadonlyMap<string, BodyRef>,
  only?: ReadonlySet<string>,
): Page[] {
  // Pages share what is the same for many of them (a category's crumbs, a tag's link, an article's
  // link in related reading): a page's signature then reads each once (see shared).
  const section = (name: string, slug: string, url: string) => ({
    category: shared({ name, slug, url }),
    breadcrumb: shared<Crumb[]>([{ title: '首页', url: '/' }, { title: name, url }, { title: '正文' }]),
  });
  const sections = new Map(
    graph.categories.map((s) => [s.category.slug, section(s.category.name, s.category.slug, s.url)]),
  );
  const tagLinks = new Map(graph.tags.map(({ name, url }) => [name, shared({ name, url })]));
  const links = new Map<string, ReturnType<typeof entryLink>>();
  const linkOf = (e: Entry) => {
    const known = links.get(e.file);
    if (known) return known;
    const link = shared(entryLink(e));
    links.set(e.file, link);
    return link;
  };
  const shown = only ? graph.entries.filter((e) => only.has(e.file)) : graph.entries;
  return shown.map((entry) => {
    const neighbours = graph.neighbours.get(entry.file) ?? {};
    const { category, breadcrumb } =
      sections.get(entry.category.slug) ?? section(entry.category.name, entry.category.slug, '/');
    const body = bodies.get(entry.file);
    return {
      url: entry.url,
      template: 'article.njk',
      source: entry.file,
      ...(body && { body }),
      bodyVersion: entry.version,
      lastmod: entry.date.iso,
      derived: ['structuredData', 'cover'],
      context: {
        page: { kind: 'article', title: entry.title, description: entry.summaryText },
        article: entry,
        category,
        tags: entry.tags.map((name) => tagLinks.get(name)).filter((t) => t !== undefined),
        breadcrumb,
        previous: neighbours.previous,
        next: neighbours.next,
        related: (graph.related.get(entry.file) ?? []).map(linkOf),
        // Made when read (for rendering, or by the copy sent to a worker), not held for every page of
        // the plan: 100,000 articles' JSON-LD took a large part of a big build's memory.
        get structuredData() {
          return newsArticle(entry, config);
        },
        get cover() {
          return coverUrl(entry, config);
        },
      },
    };
  });
}

function listPages(
  kind: 'category' | 'tag',
  title: string,
  url: string,
  pages: readonly ListPage[],
  crumbs: Crumb[],
): Page[] {
  return pages.map((list) => ({
    url: list.url,
    template: `${kind}.njk`,
    ...lastmodOf(list.entries),
    context: {
      page: {
        kind,
        title: numberedTitle(title, list.number),
        description: `${title}：共${pages.length}页`,
      },
      section: { title, url },
      list,
      pagination: pagination(pages, list.number),
      breadcrumb: [{ title: '首页', url: '/' }, ...crumbs, { title, ...(list.number > 1 && { url }) }],
    },
  }));
}

function categoryPages(graph: SiteGraph): Page[] {
  return graph.categories.flatMap((s) => listPages('category', s.category.name, s.url, s.pages, []));
}

function tagPages(graph: SiteGraph): Page[] {
  return graph.tags.flatMap((t) =>
    listPages('tag', t.name, t.url, t.pages, [{ title: '标签', url: TAGS_URL }]),
  );
}

function tagIndexPage(graph: SiteGraph): Page {
  return {
    url: TAGS_URL,
    template: 'tags.njk',
    ...lastmodOf(graph.tags.flatMap((t) => t.entries)),
    context: {
      page: { kind: 'tags', title: '全部标签', description: '按标签浏览全部文章' },
      tags: [...graph.tags]
        .sort((a, b) => b.entries.length - a.entries.length || (a.slug < b.slug ? -1 : 1))
        .map((t) => ({ name: t.name, url: t.url, count: t.entries.length })),
      breadcrumb: [{ title: '首页', url: '/' }, { title: '标签' }],
    },
  };
}

function searchPage(enabled: boolean): Page {
  return {
    url: SEARCH_URL,
    template: 'search.njk',
    context: {
      page: { kind: 'search', title: '站内搜索', description: '搜索本站全部文章' },
      search: { enabled, bundleUrl: SEARCH_BUNDLE_URL },
      breadcrumb: [{ title: '首页', url: '/' }, { title: '站内搜索' }],
    },
  };
}

function notFoundPage(): Page {
  return {
    url: NOT_FOUND_URL,
    template: '404.njk',
    context: { page: { kind: '404', title: '页面未找到', description: '您访问的页面不存在' } },
  };
}

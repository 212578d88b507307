import type { BodyRef } from '../bodies/body-ref.js';
import type { SiteConfig } from '../config/site-config.js';
import type { Entry, ListedEntry, ListPage, SiteGraph } from '../graph/site-graph.js';
import { CONTACT_URL, NOT_FOUND_URL, SEARCH_BUNDLE_URL, SEARCH_URL, TAGS_URL } from '../urls/urls.js';
import { archivePages } from './archive-pages.js';
import { aroundFrom, articlePlanner, type Surroundings, surroundingsOf } from './article-page.js';
import { lastmodOf } from './lastmod.js';
import type { Page } from './page.js';
import { type Crumb, numberedTitle, pagination } from './pagination.js';
import { pictureNews } from './picture-news.js';
import { categoryMeta, homeDescription, homeMeta, type MetaTag } from './portal-meta.js';
import { shared } from './shared.js';
import { siteMapPage } from './site-map-page.js';

export interface PlanOptions {
  /** Whether the build writes a search index: the search page uses it, or says search is unavailable. */
  readonly search?: boolean;
  /** Where each article's body is, by file: its page reads it when rendered. */
  readonly bodies?: ReadonlyMap<string, BodyRef>;
  /**
   * What each article's page shows around it (surroundingsOf the graph), if the caller made it
   * already; asked of a page of `later` only when its data is read.
   */
  readonly around?: Pick<ReadonlyMap<string, Surroundings>, 'get'>;
  /**
   * Each published article whole, by file, for its own page; the graph holds what other pages show
   * of them (listedView). Default: the graph's, for a graph built from whole entries.
   */
  readonly own?: (file: string) => Entry;
  /** Articles (by file) whose pages' data is made only when read: those likely not rendered. */
  readonly later?: ReadonlySet<string>;
}

/** Lists every page of the site with the data its template needs. Pure; nothing is rendered here. */
export function planPages(graph: SiteGraph, config: SiteConfig, options: PlanOptions = {}): Page[] {
  return [
    homePage(graph, config),
    ...articlePages(graph, config, options),
    ...categoryPages(graph, config),
    ...tagPages(graph),
    tagIndexPage(graph),
    ...archivePages(graph),
    siteMapPage(graph),
    searchPage(options.search ?? false),
    ...contactPage(config),
    notFoundPage(),
  ];
}

function homePage(graph: SiteGraph, config: SiteConfig): Page {
  const shown = graph.categories.flatMap((s) => s.entries.slice(0, config.homePerCategory));
  const pictures = pictureNews(graph.entries);
  return {
    url: '/',
    template: 'home.njk',
    ...lastmodOf([...(graph.headline ? [graph.headline] : []), ...pictures, ...shown]),
    context: {
      page: { kind: 'home', title: config.title, description: homeDescription(config) },
      portalMeta: homeMeta(config),
      headline: graph.headline,
      pictures,
      sections: graph.categories.map((s) => ({
        category: s.category,
        url: s.url,
        entries: s.entries.slice(0, config.homePerCategory),
        more: s.entries.length > config.homePerCategory,
      })),
    },
  };
}

function articlePages(graph: SiteGraph, config: SiteConfig, options: PlanOptions): Page[] {
  const plan = articlePlanner(config, options.bodies ?? new Map());
  const around = options.around ?? surroundingsOf(graph);
  const byFile = new Map(graph.entries.map((e) => [e.file, e]));
  const shown = (file: string) => byFile.get(file) as ListedEntry;
  const own = options.own ?? (shown as (file: string) => Entry);
  return graph.entries.map((entry) => {
    const made = () => aroundFrom(around.get(entry.file) as Surroundings, shown);
    return plan(own(entry.file), options.later?.has(entry.file) ? made : made());
  });
}

function listPages(
  kind: 'category' | 'tag',
  title: string,
  url: string,
  pages: readonly ListPage[],
  crumbs: Crumb[],
  portalMeta?: readonly MetaTag[],
  disclosure?: boolean,
): Page[] {
  return pages.map((list) => listPage(kind, title, url, pages, crumbs, list, portalMeta, disclosure));
}

function listPage(
  kind: 'category' | 'tag',
  title: string,
  url: string,
  pages: readonly ListPage[],
  crumbs: Crumb[],
  list: ListPage,
  portalMeta?: readonly MetaTag[],
  disclosure?: boolean,
): Page {
  return {
    url: list.url,
    list: url,
    template: `${kind}.njk`,
    ...lastmodOf(list.entries),
    context: {
      page: {
        kind,
        title: numberedTitle(title, list.number),
        description: `${title}：共${pages.length}页`,
      },
      // disclosure: a 信息公开 category, listed as a table of 索引号, 文号 and 成文日期.
      section: { title, url, ...(disclosure && { disclosure }) },
      list,
      pagination: pagination(pages, list.number),
      breadcrumb: [{ title: '首页', url: '/' }, ...crumbs, { title, ...(list.number > 1 && { url }) }],
      ...(portalMeta && { portalMeta }),
    },
  };
}

function categoryPages(graph: SiteGraph, config: SiteConfig): Page[] {
  return graph.categories.flatMap((s) =>
    listPages(
      'category',
      s.category.name,
      s.url,
      s.pages,
      [],
      shared(categoryMeta(config, s.category)),
      config.disclosure?.required.includes(s.category.slug),
    ),
  );
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
    // Each tag's newest article: its list is newest first (50,000 entries at 20,000 articles).
    ...lastmodOf(graph.tags.flatMap((t) => t.entries.slice(0, 1))),
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

/** 联系我们: a government site's offices and how to reach them; only when site.yaml gives gov.contact. */
function contactPage(config: SiteConfig): Page[] {
  const gov = config.gov;
  if (!gov?.contact) return [];
  return [
    {
      url: CONTACT_URL,
      template: 'contact.njk',
      context: {
        page: { kind: 'contact', title: '联系我们', description: `${config.title}的联系方式` },
        gov,
        breadcrumb: [{ title: '首页', url: '/' }, { title: '联系我们' }],
      },
    },
  ];
}

function notFoundPage(): Page {
  return {
    url: NOT_FOUND_URL,
    template: '404.njk',
    context: { page: { kind: '404', title: '页面未找到', description: '您访问的页面不存在' } },
  };
}

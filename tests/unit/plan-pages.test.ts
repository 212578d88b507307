import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/graph/build-graph.js';
import { findCollisions } from '../../src/graph/collisions.js';
import type { Page } from '../../src/pages/page.js';
import { pagination } from '../../src/pages/pagination.js';
import { planPages } from '../../src/pages/plan-pages.js';
import { outputPathOf } from '../../src/urls/urls.js';
import { entry, siteConfig, YAOWEN } from './fixtures.js';

const config = siteConfig({ pageSize: 2, homePerCategory: 2 });
const x1 = entry('content/xuexi/x1.md', '2022-03-01 09:00', { tags: ['就业'] });
const x2 = entry('content/xuexi/x2.md', '2022-03-02 09:00', { tags: ['就业', '人才'] });
const x3 = entry('content/xuexi/x3.md', '2022-03-03 09:00');
const y1 = entry('content/yaowen/y1.md', '2022-03-04 09:00', { category: YAOWEN, tags: ['人才'] });
const graph = buildGraph([x1, x2, x3, y1], config);
const pages = planPages(graph, config);

const page = (url: string): Page => {
  const found = pages.find((p) => p.url === url);
  if (!found) throw new Error(`no page ${url}; pages: ${pages.map((p) => p.url).join(' ')}`);
  return found;
};
const ctx = (url: string) => page(url).context as Record<string, unknown>;

describe('planPages', () => {
  it('plans home, articles, category pages, tag pages, the tag index, the archive, the site map, search and 404, in that order', () => {
    // 1 home + 4 articles + (2 xuexi + 1 yaowen) + (人才 1 + 就业 1) + tag index
    // + archive (index, 2022, 2 pages of 2022-03) + site map + search + 404
    expect(pages).toHaveLength(1 + 4 + 3 + 2 + 1 + 4 + 1 + 1 + 1);
    expect(pages.map((p) => [p.url, p.template])).toEqual([
      ['/', 'home.njk'],
      ['/yaowen/2022/03/y1/', 'article.njk'],
      ['/xuexi/2022/03/x3/', 'article.njk'],
      ['/xuexi/2022/03/x2/', 'article.njk'],
      ['/xuexi/2022/03/x1/', 'article.njk'],
      ['/xuexi/', 'category.njk'],
      ['/xuexi/page/2/', 'category.njk'],
      ['/yaowen/', 'category.njk'],
      ['/tags/ren-cai/', 'tag.njk'],
      ['/tags/jiu-ye/', 'tag.njk'],
      ['/tags/', 'tags.njk'],
      ['/archive/', 'archive.njk'],
      ['/archive/2022/', 'archive-year.njk'],
      ['/archive/2022/03/', 'archive-month.njk'],
      ['/archive/2022/03/page/2/', 'archive-month.njk'],
      ['/sitemap/', 'sitemap.njk'],
      ['/search/', 'search.njk'],
      ['/404.html', '404.njk'],
    ]);
  });

  it('tells the search page whether the build writes a search index', () => {
    expect(ctx('/search/').search).toEqual({ enabled: false, bundleUrl: '/pagefind/' });
    const withSearch = planPages(buildGraph([], config), config, { search: true });
    expect(withSearch.find((p) => p.url === '/search/')?.context).toMatchObject({
      page: { kind: 'search', title: '站内搜索' },
      search: { enabled: true, bundleUrl: '/pagefind/' },
      breadcrumb: [{ title: '首页', url: '/' }, { title: '站内搜索' }],
    });
  });

  it('gives every page its own output file', () => {
    expect(findCollisions(pages.map((p) => ({ path: outputPathOf(p.url), owner: p.url })))).toEqual([]);
  });

  it('gives an article page the breadcrumb 首页 > 学习 > 正文', () => {
    expect(ctx('/xuexi/2022/03/x2/').breadcrumb).toEqual([
      { title: '首页', url: '/' },
      { title: '学习', url: '/xuexi/' },
      { title: '正文' },
    ]);
  });

  it('gives an article page its source, category, tags and neighbours', () => {
    const p = page('/xuexi/2022/03/x2/');
    expect(p.source).toBe('content/xuexi/x2.md');
    const c = p.context as Record<string, { file?: string } & Record<string, unknown>>;
    expect(c.page).toEqual({ kind: 'article', title: '标题 x2', description: '正文。' });
    expect(c.category).toEqual({ name: '学习', slug: 'xuexi', url: '/xuexi/' });
    expect(c.tags).toEqual([
      { name: '就业', url: '/tags/jiu-ye/' },
      { name: '人才', url: '/tags/ren-cai/' },
    ]);
    expect(c.article?.file).toBe('content/xuexi/x2.md');
    expect(c.previous?.file).toBe('content/xuexi/x1.md');
    expect(c.next?.file).toBe('content/xuexi/x3.md');
  });

  it('plans the home page with the headline and at most homePerCategory entries per category', () => {
    const c = ctx('/') as {
      page: unknown;
      headline?: { file: string };
      sections: Array<{ url: string; entries: Array<{ file: string }>; more: boolean }>;
    };
    expect(c.page).toEqual({ kind: 'home', title: '金华新闻网', description: '金华市新闻门户' });
    expect(c.headline?.file).toBe('content/yaowen/y1.md');
    expect(c.sections.map((s) => [s.url, s.entries.map((e) => e.file), s.more])).toEqual([
      ['/xuexi/', ['content/xuexi/x3.md', 'content/xuexi/x2.md'], true],
      ['/yaowen/', ['content/yaowen/y1.md'], false],
    ]);
  });

  it('plans numbered category pages with breadcrumb and pagination', () => {
    const first = ctx('/xuexi/');
    expect(first.page).toEqual({ kind: 'category', title: '学习', description: '学习：共2页' });
    expect(first.breadcrumb).toEqual([{ title: '首页', url: '/' }, { title: '学习' }]);
    expect(first.pagination).toEqual({
      current: 1,
      total: 2,
      previousUrl: undefined,
      nextUrl: '/xuexi/page/2/',
      pages: [
        { number: 1, url: '/xuexi/' },
        { number: 2, url: '/xuexi/page/2/' },
      ],
    });
    const second = ctx('/xuexi/page/2/');
    expect(second.page).toEqual({ kind: 'category', title: '学习（第2页）', description: '学习：共2页' });
    expect(second.breadcrumb).toEqual([
      { title: '首页', url: '/' },
      { title: '学习', url: '/xuexi/' },
    ]);
    expect(second.pagination).toMatchObject({ current: 2, previousUrl: '/xuexi/', nextUrl: undefined });
  });

  it('names the first, the last and two pages each side of the current one in a long list', () => {
    const pages = Array.from({ length: 167 }, (_, i) => ({
      number: i + 1,
      url: i === 0 ? '/xuexi/' : `/xuexi/page/${i + 1}/`,
      entries: [],
    }));
    const shown = (current: number) =>
      pagination(pages, current).pages.map((p) => ('gap' in p ? '…' : p.number));
    expect(shown(1)).toEqual([1, 2, 3, '…', 167]);
    expect(shown(4)).toEqual([1, 2, 3, 4, 5, 6, '…', 167]);
    expect(shown(50)).toEqual([1, '…', 48, 49, 50, 51, 52, '…', 167]);
    expect(shown(167)).toEqual([1, '…', 165, 166, 167]);
    expect(pagination(pages, 50).pages[2]).toEqual({ number: 48, url: '/xuexi/page/48/' });
    expect(pagination(pages.slice(0, 5), 3).pages).toHaveLength(5);
  });

  it('puts 标签 in a tag page breadcrumb', () => {
    expect(ctx('/tags/jiu-ye/').breadcrumb).toEqual([
      { title: '首页', url: '/' },
      { title: '标签', url: '/tags/' },
      { title: '就业' },
    ]);
  });

  it('lists tags on the index by count, then slug', () => {
    const more = buildGraph(
      [x1, x2, x3, y1, entry('content/xuexi/x4.md', '2022-03-05', { tags: ['人才'] })],
      config,
    );
    const index = planPages(more, config).find((p) => p.url === '/tags/');
    expect(index?.context.tags).toEqual([
      { name: '人才', url: '/tags/ren-cai/', count: 3 },
      { name: '就业', url: '/tags/jiu-ye/', count: 2 },
    ]);
    expect(ctx('/tags/').tags).toEqual([
      { name: '就业', url: '/tags/jiu-ye/', count: 2 },
      { name: '人才', url: '/tags/ren-cai/', count: 2 },
    ]);
  });

  it('plans an empty site as home, one page per category, the tag index, the archive, the site map, search and 404', () => {
    const empty = planPages(buildGraph([], config), config);
    expect(empty.map((p) => p.url)).toEqual([
      '/',
      '/xuexi/',
      '/yaowen/',
      '/tags/',
      '/archive/',
      '/sitemap/',
      '/search/',
      '/404.html',
    ]);
    // Pages that show no article have no date for sitemap.xml.
    expect(empty.map((p) => p.lastmod)).toEqual(Array(8).fill(undefined));
  });
});

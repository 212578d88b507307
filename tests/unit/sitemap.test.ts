import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/graph/build-graph.js';
import { newestDate } from '../../src/pages/lastmod.js';
import type { Page } from '../../src/pages/page.js';
import { planPages } from '../../src/pages/plan-pages.js';
import { planGeneratedFiles } from '../../src/syndication/plan-files.js';
import { robotsTxt } from '../../src/syndication/robots.js';
import { planSitemap } from '../../src/syndication/sitemap.js';
import { absoluteUrl } from '../../src/urls/urls.js';
import { parseXml } from '../helpers/xml.js';
import { entry, siteConfig, XUEXI, YAOWEN } from './fixtures.js';

const KONG = { name: '空', slug: 'kong' };
const config = siteConfig({ pageSize: 2, homePerCategory: 1, categories: [XUEXI, YAOWEN, KONG] });
const x1 = entry('content/xuexi/x1.md', '2022-03-01 09:00', { tags: ['就业'] });
const x2 = entry('content/xuexi/x2.md', '2022-03-02 09:00');
const x3 = entry('content/xuexi/x3.md', '2022-03-03 09:00');
const y1 = entry('content/yaowen/y1.md', '2022-03-04 09:00', { category: YAOWEN, tags: ['就业'] });
// 07:00 on 4 March in site time: shown, and dated, in the site's offset.
const y2 = entry('content/yaowen/y2.md', '2022-03-03T23:00:00Z', { category: YAOWEN });
const graph = buildGraph([x1, x2, x3, y1, y2], config);
const pages = planPages(graph, config);
const lastmod = (url: string) => pages.find((p) => p.url === url)?.lastmod;

describe('lastmod: the newest date of what a page shows', () => {
  it('is the date of the article for an article page', () => {
    expect(lastmod('/xuexi/2022/03/x1/')).toBe('2022-03-01T09:00:00+08:00');
  });

  it('is the newest entry on that page of a list, not of the whole list', () => {
    expect(lastmod('/xuexi/')).toBe('2022-03-03T09:00:00+08:00');
    expect(lastmod('/xuexi/page/2/')).toBe('2022-03-01T09:00:00+08:00');
    expect(lastmod('/tags/jiu-ye/')).toBe('2022-03-04T09:00:00+08:00');
  });

  it('is the newest shown anywhere on the home page, tag index, archive and site map', () => {
    expect(newestDate([y2, y1])).toBe('2022-03-04T09:00:00+08:00');
    expect(lastmod('/yaowen/2022/03/y2/')).toBe('2022-03-04T07:00:00+08:00');
    expect(lastmod('/')).toBe('2022-03-04T09:00:00+08:00');
    expect(lastmod('/tags/')).toBe('2022-03-04T09:00:00+08:00');
    expect(lastmod('/archive/')).toBe('2022-03-04T09:00:00+08:00');
    expect(lastmod('/archive/2022/03/page/2/')).toBe('2022-03-03T09:00:00+08:00');
    expect(lastmod('/sitemap/')).toBe('2022-03-04T09:00:00+08:00');
  });

  it('is absent for a page that shows no article', () => {
    expect(lastmod('/kong/')).toBeUndefined();
    expect(newestDate([])).toBeUndefined();
  });
});

describe('sitemap.xml', () => {
  it('lists every page but 404 and search at its absolute address, with lastmod where there is one', () => {
    const sub = siteConfig({ baseUrl: 'https://a.cn/news/', basePath: '/news/' });
    const [file, ...rest] = planSitemap(pages, sub);
    expect(rest).toEqual([]);
    expect(file?.path).toBe('sitemap.xml');
    const doc = parseXml(file?.data ?? '') as {
      urlset: { '@_xmlns': string; url: Array<{ loc: string; lastmod?: string }> };
    };
    expect(doc.urlset['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    const urls = doc.urlset.url;
    expect(urls.map((u) => u.loc)).toEqual(
      pages
        .filter((p) => p.url !== '/404.html' && p.url !== '/search/')
        .map((p) => `https://a.cn/news${p.url}`),
    );
    expect(urls.find((u) => u.loc === 'https://a.cn/news/xuexi/2022/03/x2/')?.lastmod).toBe(
      '2022-03-02T09:00:00+08:00',
    );
    expect(urls.find((u) => u.loc === 'https://a.cn/news/kong/')).toEqual({ loc: 'https://a.cn/news/kong/' });
  });

  it('escapes addresses for XML', () => {
    const odd: Page[] = [{ url: "/a&b'<c>/", template: 'x.njk', context: {} }];
    const data = planSitemap(odd, config)[0]?.data ?? '';
    expect(data).toContain('<loc>https://news.jinhua.example.cn/a&amp;b&apos;%3Cc%3E/</loc>');
    expect(parseXml(data)).toBeTruthy();
  });

  it('splits a site of more pages than the limit into numbered files under a sitemap index', () => {
    const files = planSitemap(pages, config, 5);
    const count = pages.filter((p) => p.url !== '/404.html' && p.url !== '/search/').length;
    expect(files.map((f) => f.path)).toEqual([
      'sitemap.xml',
      ...Array.from({ length: Math.ceil(count / 5) }, (_, i) => `sitemap-${i + 1}.xml`),
    ]);
    const index = parseXml(files[0]?.data ?? '') as {
      sitemapindex: { sitemap: Array<{ loc: string; lastmod?: string }> };
    };
    expect(index.sitemapindex.sitemap[0]).toEqual({
      loc: 'https://news.jinhua.example.cn/sitemap-1.xml',
      lastmod: '2022-03-04T09:00:00+08:00',
    });
    const listed = files
      .slice(1)
      .flatMap((f) => (parseXml(f.data) as { urlset: { url: Array<{ loc: string }> } }).urlset.url);
    expect(listed).toHaveLength(count);
  });
});

describe('absoluteUrl', () => {
  it('gives what URL gives, plain paths or not', () => {
    const base = 'https://a.cn/news/';
    for (const p of [
      '/',
      '/xuexi/',
      '/xuexi/2022/03/a-b_c.d/',
      '/a.html',
      '/标签/',
      '/a b/',
      '/../x/',
      '/./x/',
      '//x/',
      '/a?b',
    ]) {
      expect([p, absoluteUrl(p, base)]).toEqual([p, new URL(p.replace(/^\/+/, ''), base).href]);
    }
    expect(absoluteUrl('/标签/', base)).toBe('https://a.cn/news/%E6%A0%87%E7%AD%BE/');
  });
});

describe('robots.txt', () => {
  it('allows everything and points at sitemap.xml under baseUrl', () => {
    expect(robotsTxt(siteConfig({ baseUrl: 'https://a.cn/news/' }))).toBe(
      'User-agent: *\nDisallow:\n\nSitemap: https://a.cn/news/sitemap.xml\n',
    );
  });

  it("gives way to the site's own public/robots.txt", () => {
    const paths = (statics: string[]) =>
      planGeneratedFiles(graph, pages, config, new Set(statics)).map((f) => f.path);
    expect(paths([])).toContain('robots.txt');
    expect(paths(['robots.txt'])).not.toContain('robots.txt');
    expect(paths(['robots.txt'])).toEqual(
      expect.arrayContaining(['feed.xml', 'atom.xml', 'xuexi/feed.xml', 'kong/atom.xml', 'sitemap.xml']),
    );
  });
});

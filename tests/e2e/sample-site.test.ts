import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brokenLinks, htmlFiles } from '../helpers/links.js';
import { REPO, readPage, runCli } from '../helpers/site.js';
import { parseXml, type RssItem } from '../helpers/xml.js';

// The repo's own sample site, built the way `npm run build` does, into a temp folder. Without the
// repository's build cache: one left by an older gazette is noted on stderr, which must stay empty.
const out = mkdtempSync(path.join(os.tmpdir(), 'gazette-sample-'));
const JINHUA = 'xuexi/2022/03/jinhua-yonggong/index.html';

beforeAll(async () => {
  const run = await runCli(['build', '--root', REPO, '--out', out, '--no-cache']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

const text = (html: string, selector: string) =>
  parse(html).querySelector(selector)?.textContent.replace(/\s+/g, ' ').trim();

describe('the Jinhua article page', () => {
  const html = () => readPage(out, JINHUA);

  it('shows the breadcrumb 您当前的位置：首页 > 学习 > 正文 with 首页 and 学习 as links', () => {
    expect(text(html(), '.breadcrumb')).toBe('您当前的位置：首页 > 学习 > 正文');
    const links = parse(html())
      .querySelectorAll('.breadcrumb a')
      .map((a) => [a.textContent, a.getAttribute('href')]);
    expect(links).toEqual([
      ['首页', '/'],
      ['学习', '/xuexi/'],
    ]);
  });

  it('shows the title, the date-time as written and the source', () => {
    expect(text(html(), 'h1')).toBe('赢取“开门红”，冲刺“全年红”！金华全力保障用工先行');
    expect(text(html(), '.meta-line')).toBe('2022-03-01 16:59:26 来源：金华市人民政府');
    expect(parse(html()).querySelector('.meta-line time')?.getAttribute('datetime')).toBe(
      '2022-03-01T16:59:26+08:00',
    );
  });

  it('renders the body with its three section headings and CJK-friendly bold', () => {
    const headings = parse(html())
      .querySelectorAll('.article-body h2')
      .map((h) => h.textContent);
    expect(headings).toEqual(['保障用工谋划早', '优化服务方向准', '项目建设推动实']);
    expect(html()).toContain('<strong>“开门红”</strong>，');
    expect(html()).toContain('<strong>3351790人</strong>——这是截至2月20日省外劳动力返金数量。');
    expect(html()).not.toContain('**');
  });

  it('has lang, title, description, footer and 上一篇/下一篇 within 学习', () => {
    const doc = parse(html());
    expect(doc.querySelector('html')?.getAttribute('lang')).toBe('zh-CN');
    expect(doc.querySelector('title')?.textContent).toBe(
      '赢取“开门红”，冲刺“全年红”！金华全力保障用工先行 - 金华新闻网',
    );
    // An article's description is written with the 指引's spelling, Description (HTML ignores case).
    expect(doc.querySelector('meta[name=Description]')?.getAttribute('content')).toMatch(
      /^企业内，430多名员工各就各位.*。$/,
    );
    expect(text(html(), '.copyright')).toContain('版权所有 © 金华市人民政府');
    expect(text(html(), '.neighbour-prev')).toBe('上一篇：建设“技能金华” 今年计划开展职业技能培训10万人次');
    expect(doc.querySelector('.neighbour-prev a')?.getAttribute('href')).toBe(
      '/xuexi/2022/02/jineng-jinhua/',
    );
    expect(text(html(), '.neighbour-next')).toBe('下一篇：没有了');
  });
});

describe('the Jinhua article for search engines and readers', () => {
  const html = () => readPage(out, JINHUA);

  it('has NewsArticle JSON-LD with the date in site time and the site as publisher', () => {
    const script = parse(html()).querySelector('script[type="application/ld+json"]');
    const data = JSON.parse(script?.textContent ?? '');
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: '赢取“开门红”，冲刺“全年红”！金华全力保障用工先行',
      datePublished: '2022-03-01T16:59:26+08:00',
      author: { '@type': 'Organization', name: '金华市人民政府' },
      publisher: { '@type': 'Organization', name: '金华新闻网' },
      mainEntityOfPage: { '@id': 'https://news.jinhua.example.cn/xuexi/2022/03/jinhua-yonggong/' },
    });
  });

  it('lists up to five related articles, never itself', () => {
    const links = parse(html())
      .querySelectorAll('.related a')
      .map((a) => a.getAttribute('href'));
    expect(links).toHaveLength(5);
    expect(links).not.toContain('/xuexi/2022/03/jinhua-yonggong/');
    expect(text(html(), '.related h2')).toBe('相关阅读');
    // Eight articles share one of its tags (就业, 开门红, 项目建设): the one that shares two, then the
    // one of its own category, then the newest; the other three are left out.
    expect(links).toEqual([
      '/yaowen/2022/03/zhongda-xiangmu/',
      '/xuexi/2022/02/jineng-jinhua/',
      '/jingji/2022/03/zhizao-zhengce/',
      '/minsheng/2022/03/laojiu-xiaoqu/',
      '/jingji/2022/02/yiwu-export/',
    ]);
  });

  it('is in the feeds with its RFC 822 date in +0800, and in sitemap.xml', () => {
    const rss = parseXml(readPage(out, 'xuexi/feed.xml')) as {
      rss: { channel: { item: Array<{ link: string; pubDate: string }> } };
    };
    expect(rss.rss.channel.item).toContainEqual(
      expect.objectContaining({
        link: 'https://news.jinhua.example.cn/xuexi/2022/03/jinhua-yonggong/',
        pubDate: 'Tue, 01 Mar 2022 16:59:26 +0800',
      }),
    );
    expect(readPage(out, 'sitemap.xml')).toContain(
      '<url><loc>https://news.jinhua.example.cn/xuexi/2022/03/jinhua-yonggong/</loc><lastmod>2022-03-01T16:59:26+08:00</lastmod></url>',
    );
  });
});

describe('the feeds and sitemap.xml of the sample site validate', () => {
  const BASE = 'https://news.jinhua.example.cn/';
  const CATEGORIES = ['yaowen', 'xuexi', 'jingji', 'minsheng', 'yuyan', 'zhishi'];
  const RFC822_PLUS8 =
    /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} \+0800$/;
  const ISO_PLUS8 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/;
  /** The built page an absolute address of the site stands for. */
  const pageExists = (url: string) =>
    url.startsWith(BASE) && existsSync(path.join(out, url.slice(BASE.length), 'index.html'));

  it.each(['', ...CATEGORIES.map((c) => `${c}/`)])('RSS 2.0 at /%sfeed.xml', (folder) => {
    const { rss } = parseXml(readPage(out, `${folder}feed.xml`)) as {
      rss: {
        '@_version': string;
        channel: Record<string, string> & {
          'atom:link': { '@_href': string; '@_rel': string };
          item?: RssItem[];
        };
      };
    };
    expect(rss['@_version']).toBe('2.0');
    const c = rss.channel;
    expect(c.title).toMatch(/金华新闻网$/);
    expect(c.link).toBe(BASE + folder);
    expect(c.description).not.toBe('');
    expect(c.language).toBe('zh-CN');
    expect(c.lastBuildDate).toMatch(RFC822_PLUS8);
    expect(c['atom:link']).toMatchObject({ '@_href': `${BASE}${folder}feed.xml`, '@_rel': 'self' });
    expect(c.item?.length).toBeGreaterThan(0);
    for (const item of c.item ?? []) {
      expect(item.title).not.toBe('');
      expect(pageExists(item.link), item.link).toBe(true);
      expect(item.guid['#text']).toBe(item.link);
      expect(item.pubDate).toMatch(RFC822_PLUS8);
      expect(item.description.length).toBeGreaterThan(10);
    }
  });

  it.each(['', ...CATEGORIES.map((c) => `${c}/`)])('Atom at /%satom.xml', (folder) => {
    const { feed } = parseXml(readPage(out, `${folder}atom.xml`)) as {
      feed: Record<string, unknown> & {
        '@_xmlns': string;
        id: string;
        title: string;
        updated: string;
        author: { name: string };
        link: Array<{ '@_rel': string; '@_href': string }>;
        entry?: Array<{
          id: string;
          title: { '#text': string };
          updated: string;
          link: Array<{ '@_href': string }>;
          summary: { '#text': string };
        }>;
      };
    };
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.id).toBe(BASE + folder);
    expect(feed.title).toMatch(/金华新闻网$/);
    expect(feed.updated).toMatch(ISO_PLUS8);
    // Required of a feed whose entries name no author of their own.
    expect(feed.author.name).toBe('金华新闻网');
    expect(feed.link).toContainEqual({ '@_rel': 'self', '@_href': `${BASE}${folder}atom.xml` });
    expect(feed.entry?.length).toBeGreaterThan(0);
    for (const entry of feed.entry ?? []) {
      expect(pageExists(entry.id), entry.id).toBe(true);
      expect(entry.title['#text']).not.toBe('');
      expect(entry.updated).toMatch(ISO_PLUS8);
      expect(entry.link[0]?.['@_href']).toBe(entry.id);
      expect(entry.summary['#text'].length).toBeGreaterThan(10);
    }
  });

  it('sitemap.xml: every page but 404 and search, at absolute addresses, each with its lastmod (but 联系我们)', () => {
    const { urlset } = parseXml(readPage(out, 'sitemap.xml')) as {
      urlset: { '@_xmlns': string; url: Array<{ loc: string; lastmod?: string }> };
    };
    expect(urlset['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    const pages = htmlFiles(out)
      .map((f) => path.relative(out, f).split(path.sep).join('/'))
      .filter((f) => f !== '404.html' && f !== 'search/index.html')
      .map((f) => BASE + f.replace(/index\.html$/, ''));
    expect(urlset.url.map((u) => u.loc).sort()).toEqual(pages.sort());
    for (const u of urlset.url) {
      expect(pageExists(u.loc), u.loc).toBe(true);
      // 联系我们 shows no article, so it has no date to give.
      if (u.loc === `${BASE}contact/`) expect(u.lastmod).toBeUndefined();
      else expect(u.lastmod, u.loc).toMatch(ISO_PLUS8);
    }
    expect(urlset.url[0]).toEqual({ loc: BASE, lastmod: '2022-03-18T17:20:45+08:00' });
  });
});

describe('the whole sample site', () => {
  it('has 备案 links in the footer and an archive of March 2022', () => {
    expect(text(readPage(out, 'index.html'), '.beian')).toBe('浙ICP备12345678号 浙公网安备 33070202000123号');
    expect(text(readPage(out, 'archive/2022/03/index.html'), '.breadcrumb')).toBe(
      '您当前的位置：首页 > 归档 > 2022年 > 3月',
    );
    expect(readPage(out, 'robots.txt')).toContain('Sitemap: https://news.jinhua.example.cn/sitemap.xml');
  });

  it('has no link to a page that was not generated', () => {
    expect(htmlFiles(out).length).toBeGreaterThan(30);
    expect(brokenLinks(out)).toEqual([]);
  });

  it('has a home page with a headline and every category in site.yaml order', () => {
    const home = readPage(out, 'index.html');
    expect(text(home, '.headline-title')).toBe('一季度重大项目集中开工 金华42个项目总投资超300亿元');
    const sections = parse(home)
      .querySelectorAll('.section-title')
      .map((h) => h.textContent.trim());
    expect(sections).toEqual(['要闻', '学习', '经济', '民生', '语言', '知识', '政策文件']);
  });

  it('leaves the draft out and copies public/ unchanged', () => {
    expect(existsSync(path.join(out, 'minsheng/2022/03/gongjiao-weixunhuan/index.html'))).toBe(false);
    expect(readFileSync(path.join(out, 'assets/site.css'))).toEqual(
      readFileSync(path.join(REPO, 'public/assets/site.css')),
    );
    expect(existsSync(path.join(out, '404.html'))).toBe(true);
  });

  it('shows the sample image beside its article, with its size and alt text, loaded lazily', () => {
    const page = 'minsheng/2022/01/chunyun-zhuanxian/';
    const img = parse(readPage(out, `${page}index.html`)).querySelector('.article-body img');
    expect(img?.attributes).toMatchObject({
      src: `/${page}images/chunyun-zhuanxian.png`,
      width: '720',
      height: '405',
      loading: 'lazy',
      decoding: 'async',
    });
    expect(img?.getAttribute('alt')).toMatch(/^返乡包车专线示意图/);
    expect(readFileSync(path.join(out, page, 'images/chunyun-zhuanxian.png'))).toEqual(
      readFileSync(path.join(REPO, 'content/minsheng/images/chunyun-zhuanxian.png')),
    );
  });

  it('has a search page with the search index, and a search box on every page', () => {
    expect(existsSync(path.join(out, 'pagefind/pagefind-ui.js'))).toBe(true);
    expect(parse(readPage(out, 'search/index.html')).querySelector('#search')).not.toBeNull();
    for (const page of htmlFiles(out))
      expect(parse(readFileSync(page, 'utf8')).querySelector('form[role=search]'), page).not.toBeNull();
  });

  it('lists the category newest first with date and summary, and has a tag index', () => {
    const xuexi = parse(readPage(out, 'xuexi/index.html'));
    const dates = xuexi.querySelectorAll('.entry time').map((t) => t.textContent);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(xuexi.querySelectorAll('.entry-summary').length).toBe(dates.length);
    const tags = parse(readPage(out, 'tags/index.html')).querySelectorAll('.tag-cloud a');
    expect(tags.map((a) => a.getAttribute('href'))).toContain('/tags/jiu-ye/');
  });
});

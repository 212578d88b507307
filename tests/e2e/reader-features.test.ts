import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brokenLinks, htmlFiles } from '../helpers/links.js';
import { article, makeSite, REPO, readPage, runCli, siteYaml } from '../helpers/site.js';
import { parseXml } from '../helpers/xml.js';

// Feeds, sitemap.xml, robots.txt, structured data, archives, 相关阅读 and the footer, on a fixture
// site built as `gazette build` builds it.
const BASE = 'https://news.example.cn/';
const ATTACK = '</script><img src=x onerror=alert(1)>';
const root = makeSite({
  'site.yaml': siteYaml(
    [
      'feedSize: 3',
      'icp: 浙ICP备12345678号',
      'police: {text: 浙公网安备 33070202000123号, code: 33070202000123}',
    ].join('\n'),
  ),
  // The cover must exist (the images stage checks it): any real picture will do.
  'public/images/cover.jpg': readFileSync(path.join(REPO, 'content/minsheng/images/chunyun-zhuanxian.png')),
  'content/xuexi/attack.md': article({
    title: `'${ATTACK}'`,
    date: '2022-03-05 08:00',
    category: '学习',
    tags: '[就业]',
    author: '记者 张明',
    cover: '/images/cover.jpg',
  }),
  'content/xuexi/a.md': article({
    title: '学习一',
    date: '2022-03-01 16:59:26',
    category: '学习',
    tags: '[就业, 人才]',
  }),
  'content/xuexi/b.md': article({
    title: '学习二',
    date: '2022-02-10 09:00',
    category: '学习',
    tags: '[人才]',
  }),
  'content/xuexi/c.md': article({ title: '学习三', date: '2021-12-31T23:30:00Z', category: '学习' }),
  'content/yaowen/y.md': article({
    title: '要闻一',
    date: '2022-03-04 10:00',
    category: '要闻',
    tags: '[就业]',
  }),
});
const out = path.join(root, 'dist');
afterAll(() => rmSync(root, { recursive: true, force: true }));
beforeAll(async () => {
  const run = await runCli(['build', '--root', root]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
});

const RFC822_PLUS8 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} \+0800$/;
const ISO_PLUS8 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/;
const read = (rel: string) => readPage(out, rel);
const xml = (rel: string) => parseXml(read(rel));
const ARTICLES = [
  'xuexi/2022/03/attack/',
  'yaowen/2022/03/y/',
  'xuexi/2022/03/a/',
  'xuexi/2022/02/b/',
  'xuexi/2022/01/c/',
];

interface RssItem {
  title: string;
  link: string;
  guid: { '#text': string };
  pubDate: string;
  description: string;
}
interface Rss {
  rss: {
    '@_version': string;
    channel: { title: string; link: string; description: string; item?: RssItem[] };
  };
}
interface AtomEntry {
  id: string;
  title: { '#text': string };
  updated: string;
  summary: { '#text': string; '@_type': string };
  link: Array<{ '@_href': string }>;
}
interface Atom {
  feed: { title: string; id: string; updated: string; entry?: AtomEntry[] };
}

describe('RSS 2.0', () => {
  const channel = () => (xml('feed.xml') as unknown as Rss).rss.channel;

  it('has the required channel and item elements, newest feedSize items, absolute links', () => {
    expect((xml('feed.xml') as unknown as Rss).rss['@_version']).toBe('2.0');
    const c = channel();
    expect(c.title).toBe('测试新闻网');
    expect(c.link).toBe(BASE);
    expect(c.description).toBe('测试新闻网最新文章');
    expect(c.item?.map((i) => i.link)).toEqual(ARTICLES.slice(0, 3).map((a) => BASE + a));
    for (const item of c.item ?? []) {
      expect(item.title).not.toBe('');
      expect(item.guid['#text']).toBe(item.link);
      expect(item.pubDate).toMatch(RFC822_PLUS8);
      expect(item.description).not.toBe('');
    }
    expect(c.item?.[2]?.pubDate).toBe('Tue, 01 Mar 2022 16:59:26 +0800');
  });

  it('per category, at /{category}/feed.xml', () => {
    const xuexi = (xml('xuexi/feed.xml') as unknown as Rss).rss.channel;
    expect(xuexi.title).toBe('学习 - 测试新闻网');
    expect(xuexi.link).toBe(`${BASE}xuexi/`);
    expect(xuexi.item?.map((i) => i.link)).toEqual(
      ['xuexi/2022/03/attack/', 'xuexi/2022/03/a/', 'xuexi/2022/02/b/'].map((a) => BASE + a),
    );
    for (const file of ['xuexi/feed.xml', 'yaowen/feed.xml']) {
      const c = (xml(file) as unknown as Rss).rss.channel;
      expect(c.item?.length, file).toBeGreaterThan(0);
      for (const item of c.item ?? []) {
        expect(item.link.startsWith(BASE)).toBe(true);
        expect(item.guid['#text']).toBe(item.link);
        expect(item.pubDate).toMatch(RFC822_PLUS8);
        expect(item.description).toBe('正文第一段。');
      }
    }
    expect(xuexi.item?.[1]?.pubDate).toBe('Tue, 01 Mar 2022 16:59:26 +0800');
  });

  it('never carries the markup of a title as markup, only as escaped text', () => {
    const title = channel().item?.[0]?.title ?? '';
    expect(title).toBe('&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;');
    for (const file of ['feed.xml', 'xuexi/feed.xml', 'atom.xml', 'xuexi/atom.xml']) {
      expect(read(file)).not.toContain('<img');
    }
  });
});

describe('Atom', () => {
  it('has the required feed and entry elements with absolute ids and links, dates in +08:00', () => {
    for (const [file, id] of [
      ['atom.xml', BASE],
      ['yaowen/atom.xml', `${BASE}yaowen/`],
    ] as const) {
      const feed = (xml(file) as unknown as Atom).feed;
      expect(feed.title).not.toBe('');
      expect(feed.id).toBe(id);
      expect(feed.updated).toMatch(ISO_PLUS8);
      expect(feed.entry?.length).toBeGreaterThan(0);
      for (const e of feed.entry ?? []) {
        expect(e.id.startsWith(BASE)).toBe(true);
        expect(e.title['#text']).not.toContain('<');
        expect(e.updated).toMatch(ISO_PLUS8);
        expect(e.link[0]?.['@_href']).toBe(e.id);
        expect(e.summary).toEqual({ '#text': '正文第一段。', '@_type': 'html' });
      }
    }
    const feed = (xml('atom.xml') as unknown as Atom).feed;
    expect(feed.updated).toBe('2022-03-05T08:00:00+08:00');
    expect(feed.entry?.map((e) => e.title['#text'])).toEqual([
      '&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;',
      '要闻一',
      '学习一',
    ]);
  });

  it('is announced in the head of every page, with the category feed on category and article pages', () => {
    for (const file of htmlFiles(out)) {
      const doc = parse(readFileSync(file, 'utf8'));
      const feeds = doc
        .querySelectorAll('link[rel=alternate]')
        .map((l) => [l.getAttribute('type'), l.getAttribute('href')]);
      expect(feeds.slice(0, 2)).toEqual([
        ['application/rss+xml', '/feed.xml'],
        ['application/atom+xml', '/atom.xml'],
      ]);
    }
    const alternates = (rel: string) =>
      parse(read(rel))
        .querySelectorAll('link[rel=alternate]')
        .map((l) => l.getAttribute('href'));
    expect(alternates('xuexi/index.html')).toEqual([
      '/feed.xml',
      '/atom.xml',
      '/xuexi/feed.xml',
      '/xuexi/atom.xml',
    ]);
    expect(alternates('yaowen/2022/03/y/index.html')).toContain('/yaowen/feed.xml');
  });
});

describe('sitemap.xml and robots.txt', () => {
  const urls = () =>
    (xml('sitemap.xml') as { urlset: { url: Array<{ loc: string; lastmod: string }> } }).urlset.url;

  it('lists every article and list page, each mapping to a generated page, with lastmod in +08:00', () => {
    const locs = urls().map((u) => u.loc);
    const pages = htmlFiles(out)
      .map((f) => path.relative(out, f).split(path.sep).join('/'))
      .filter((f) => f !== '404.html' && f !== 'search/index.html')
      .map((f) => BASE + f.replace(/index\.html$/, ''));
    expect([...locs].sort()).toEqual([...pages].sort());
    for (const a of ARTICLES) expect(locs).toContain(BASE + a);
    for (const list of ['', 'xuexi/', 'xuexi/page/2/', 'tags/', 'archive/', 'archive/2022/03/', 'sitemap/'])
      expect(locs).toContain(BASE + list);
    for (const u of urls()) {
      expect(u.lastmod).toMatch(/\+08:00$/);
      const rel = u.loc.slice(BASE.length);
      expect(existsSync(path.join(out, rel.endsWith('/') || rel === '' ? `${rel}index.html` : rel))).toBe(
        true,
      );
    }
    const byLoc = new Map(urls().map((u) => [u.loc, u.lastmod]));
    expect(byLoc.get(`${BASE}xuexi/2022/03/a/`)).toBe('2022-03-01T16:59:26+08:00');
    expect(byLoc.get(`${BASE}xuexi/page/2/`)).toBe('2022-02-10T09:00:00+08:00');
    expect(byLoc.get(BASE)).toBe('2022-03-05T08:00:00+08:00');
  });

  it('has robots.txt pointing at the sitemap', () => {
    expect(read('robots.txt')).toBe(`User-agent: *\nDisallow:\n\nSitemap: ${BASE}sitemap.xml\n`);
  });

  it("keeps the site's own public/robots.txt instead", async () => {
    const own = makeSite({
      'site.yaml': siteYaml(),
      'public/robots.txt': 'User-agent: *\nDisallow: /drafts/\n',
      'content/xuexi/a.md': article({ title: '一', date: '2022-03-01', category: '学习' }),
    });
    try {
      const run = await runCli(['build', '--root', own]);
      expect(run.code).toBe(0);
      expect(readPage(path.join(own, 'dist'), 'robots.txt')).toBe('User-agent: *\nDisallow: /drafts/\n');
      expect(existsSync(path.join(own, 'dist', 'sitemap.xml'))).toBe(true);
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  });
});

describe('a file of public/ with the name of a generated one', () => {
  it('is an error, except robots.txt', async () => {
    const own = makeSite({
      'site.yaml': siteYaml(),
      'public/xuexi/feed.xml': '<rss/>',
      'content/xuexi/a.md': article({ title: '一', date: '2022-03-01', category: '学习' }),
    });
    try {
      const run = await runCli(['build', '--root', own]);
      expect(run.code).toBe(1);
      expect(run.stderr.split('\n')[0]).toBe(
        'the generated file /xuexi/feed.xml: error: writes the same page /xuexi/feed.xml as public/xuexi/feed.xml; gazette makes /xuexi/feed.xml itself: rename or delete public/xuexi/feed.xml',
      );
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  });
});

describe('structured data and link previews', () => {
  const jsonLd = (rel: string) => {
    const scripts = parse(read(rel)).querySelectorAll('script[type="application/ld+json"]');
    expect(scripts).toHaveLength(1);
    return JSON.parse(scripts[0]?.textContent ?? '') as Record<string, unknown> & {
      author: { '@type': string; name: string };
      publisher: { name: string };
      mainEntityOfPage: { '@id': string };
    };
  };

  it('gives every article page a NewsArticle with dates in site time, author and publisher', () => {
    for (const a of ARTICLES) {
      const data = jsonLd(`${a}index.html`);
      expect(data['@type']).toBe('NewsArticle');
      expect(data.publisher.name).toBe('测试新闻网');
      expect(data.mainEntityOfPage['@id']).toBe(BASE + a);
      expect(data.datePublished).toMatch(ISO_PLUS8);
    }
    const a = jsonLd('xuexi/2022/03/a/index.html');
    expect(a.headline).toBe('学习一');
    expect(a.datePublished).toBe('2022-03-01T16:59:26+08:00');
    expect(a.author).toEqual({ '@type': 'Organization', name: '测试新闻网' });
    const attack = jsonLd('xuexi/2022/03/attack/index.html');
    expect(attack.author).toEqual({ '@type': 'Person', name: '记者 张明' });
    expect(attack.image).toEqual([`${BASE}images/cover.jpg`]);
    expect(jsonLd('xuexi/2022/01/c/index.html').datePublished).toBe('2022-01-01T07:30:00+08:00');
  });

  it('keeps a title with </script> inside the JSON-LD as text, and out of every page as markup', () => {
    expect(jsonLd('xuexi/2022/03/attack/index.html').headline).toBe(ATTACK);
    for (const file of htmlFiles(out)) {
      const html = readFileSync(file, 'utf8');
      expect([file, html.includes('</script><img')]).toEqual([file, false]);
      expect([file, html.includes('<img src=x')]).toEqual([file, false]);
    }
  });

  it('has Open Graph tags: article for articles, website for lists', () => {
    const og = (rel: string) =>
      Object.fromEntries(
        parse(read(rel))
          .querySelectorAll('meta[property^="og:"]')
          .map((m) => [m.getAttribute('property'), m.getAttribute('content')]),
      );
    expect(og('xuexi/2022/03/attack/index.html')).toEqual({
      'og:site_name': '测试新闻网',
      'og:locale': 'zh_CN',
      'og:type': 'article',
      'og:title': ATTACK,
      'og:description': '正文第一段。',
      'og:url': `${BASE}xuexi/2022/03/attack/`,
      'og:image': `${BASE}images/cover.jpg`,
    });
    expect(og('index.html')['og:type']).toBe('website');
    expect(og('index.html')['og:url']).toBe(BASE);
    expect(og('404.html')).toEqual({});
  });
});

describe('archives, 相关阅读, the site map and the footer', () => {
  const text = (rel: string, selector: string) =>
    parse(read(rel)).querySelector(selector)?.textContent.replace(/\s+/g, ' ').trim();

  it('has /archive/ with years and months, a page per year and per month with breadcrumbs', () => {
    expect(text('archive/index.html', '.breadcrumb')).toBe('您当前的位置：首页 > 归档');
    const years = parse(read('archive/index.html'))
      .querySelectorAll('.archive-year-title')
      .map((h) => h.textContent);
    expect(years).toEqual(['2022年（5篇）']);
    const months = parse(read('archive/index.html'))
      .querySelectorAll('.archive-months a')
      .map((a) => [a.textContent, a.getAttribute('href')]);
    expect(months).toEqual([
      ['3月（3）', '/archive/2022/03/'],
      ['2月（1）', '/archive/2022/02/'],
      ['1月（1）', '/archive/2022/01/'],
    ]);
    expect(text('archive/2022/index.html', '.breadcrumb')).toBe('您当前的位置：首页 > 归档 > 2022年');
    // The year: its months, each with its newest titles and a link to the month.
    const year = parse(read('archive/2022/index.html'));
    expect(year.querySelector('h1')?.textContent).toBe('2022年（共5篇）');
    expect(
      year
        .querySelectorAll('.archive-month')
        .map((m) => [
          m.querySelector('.archive-month-title a')?.getAttribute('href'),
          m.querySelectorAll('.section-list a').map((a) => a.textContent),
        ]),
    ).toEqual([
      ['/archive/2022/03/', [ATTACK, '要闻一', '学习一']],
      ['/archive/2022/02/', ['学习二']],
      ['/archive/2022/01/', ['学习三']],
    ]);
    expect(text('archive/2022/03/index.html', '.breadcrumb')).toBe(
      '您当前的位置：首页 > 归档 > 2022年 > 3月',
    );
    // pageSize 2: March's third article is on page 2, newest first.
    const titles = (rel: string) =>
      parse(read(rel))
        .querySelectorAll('.entry-title a')
        .map((a) => a.textContent);
    expect(titles('archive/2022/03/index.html')).toEqual([ATTACK, '要闻一']);
    expect(titles('archive/2022/03/page/2/index.html')).toEqual(['学习一']);
  });

  it('lists related articles under the neighbours, by shared tags', () => {
    const section = parse(read('xuexi/2022/03/a/index.html')).querySelector('section.related');
    expect(section?.getAttribute('aria-labelledby')).toBe('related-title');
    expect(section?.querySelector('#related-title')?.textContent).toBe('相关阅读');
    // One shared tag each: in 学习 (newest first), then in 要闻; then 学习三, same category, no tag.
    expect(section?.querySelectorAll('a').map((a) => a.getAttribute('href'))).toEqual([
      '/xuexi/2022/03/attack/',
      '/xuexi/2022/02/b/',
      '/yaowen/2022/03/y/',
      '/xuexi/2022/01/c/',
    ]);
  });

  it('has 归档, 网站地图 and the 备案 links in the footer, and a site map page', () => {
    const footer = parse(read('index.html')).querySelector('.site-footer');
    const links = footer?.querySelectorAll('a').map((a) => [a.textContent, a.getAttribute('href')]);
    expect(links).toEqual(
      expect.arrayContaining([
        ['归档', '/archive/'],
        ['网站地图', '/sitemap/'],
        ['浙ICP备12345678号', 'https://beian.miit.gov.cn/'],
        ['浙公网安备 33070202000123号', 'https://beian.mps.gov.cn/#/query/webSearch?code=33070202000123'],
      ]),
    );
    const map = parse(read('sitemap/index.html'));
    expect(map.querySelectorAll('.section-title').map((h) => h.textContent)).toEqual(['学习', '要闻']);
    expect(map.querySelectorAll('.sitemap-links a').map((a) => a.getAttribute('href'))).toEqual([
      '/',
      '/xuexi/',
      '/yaowen/',
      '/tags/',
      '/archive/',
      '/feed.xml',
    ]);
  });

  it('has no 备案 line when site.yaml sets neither icp nor police, and still links 网站地图', async () => {
    const own = makeSite({
      'site.yaml': siteYaml(),
      'content/xuexi/a.md': article({ title: '一', date: '2022-03-01', category: '学习' }),
    });
    try {
      expect((await runCli(['build', '--root', own, '--no-search'])).code).toBe(0);
      const footer = parse(readPage(path.join(own, 'dist'), 'index.html')).querySelector('.site-footer');
      expect(footer?.querySelector('.beian')).toBeNull();
      expect(footer?.toString()).not.toContain('beian.');
      expect(footer?.querySelector('a[href="/sitemap/"]')?.textContent).toBe('网站地图');
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  });

  it('has no link to a page that was not generated', () => {
    expect(brokenLinks(out)).toEqual([]);
  });
});

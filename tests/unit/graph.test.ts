import { describe, expect, it } from 'vitest';
import { buildGraph, byDateDesc } from '../../src/graph/build-graph.js';
import { makeEntry } from '../../src/graph/entries.js';
import { paginate } from '../../src/graph/paginate.js';
import type { Entry, ListedEntry } from '../../src/graph/site-graph.js';
import { createMarkdown } from '../../src/markdown/markdown-it.js';
import { articleUrl, listPageUrl, outputPathOf, tagUrl } from '../../src/urls/urls.js';
import { entry, siteConfig, siteDate, XUEXI, YAOWEN } from './fixtures.js';

const files = (list: readonly ListedEntry[] | undefined) => (list ?? []).map((e) => e.file);

describe('buildGraph ordering', () => {
  it('orders newest first, breaking ties by file path', () => {
    const input = [
      entry('content/xuexi/old.md', '2022-01-01 08:00'),
      entry('content/xuexi/b.md', '2022-03-01 10:00'),
      entry('content/xuexi/new.md', '2022-03-05 09:00'),
      entry('content/xuexi/a.md', '2022-03-01 10:00'),
    ];
    const graph = buildGraph(input, siteConfig());
    expect(files(graph.entries)).toEqual([
      'content/xuexi/new.md',
      'content/xuexi/a.md',
      'content/xuexi/b.md',
      'content/xuexi/old.md',
    ]);
    // The caller's array is left alone.
    expect(files(input)).toEqual([
      'content/xuexi/old.md',
      'content/xuexi/b.md',
      'content/xuexi/new.md',
      'content/xuexi/a.md',
    ]);
  });

  it('orders by the instant, not by the text of the date', () => {
    const utc = entry('content/xuexi/utc.md', '2022-02-28T20:00:00Z'); // 04:00 on 1 March in Shanghai
    const local = entry('content/xuexi/local.md', '2022-03-01 03:00');
    expect(files(buildGraph([local, utc], siteConfig()).entries)).toEqual([
      'content/xuexi/utc.md',
      'content/xuexi/local.md',
    ]);
  });

  it('compares equal entries as 0', () => {
    const a = entry('content/xuexi/a.md', '2022-03-01');
    expect(byDateDesc(a, a)).toBe(0);
  });
});

describe('buildGraph categories and pagination', () => {
  const five = [1, 2, 3, 4, 5].map((day) => entry(`content/xuexi/d${day}.md`, `2022-03-0${day} 12:00`));

  it('pages a category of 5 with pageSize 2 into 3 pages', () => {
    const graph = buildGraph(five, siteConfig({ pageSize: 2 }));
    const xuexi = graph.categories[0];
    expect(xuexi?.category).toEqual(XUEXI);
    expect(xuexi?.url).toBe('/xuexi/');
    expect(xuexi?.pages.map((p) => p.url)).toEqual(['/xuexi/', '/xuexi/page/2/', '/xuexi/page/3/']);
    expect(xuexi?.pages.map((p) => p.number)).toEqual([1, 2, 3]);
    expect(xuexi?.pages.map((p) => files(p.entries))).toEqual([
      ['content/xuexi/d5.md', 'content/xuexi/d4.md'],
      ['content/xuexi/d3.md', 'content/xuexi/d2.md'],
      ['content/xuexi/d1.md'],
    ]);
  });

  it('gives an empty category one empty page, in config order', () => {
    const graph = buildGraph(five, siteConfig({ pageSize: 2 }));
    expect(graph.categories.map((c) => c.url)).toEqual(['/xuexi/', '/yaowen/']);
    expect(graph.categories[1]?.pages).toEqual([{ number: 1, url: '/yaowen/', entries: [] }]);
  });

  it('puts each entry only in its own category', () => {
    const graph = buildGraph(
      [
        entry('content/xuexi/x.md', '2022-03-01'),
        entry('content/yaowen/y.md', '2022-03-02', { category: YAOWEN }),
      ],
      siteConfig(),
    );
    expect(graph.categories.map((c) => files(c.entries))).toEqual([
      ['content/xuexi/x.md'],
      ['content/yaowen/y.md'],
    ]);
  });
});

describe('buildGraph neighbours', () => {
  it('links previous (older) and next (newer) within the category only', () => {
    const x1 = entry('content/xuexi/x1.md', '2022-03-01');
    const y2 = entry('content/yaowen/y2.md', '2022-03-02', { category: YAOWEN });
    const x3 = entry('content/xuexi/x3.md', '2022-03-03');
    const y4 = entry('content/yaowen/y4.md', '2022-03-04', { category: YAOWEN });
    const x5 = entry('content/xuexi/x5.md', '2022-03-05');
    const graph = buildGraph([x3, y4, x1, x5, y2], siteConfig());
    const n = (e: Entry) => {
      const { previous, next } = graph.neighbours.get(e.file) ?? {};
      return { previous: previous?.file, next: next?.file };
    };
    expect(n(x5)).toEqual({ previous: 'content/xuexi/x3.md', next: undefined });
    expect(n(x3)).toEqual({ previous: 'content/xuexi/x1.md', next: 'content/xuexi/x5.md' });
    expect(n(x1)).toEqual({ previous: undefined, next: 'content/xuexi/x3.md' });
    expect(n(y4)).toEqual({ previous: 'content/yaowen/y2.md', next: undefined });
    expect(n(y2)).toEqual({ previous: undefined, next: 'content/yaowen/y4.md' });
    expect(graph.neighbours.get(x1.file)).not.toHaveProperty('previous');
    expect(graph.neighbours.size).toBe(5);
  });
});

describe('buildGraph headline', () => {
  it('is the newest entry marked headline', () => {
    const graph = buildGraph(
      [
        entry('content/xuexi/old-headline.md', '2022-03-01', { headline: true }),
        entry('content/xuexi/headline.md', '2022-03-02', { headline: true }),
        entry('content/xuexi/newest.md', '2022-03-03'),
      ],
      siteConfig(),
    );
    expect(graph.headline?.file).toBe('content/xuexi/headline.md');
  });

  it('is the newest entry when none is marked', () => {
    const graph = buildGraph(
      [
        entry('content/xuexi/a.md', '2022-03-01'),
        entry('content/yaowen/b.md', '2022-03-02', { category: YAOWEN }),
      ],
      siteConfig(),
    );
    expect(graph.headline?.file).toBe('content/yaowen/b.md');
  });

  it('is undefined for an empty site', () => {
    const graph = buildGraph([], siteConfig());
    expect(graph.headline).toBeUndefined();
    expect(graph.entries).toEqual([]);
    expect(graph.tags).toEqual([]);
  });
});

describe('buildGraph tags', () => {
  const tagged = [
    entry('content/xuexi/a.md', '2022-03-01', { tags: ['公式', '就业'] }),
    entry('content/xuexi/b.md', '2022-03-03', { tags: ['公事', '就业'] }),
    entry('content/yaowen/c.md', '2022-03-02', { tags: ['就业', '!!!'], category: YAOWEN }),
  ];

  it('numbers homophone slugs in the order of the tag names, whatever the input order', () => {
    for (const input of [tagged, [...tagged].reverse()]) {
      const graph = buildGraph(input, siteConfig());
      expect(graph.tags.map((t) => [t.name, t.slug, t.url])).toEqual([
        ['!!!', 'tag', '/tags/tag/'],
        ['公事', 'gong-shi', '/tags/gong-shi/'],
        ['公式', 'gong-shi-2', '/tags/gong-shi-2/'],
        ['就业', 'jiu-ye', '/tags/jiu-ye/'],
      ]);
    }
  });

  it('takes the slugs the entries were loaded with (the main thread need not slug), numbering homophones', () => {
    const loaded = [
      { ...entry('content/xuexi/a.md', '2022-03-01', { tags: ['公式', '就业'] }), tagSlugs: ['gs', 'jy'] },
      { ...entry('content/xuexi/b.md', '2022-03-03', { tags: ['公事'] }), tagSlugs: ['gs'] },
    ];
    const graph = buildGraph(loaded, siteConfig());
    expect(graph.tags.map((t) => [t.name, t.url])).toEqual([
      ['公事', '/tags/gs/'],
      ['公式', '/tags/gs-2/'],
      ['就业', '/tags/jy/'],
    ]);
  });

  it('skips a suffix that another tag already has', () => {
    const graph = buildGraph(
      [entry('content/xuexi/a.md', '2022-03-01', { tags: ['公事', '公式', 'gong shi 2'] })],
      siteConfig(),
    );
    expect(graph.tags.map((t) => [t.name, t.slug])).toEqual([
      ['gong shi 2', 'gong-shi-2'],
      ['公事', 'gong-shi'],
      ['公式', 'gong-shi-3'],
    ]);
  });

  it('lists a tag entries newest first across categories and pages them', () => {
    const graph = buildGraph(tagged, siteConfig({ pageSize: 2 }));
    const jiuye = graph.tags.find((t) => t.name === '就业');
    expect(files(jiuye?.entries)).toEqual([
      'content/xuexi/b.md',
      'content/yaowen/c.md',
      'content/xuexi/a.md',
    ]);
    expect(jiuye?.pages.map((p) => [p.url, files(p.entries)])).toEqual([
      ['/tags/jiu-ye/', ['content/xuexi/b.md', 'content/yaowen/c.md']],
      ['/tags/jiu-ye/page/2/', ['content/xuexi/a.md']],
    ]);
  });
});

describe('paginate', () => {
  it('gives an empty list one page', () => {
    expect(paginate('/tags/x/', [], 10)).toEqual([{ number: 1, url: '/tags/x/', entries: [] }]);
  });

  it('fills pages exactly', () => {
    const list = [1, 2, 3, 4].map((d) => entry(`content/xuexi/${d}.md`, `2022-03-0${d}`));
    expect(paginate('/xuexi/', list, 2).map((p) => p.entries.length)).toEqual([2, 2]);
  });
});

describe('urls', () => {
  const a = { category: XUEXI, date: siteDate('2022-03-01 16:59:26'), slug: 'jinhua-yonggong' };

  it('expands the default permalink', () => {
    expect(articleUrl('/{category}/{yyyy}/{mm}/{slug}/', a)).toBe('/xuexi/2022/03/jinhua-yonggong/');
  });

  it('drops a trailing index.html', () => {
    expect(articleUrl('/{category}/{yyyy}{mm}{dd}/{slug}/index.html', a)).toBe(
      '/xuexi/20220301/jinhua-yonggong/',
    );
  });

  it('keeps a .html file name', () => {
    expect(articleUrl('/{category}/{slug}.html', a)).toBe('/xuexi/jinhua-yonggong.html');
  });

  it('uses the site-time date parts', () => {
    const utc = { ...a, date: siteDate('2022-02-28T20:00:00Z') };
    expect(articleUrl('/{yyyy}/{mm}/{dd}/{slug}/', utc)).toBe('/2022/03/01/jinhua-yonggong/');
  });

  it('maps site paths to output files', () => {
    expect(outputPathOf('/')).toBe('index.html');
    expect(outputPathOf('/xuexi/2022/03/jinhua-yonggong/')).toBe('xuexi/2022/03/jinhua-yonggong/index.html');
    expect(outputPathOf('/xuexi/jinhua-yonggong.html')).toBe('xuexi/jinhua-yonggong.html');
    expect(outputPathOf('/404.html')).toBe('404.html');
  });

  it('builds list and tag urls', () => {
    expect(listPageUrl('/xuexi/', 1)).toBe('/xuexi/');
    expect(listPageUrl('/xuexi/', 2)).toBe('/xuexi/page/2/');
    expect(tagUrl('jiu-ye')).toBe('/tags/jiu-ye/');
  });
});

describe('makeEntry', () => {
  const md = createMarkdown();
  const {
    html: _h,
    summaryText: _s,
    url: _u,
    ...article
  } = entry('content/xuexi/a.md', '2022-03-01 16:59', {
    slug: 'jinhua-yonggong',
    body: '## 小标题\n\n金华全力保障用工。企业开工。\n',
  });

  it('renders the body, makes a summary and fixes the url', () => {
    const e = makeEntry(md, article, siteConfig(), 'v1');
    expect(e.version).toBe('v1');
    expect(e.html).toBe('<h2 id="xiao-biao-ti">小标题</h2>\n<p>金华全力保障用工。企业开工。</p>\n');
    expect(e.summaryText).toBe('金华全力保障用工。企业开工。');
    expect(e.url).toBe('/xuexi/2022/03/jinhua-yonggong/');
    expect(e.file).toBe('content/xuexi/a.md');
  });

  it("slugs the article's tags where it is loaded, in their order, for the tags' addresses", () => {
    const e = makeEntry(md, { ...article, tags: ['就业', '稳岗', 'AI 应用'] }, siteConfig(), 'v1');
    expect(e.tagSlugs).toEqual(['jiu-ye', 'wen-gang', 'ai-ying-yong']);
  });

  it("prefers the editor's summary and follows the permalink pattern", () => {
    const e = makeEntry(
      md,
      { ...article, summary: '编辑摘要。' },
      siteConfig({ permalink: '/{category}/{slug}.html' }),
      'v1',
    );
    expect(e.summaryText).toBe('编辑摘要。');
    expect(e.url).toBe('/xuexi/jinhua-yonggong.html');
  });
});

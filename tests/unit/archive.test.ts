import { describe, expect, it } from 'vitest';
import { buildArchive } from '../../src/graph/archive.js';
import { buildGraph } from '../../src/graph/build-graph.js';
import type { Page } from '../../src/pages/page.js';
import { planPages } from '../../src/pages/plan-pages.js';
import { entry, siteConfig, YAOWEN } from './fixtures.js';

const config = siteConfig({ pageSize: 2 });
const entries = [
  entry('content/xuexi/m1.md', '2022-03-01 09:00'),
  entry('content/xuexi/m2.md', '2022-03-05 09:00'),
  entry('content/yaowen/m3.md', '2022-03-20 09:00', { category: YAOWEN }),
  entry('content/xuexi/jan.md', '2022-01-15 09:00'),
  // 23:30 UTC on 31 December is 07:30 on 1 January in Shanghai: it belongs to 2022-01.
  entry('content/xuexi/new-year.md', '2021-12-31T23:30:00Z'),
  entry('content/xuexi/old.md', '2021-06-30 23:59'),
];
const graph = buildGraph(entries, config);
const files = (list: readonly { file: string }[]) => list.map((e) => e.file.replace(/^.*\//, ''));

describe('buildArchive', () => {
  it('groups by year and month in site time, newest first, and paginates each month', () => {
    expect(
      graph.archive.map((y) => [y.year, y.url, y.months.map((m) => [m.month, m.url, files(m.entries)])]),
    ).toEqual([
      [
        '2022',
        '/archive/2022/',
        [
          ['03', '/archive/2022/03/', ['m3.md', 'm2.md', 'm1.md']],
          ['01', '/archive/2022/01/', ['jan.md', 'new-year.md']],
        ],
      ],
      ['2021', '/archive/2021/', [['06', '/archive/2021/06/', ['old.md']]]],
    ]);
    const march = graph.archive[0]?.months[0];
    expect(march?.pages.map((p) => [p.url, files(p.entries)])).toEqual([
      ['/archive/2022/03/', ['m3.md', 'm2.md']],
      ['/archive/2022/03/page/2/', ['m1.md']],
    ]);
    expect(files(graph.archive[0]?.entries ?? [])).toEqual([
      'm3.md',
      'm2.md',
      'm1.md',
      'jan.md',
      'new-year.md',
    ]);
  });

  it('has no years for no entries', () => {
    expect(buildArchive([], 10)).toEqual([]);
  });
});

describe('archive pages', () => {
  const pages = planPages(graph, config);
  const page = (url: string): Page => {
    const found = pages.find((p) => p.url === url);
    if (!found) throw new Error(`no page ${url}`);
    return found;
  };

  it('lists years with counts and their months on /archive/', () => {
    const index = page('/archive/');
    expect(index.template).toBe('archive.njk');
    expect(index.context.breadcrumb).toEqual([{ title: '首页', url: '/' }, { title: '归档' }]);
    expect(index.context.years).toEqual([
      {
        title: '2022年',
        url: '/archive/2022/',
        count: 5,
        months: [
          { title: '3月', url: '/archive/2022/03/', count: 3 },
          { title: '1月', url: '/archive/2022/01/', count: 2 },
        ],
      },
      {
        title: '2021年',
        url: '/archive/2021/',
        count: 1,
        months: [{ title: '6月', url: '/archive/2021/06/', count: 1 }],
      },
    ]);
  });

  it('shows each month of a year with its newest titles and a link to the rest', () => {
    const year = page('/archive/2022/');
    expect(year.context.breadcrumb).toEqual([
      { title: '首页', url: '/' },
      { title: '归档', url: '/archive/' },
      { title: '2022年' },
    ]);
    const months = year.context.months as Array<{
      title: string;
      entries: Array<{ url: string }>;
      more: boolean;
    }>;
    expect(months.map((m) => [m.title, m.entries.map((e) => e.url), m.more])).toEqual([
      ['3月', ['/yaowen/2022/03/m3/', '/xuexi/2022/03/m2/', '/xuexi/2022/03/m1/'], false],
      ['1月', ['/xuexi/2022/01/jan/', '/xuexi/2022/01/new-year/'], false],
    ]);
  });

  it('pages a month like a category, with the breadcrumb 首页 > 归档 > 2022年 > 3月', () => {
    const first = page('/archive/2022/03/');
    expect(first.template).toBe('archive-month.njk');
    expect(first.context.page).toEqual({
      kind: 'archive-month',
      title: '2022年3月',
      description: '2022年3月共3篇文章',
    });
    expect(first.context.breadcrumb).toEqual([
      { title: '首页', url: '/' },
      { title: '归档', url: '/archive/' },
      { title: '2022年', url: '/archive/2022/' },
      { title: '3月' },
    ]);
    expect(first.context.pagination).toMatchObject({
      current: 1,
      total: 2,
      nextUrl: '/archive/2022/03/page/2/',
    });
    const second = page('/archive/2022/03/page/2/');
    expect((second.context.page as { title: string }).title).toBe('2022年3月（第2页）');
    expect((second.context.breadcrumb as unknown[]).at(-1)).toEqual({
      title: '3月',
      url: '/archive/2022/03/',
    });
  });
});

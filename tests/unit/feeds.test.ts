import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/graph/build-graph.js';
import { SiteDate } from '../../src/syndication/feed-date.js';
import { planFeeds } from '../../src/syndication/feeds.js';
import { renderFeed } from '../../src/syndication/render-feed.js';
import { parseXml, type RssItem } from '../helpers/xml.js';
import { entry, siteConfig, XUEXI, YAOWEN } from './fixtures.js';

type Rss = {
  rss: {
    channel: {
      title: string;
      lastBuildDate: string;
      item?: RssItem[];
    };
  };
};
type Atom = {
  feed: {
    id: string;
    updated: string;
    link: Array<{ '@_rel': string; '@_href': string }>;
    entry?: Array<{
      id: string;
      title: { '#text': string };
      updated: string;
      published: string;
      link: Array<{ '@_href': string }>;
    }>;
  };
};

describe('SiteDate', () => {
  it('is the same instant, written in the site offset for RSS and Atom', () => {
    const d = new SiteDate('2022-03-01T16:59:26+08:00');
    expect(d.getTime()).toBe(Date.UTC(2022, 2, 1, 8, 59, 26));
    expect(d.toUTCString()).toBe('Tue, 01 Mar 2022 16:59:26 +0800');
    expect(d.toISOString()).toBe('2022-03-01T16:59:26+08:00');
    expect(() => new SiteDate('yesterday')).toThrow(/not an ISO 8601 date/);
  });
});

describe('renderFeed', () => {
  const config = siteConfig({ baseUrl: 'https://a.cn/news/', basePath: '/news/' });
  const e = entry('content/xuexi/a.md', '2022-03-01 16:59:26', {
    title: '</script><img src=x onerror=alert(1)> A&B',
    summaryText: '摘要 <b>粗</b> ]]> 完',
    tags: ['就业', 'a<b'],
  });
  const { rss, atom } = renderFeed(
    { title: '学习 - 金华新闻网', description: '最新', page: '/xuexi/', entries: [e], updated: e.date.iso },
    config,
  );

  it('writes RSS 2.0 with absolute links, RFC 822 dates in +0800 and titles escaped as HTML', () => {
    const channel = (parseXml(rss) as Rss).rss.channel;
    expect(channel.title).toBe('学习 - 金华新闻网');
    expect(channel.lastBuildDate).toBe('Tue, 01 Mar 2022 16:59:26 +0800');
    const [item] = channel.item ?? [];
    expect(item?.link).toBe('https://a.cn/news/xuexi/2022/03/a/');
    expect(item?.guid['#text']).toBe('https://a.cn/news/xuexi/2022/03/a/');
    expect(item?.pubDate).toBe('Tue, 01 Mar 2022 16:59:26 +0800');
    // Readers show RSS titles as HTML: the markup arrives as text.
    expect(item?.title).toBe('&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; A&amp;B');
    expect(item?.description).toBe('摘要 &lt;b&gt;粗&lt;/b&gt; ]]&gt; 完');
    expect(item?.category).toEqual(['学习', '就业', 'a＜b']);
    expect(rss).toContain('<atom:link href="https://a.cn/news/xuexi/feed.xml" rel="self"');
  });

  it('writes Atom 1.0 with ids, self link and dates in +08:00', () => {
    const feed = (parseXml(atom) as Atom).feed;
    expect(feed.id).toBe('https://a.cn/news/xuexi/');
    expect(feed.updated).toBe('2022-03-01T16:59:26+08:00');
    expect(feed.link.map((l) => [l['@_rel'], l['@_href']])).toEqual([
      ['alternate', 'https://a.cn/news/xuexi/'],
      ['self', 'https://a.cn/news/xuexi/atom.xml'],
    ]);
    const [only] = feed.entry ?? [];
    expect(only?.id).toBe('https://a.cn/news/xuexi/2022/03/a/');
    expect(only?.updated).toBe('2022-03-01T16:59:26+08:00');
    expect(only?.published).toBe('2022-03-01T16:59:26+08:00');
    expect(only?.title['#text']).toBe('&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; A&amp;B');
  });
});

describe('planFeeds', () => {
  const config = siteConfig({ feedSize: 2, categories: [XUEXI, YAOWEN, { name: '空', slug: 'kong' }] });
  const graph = buildGraph(
    [
      entry('content/xuexi/x1.md', '2022-03-01 09:00'),
      entry('content/xuexi/x2.md', '2022-03-02 09:00'),
      entry('content/xuexi/x3.md', '2022-03-03 09:00'),
      entry('content/yaowen/y1.md', '2022-03-04 09:00', { category: YAOWEN }),
    ],
    config,
  );
  const files = planFeeds(graph, config);
  const rssAt = (path: string) =>
    (parseXml(files.find((f) => f.path === path)?.data ?? '') as Rss).rss.channel;

  it('makes RSS and Atom for the site and for every category', () => {
    expect(files.map((f) => f.path)).toEqual([
      'feed.xml',
      'atom.xml',
      'xuexi/feed.xml',
      'xuexi/atom.xml',
      'yaowen/feed.xml',
      'yaowen/atom.xml',
      'kong/feed.xml',
      'kong/atom.xml',
    ]);
  });

  it('lists the newest feedSize articles, newest first', () => {
    expect(rssAt('feed.xml').item?.map((i) => i.link)).toEqual([
      'https://news.jinhua.example.cn/yaowen/2022/03/y1/',
      'https://news.jinhua.example.cn/xuexi/2022/03/x3/',
    ]);
    expect(rssAt('xuexi/feed.xml').item?.map((i) => i.link.replace(/^.*03\//, ''))).toEqual(['x3/', 'x2/']);
  });

  it("dates an empty category's feed by the newest article of the site, so builds repeat", () => {
    const empty = rssAt('kong/feed.xml');
    expect(empty.item).toBeUndefined();
    expect(empty.title).toBe('空 - 金华新闻网');
    expect(empty.lastBuildDate).toBe('Fri, 04 Mar 2022 09:00:00 +0800');
    const none = planFeeds(buildGraph([], config), config)[0]?.data ?? '';
    expect((parseXml(none) as Rss).rss.channel.lastBuildDate).toBe('Thu, 01 Jan 1970 08:00:00 +0800');
  });
});

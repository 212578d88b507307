/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ShardedAndWhole, shardedAndWhole } from '../helpers/sharded-and-whole.js';
import { article, siteYaml } from '../helpers/site.js';

// Shards whose articles differ in length: January's first ten days have short articles, February's
// long ones. 湖畔 is once in one article of each, January's the shorter. One whole index ranks
// January's first: Pagefind (BM25) favours the shorter page, against the site's average length. Each
// shard measures its pages against its own average instead: January's is longer than most of its
// shard, February's shorter than most of its own, so February's came first from the shards.
const filler = '全市稳岗返岗工作稳步推进，企业复工复产有序开展，各地加快项目建设。';
let sites: ShardedAndWhole;
beforeAll(async () => {
  const jan = (day: number, title: string, body: string) => ({
    [`content/xuexi/a${day}.md`]: article({ title, date: `2022-01-0${day} 10:00`, category: '学习' }, body),
  });
  const feb = (day: number, title: string, body: string) => ({
    [`content/yaowen/b${day}.md`]: article({ title, date: `2022-02-0${day} 10:00`, category: '要闻' }, body),
  });
  const files = {
    'site.yaml': siteYaml(),
    ...jan(3, '一月湖畔消息', `湖畔。${filler.repeat(2)}`),
    ...jan(4, '一月消息二', filler),
    ...jan(5, '一月消息三', filler),
    ...feb(3, '二月湖畔消息', `湖畔。${filler.repeat(3)}`),
    ...feb(4, '二月消息二', filler.repeat(5)),
    ...feb(5, '二月消息三', filler.repeat(5)),
    'content/yaowen/d.md': article(
      { title: '最新消息', date: '2022-03-18 09:00', category: '要闻' },
      filler.repeat(3),
    ),
  };
  // The same articles twice: in shards, and in one whole index.
  sites = await shardedAndWhole(files);
});
afterAll(() => sites?.close());

/** The titles and scores of `query`'s results, best first. */
const ranked = (query: string, site: 'dist' | 'whole') => sites.ranked(query, site);

describe('a sharded index ranks as one whole index would', () => {
  it("measures each page's length against the site's average, not its shard's", async () => {
    const one = await ranked('湖畔', 'whole');
    expect(one.map((r) => r.title)).toEqual(['一月湖畔消息', '二月湖畔消息']);
    const shards = await ranked('湖畔', 'dist');
    expect(shards.map((r) => r.title)).toEqual(one.map((r) => r.title));
    // Not only the order: the whole index's scores, within Pagefind's 32-bit rounding.
    for (const [i, r] of shards.entries()) expect(r.score).toBeCloseTo(one[i]?.score ?? 0, 5);
  });
});

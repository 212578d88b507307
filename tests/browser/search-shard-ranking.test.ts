/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ShardedAndWhole, shardedAndWhole } from '../helpers/sharded-and-whole.js';
import { article, siteYaml } from '../helpers/site.js';

// Shards of different sizes: January's first ten days have four articles, one of them with 樟树湾 once; February one
// article with 樟树湾 three times; the newest day one article without it. One whole index ranks
// February's article first (the word is in two of six articles, more often in February's). Each shard
// weighs the word by its own share of pages (1 of 4 in January, 1 of 1 in February), which the
// loader must undo with the shards' sizes, not with how many of their pages have the word.
const filler = '全市稳岗返岗工作稳步推进，企业复工复产有序开展，各地加快项目建设。';
let sites: ShardedAndWhole;
beforeAll(async () => {
  const jan = (day: string, body: string) =>
    article({ title: `一月${day}日消息`, date: `2022-01-${day} 10:00`, category: '学习' }, body);
  const files = {
    'site.yaml': siteYaml(),
    'content/xuexi/a1.md': jan('10', `樟树湾码头开工。${'桂花岛。'.repeat(2)}渡口。${filler}${filler}`),
    'content/xuexi/a2.md': jan('07', `渡口。${filler}${filler}`),
    'content/xuexi/a3.md': jan('08', `渡口。${filler}${filler}`),
    'content/xuexi/a4.md': jan('09', `渡口。${filler}${filler}`),
    'content/yaowen/b1.md': article(
      { title: '二月消息', date: '2022-02-10 10:00', category: '要闻' },
      `樟树湾码头开工。樟树湾新港。樟树湾物流。桂花岛。${'渡口。'.repeat(8)}${filler}`,
    ),
    'content/yaowen/d.md': article(
      { title: '最新消息', date: '2022-03-18 09:00', category: '要闻' },
      `${filler}${filler}`,
    ),
  };
  // The same articles twice: in shards, and in one whole index.
  sites = await shardedAndWhole(files);
});
afterAll(() => sites?.close());

/** The titles of `query`'s results, best first. */
const ranked = async (query: string, site: 'dist' | 'whole'): Promise<string[]> =>
  (await sites.ranked(query, site)).map((r) => r.title);

describe('a sharded index ranks as one whole index would', () => {
  it('weighs a word by the pages of each shard, not by the pages that have it', async () => {
    const one = await ranked('樟树湾', 'whole');
    expect(one).toEqual(['二月消息', '一月10日消息']);
    expect(await ranked('樟树湾', 'dist')).toEqual(one);
  });

  it('weighs each word of a search by its own factor, not the words together by one', async () => {
    // 渡口 is in every January article and in February's (eight times): its weight in January is far
    // below the site's, while 桂花岛's (twice in January's first article) is above it. One factor for
    // both words, per shard, ranked February's article first.
    const one = await ranked('桂花岛 渡口', 'whole');
    expect(one).toEqual(['一月10日消息', '二月消息']);
    expect(await ranked('桂花岛 渡口', 'dist')).toEqual(one);
  });
});

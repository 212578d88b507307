/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ShardedAndWhole, shardedAndWhole } from '../helpers/sharded-and-whole.js';
import { article, siteYaml } from '../helpers/site.js';

// 市民 is in January's first article only. February's shard has no word that starts with 市民, but
// has 市 (a word of its own in both its articles): Pagefind answers a word its index lacks with the
// longest word of it that the word starts with, so February's shard alone answers 市民 with its pages
// of 市. One whole index has 市民 (from January) and answers with January's article alone.
const filler = '全市稳岗返岗工作稳步推进，企业复工复产有序开展，各地加快项目建设。';
let sites: ShardedAndWhole;
beforeAll(async () => {
  const files = {
    'site.yaml': siteYaml(),
    'content/xuexi/a1.md': article(
      { title: '一月消息一', date: '2022-01-05 10:00', category: '学习' },
      `市民热线开通，市民反映问题。${filler}`,
    ),
    'content/xuexi/a2.md': article(
      { title: '一月消息二', date: '2022-01-06 10:00', category: '学习' },
      `${filler}${filler}`,
    ),
    'content/yaowen/b1.md': article(
      { title: '二月消息一', date: '2022-02-05 10:00', category: '要闻' },
      `市里召开会议。金华市发布通知。本市居民。市场繁荣。${filler}`,
    ),
    'content/yaowen/b2.md': article(
      { title: '二月消息二', date: '2022-02-06 10:00', category: '要闻' },
      `市 民 两字。${filler}`,
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

describe("a shard without a word does not answer with the word's prefix", () => {
  it('answers a word with the shards that have it, when any has', async () => {
    const one = await sites.ranked('市民', 'whole');
    expect(one.map((r) => r.title)).toEqual(['一月消息一']);
    const shards = await sites.ranked('市民', 'dist');
    expect(shards.map((r) => r.title)).toEqual(['一月消息一']);
    // The word's weight counts the pages that have it, not those of the prefix.
    expect(shards[0]?.score).toBeCloseTo(one[0]?.score ?? 0, 5);
  });

  it('keeps a search of several words to the shards that have each', async () => {
    // February has 会议 and only the prefix of 市民: the whole index finds nothing.
    expect(await sites.ranked('市民 会议', 'whole')).toEqual([]);
    expect(await sites.ranked('市民 会议', 'dist')).toEqual([]);
  });

  it('answers with the prefix where no shard has the word, as one whole index does', async () => {
    const one = (await sites.ranked('市长', 'whole')).map((r) => r.title);
    expect(one).toEqual(['二月消息一', '二月消息二']);
    expect((await sites.ranked('市长', 'dist')).map((r) => r.title)).toEqual(one);
  });
});

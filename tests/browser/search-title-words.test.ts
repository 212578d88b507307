/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ShardedAndWhole, shardedAndWhole } from '../helpers/sharded-and-whole.js';
import { article, siteYaml } from '../helpers/site.js';

// Pagefind does not segment metadata: to it a Chinese title is one word, which a search matches only
// where the title starts with the searched word. The records carry the title's words too
// (`title_words`), weighed as Pagefind weighs a title: an article whose title has the word in its
// middle ranks above one that only says it more often in its text.
const filler = '全市稳岗返岗工作稳步推进，企业复工复产有序开展，各地加快项目建设。';
let sites: ShardedAndWhole;
beforeAll(async () => {
  const files = {
    'site.yaml': siteYaml(),
    'content/xuexi/a.md': article(
      { title: '全市推进码头建设', date: '2022-01-10 10:00', category: '学习' },
      `新建一座码头。${filler}${filler}`,
    ),
    'content/yaowen/b.md': article(
      { title: '二月消息', date: '2022-02-10 10:00', category: '要闻' },
      `码头开工。码头扩建。码头物流。${filler}${filler}`,
    ),
    'content/yaowen/c.md': article(
      { title: '码头工程全面开工', date: '2022-03-18 09:00', category: '要闻' },
      `工程开工。${filler}${filler}`,
    ),
  };
  sites = await shardedAndWhole(files);
});
afterAll(() => sites?.close());

const titles = async (query: string, site: 'dist' | 'whole'): Promise<string[]> =>
  (await sites.ranked(query, site)).map((r) => r.title);

describe('the words of an article’s title', () => {
  it('rank it up wherever the searched word stands in the title, in shards and in one whole index', async () => {
    const whole = await titles('码头', 'whole');
    // Both titles with 码头 first (their order is the text's), the article that only says it more often last.
    expect(whole.slice(0, 2).sort()).toEqual(['全市推进码头建设', '码头工程全面开工']);
    expect(whole[2]).toBe('二月消息');
    expect(await titles('码头', 'dist')).toEqual(whole);
  });
});

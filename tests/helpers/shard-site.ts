import { article, siteYaml } from './site.js';

/** The first article of the shard site, January 2022, with the body given. */
export const januaryArticle = (body: string): string =>
  article({ title: '一月的文章', date: '2022-01-10 10:00', category: '学习' }, body);

/**
 * A small site whose index has four shards when split from its first article
 * (GAZETTE_SEARCH_SHARDS_FROM=1; see src/search/shard-plan.ts): the first ten days (上旬) of
 * January, February and March 2022, and the newest day, 18 March, in a shard of its own.
 */
export const shardSiteFiles = (): Record<string, string> => ({
  'site.yaml': siteYaml(),
  'content/xuexi/a.md': januaryArticle('稳岗返岗。'),
  'content/yaowen/b1.md': article(
    { title: '二月的文章', date: '2022-02-10 10:00', category: '要闻' },
    '春风行动。',
  ),
  'content/yaowen/b2.md': article(
    { title: '二月的另一篇', date: '2022-02-09 10:00', category: '要闻' },
    '樟树湾码头。',
  ),
  'content/xuexi/c.md': article(
    { title: '三月的文章', date: '2022-03-05 10:00', category: '学习' },
    '技能培训。',
  ),
  'content/yaowen/d.md': article(
    { title: '最新的文章', date: '2022-03-18 09:00', category: '要闻' },
    '稳岗补贴。',
  ),
});

/** The shards of shardSiteFiles, oldest first (the index lists them newest first). */
export const SHARDS = ['2022-01-1', '2022-02-1', '2022-03-1', '2022-03-18'];

/// <reference lib="dom" />
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.js';
import { article, makeSite, removeSite, runCli, siteYaml } from '../helpers/site.js';
import { type StaticServer, serveStatic } from '../helpers/static-server.js';

// Shards of different sizes: January's first ten days have four articles, one of them with 樟树湾 once; February one
// article with 樟树湾 three times; the newest day one article without it. One whole index ranks
// February's article first (the word is in two of six articles, more often in February's). Each shard
// weighs the word by its own share of pages (1 of 4 in January, 1 of 1 in February), which the
// loader must undo with the shards' sizes, not with how many of their pages have the word.
const filler = '全市稳岗返岗工作稳步推进，企业复工复产有序开展，各地加快项目建设。';
let root: string;
let whole: string;
let server: StaticServer;
let browser: Browser;
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
  // The same articles twice: in shards, and (split from 500 articles on) in one whole index.
  root = makeSite(files);
  whole = makeSite(files);
  for (const [site, from] of [
    [root, '1'],
    [whole, '500'],
  ] as const) {
    process.env.GAZETTE_SEARCH_SHARDS_FROM = from;
    const run = await runCli([
      'build',
      '--root',
      site,
      '--out',
      path.join(root, from === '1' ? 'dist' : 'whole'),
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  }
  [server, browser] = await Promise.all([serveStatic(root), launchBrowser()]);
});
afterAll(async () => {
  delete process.env.GAZETTE_SEARCH_SHARDS_FROM;
  await browser?.close();
  await server?.close();
  if (root) removeSite(root);
  if (whole) removeSite(whole);
});

/** The titles Pagefind's module (the one the search page imports) returns for `query`, in order. */
async function ranked(query: string, site: 'dist' | 'whole'): Promise<string[]> {
  const page = await browser.newPage();
  await page.goto(`${server.url}${site}/`);
  // A string, not a function: the test's transform would rewrite a function's import().
  const titles = (await page.evaluate(`(async () => {
    const pagefind = await import('/${site}/pagefind/pagefind.js');
    await pagefind.options({});
    const found = await pagefind.search(${JSON.stringify(query)});
    return Promise.all(found.results.map(async (r) => (await r.data()).meta.title));
  })()`)) as string[];
  await page.close();
  return titles;
}

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

/// <reference lib="dom" />
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.js';
import { article, makeSite, removeSite, runCli, siteYaml } from '../helpers/site.js';
import { type StaticServer, serveStatic } from '../helpers/static-server.js';

// Shards whose articles differ in length: January's first ten days have short articles, February's
// long ones. 湖畔 is once in one article of each, January's the shorter. One whole index ranks
// January's first: Pagefind (BM25) favours the shorter page, against the site's average length. Each
// shard measures its pages against its own average instead: January's is longer than most of its
// shard, February's shorter than most of its own, so February's came first from the shards.
const filler = '全市稳岗返岗工作稳步推进，企业复工复产有序开展，各地加快项目建设。';
let root: string;
let whole: string;
let server: StaticServer;
let browser: Browser;
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

/** The titles and scores Pagefind's module (the one the search page imports) returns for `query`. */
async function ranked(query: string, site: 'dist' | 'whole'): Promise<{ title: string; score: number }[]> {
  const page = await browser.newPage();
  await page.goto(`${server.url}${site}/`);
  // A string, not a function: the test's transform would rewrite a function's import().
  const found = (await page.evaluate(`(async () => {
    const pagefind = await import('/${site}/pagefind/pagefind.js');
    await pagefind.options({});
    const found = await pagefind.search(${JSON.stringify(query)});
    return Promise.all(found.results.map(async (r) => ({ title: (await r.data()).meta.title, score: r.score })));
  })()`)) as { title: string; score: number }[];
  await page.close();
  return found;
}

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

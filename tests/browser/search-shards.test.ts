/// <reference lib="dom" />
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.js';
import { januaryArticle, shardSiteFiles } from '../helpers/shard-site.js';
import { makeSite, removeSite, runCli, writeFiles } from '../helpers/site.js';
import { type StaticServer, serveStatic } from '../helpers/static-server.js';

// A site whose index has four shards (the first ten days of January, February and March 2022, and the
// newest day), served as a static host would serve it, searched from its own search page as a reader does.
let root: string;
let server: StaticServer;
let browser: Browser;
let page: Page;
const build = async () => {
  const run = await runCli(['build', '--root', root]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
};
beforeAll(async () => {
  // A site this small has one shard, unless told to split from its first article.
  process.env.GAZETTE_SEARCH_SHARDS_FROM = '1';
  root = makeSite(shardSiteFiles());
  await build();
  [server, browser] = await Promise.all([serveStatic(path.join(root, 'dist')), launchBrowser()]);
  const context = await browser.newContext();
  context.setDefaultTimeout(10_000);
  page = await context.newPage();
});
afterAll(async () => {
  delete process.env.GAZETTE_SEARCH_SHARDS_FROM;
  await browser?.close();
  await server?.close();
  if (root) removeSite(root);
});

/** The titles the search page lists for `query`, once Pagefind has answered. */
async function titlesFor(query: string): Promise<string[]> {
  await page.goto(`${server.url}search/?q=${encodeURIComponent(query)}`);
  const message = page.locator('.pagefind-ui__message');
  await message.waitFor();
  // 正在搜索 … while Pagefind loads; then 未找到 … or 找到 N 个 … of which N are listed.
  await expect.poll(() => message.textContent(), { timeout: 20_000 }).not.toMatch(/^正在搜索/);
  const count = Number(/(\d+)/.exec((await message.textContent()) ?? '')?.[1] ?? 0);
  const links = page.locator('.pagefind-ui__result-link');
  await expect.poll(() => links.count(), { timeout: 10_000 }).toBe(count);
  return (await links.allTextContents()).sort();
}

describe('the search page over a sharded index', () => {
  it('finds an old article by a word only its new text has, after a rebuild', async () => {
    expect(await titlesFor('桂花岛')).toEqual([]);
    writeFiles(root, { 'content/xuexi/a.md': januaryArticle('稳岗返岗。桂花岛的新消息。') });
    await build();
    expect(await titlesFor('桂花岛')).toEqual(['一月的文章']);
  });

  it('finds articles of several shards for one word, and the 栏目 filter narrows them', async () => {
    expect(await titlesFor('稳岗')).toEqual(['一月的文章', '最新的文章']);
    const filters = page.locator('.pagefind-ui__filter-block');
    expect(await filters.locator('summary').textContent()).toBe('栏目');
    await filters.getByLabel(/^学习/).check();
    await expect
      .poll(() => page.locator('.pagefind-ui__result-link').allTextContents())
      .toEqual(['一月的文章']);
  });

  it('lists for several words only articles that have them all, though one shard has none of one word', async () => {
    // The newest day's shard has 稳岗 and not 桂花岛: by itself, Pagefind would leave 桂花岛 out there.
    expect(await titlesFor('桂花岛 稳岗')).toEqual(['一月的文章']);
  });

  it('no longer finds a deleted article', async () => {
    expect(await titlesFor('樟树湾')).toEqual(['二月的另一篇']);
    rmSync(path.join(root, 'content/yaowen/b2.md'));
    await build();
    expect(await titlesFor('樟树湾')).toEqual([]);
  });
});

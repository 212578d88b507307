/// <reference lib="dom" />
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type RunningDevServer, startDevServer } from '../../src/dev/dev-server.js';
import { launchBrowser } from '../helpers/browser.js';
import { article, makeSite, siteYaml } from '../helpers/site.js';

let root: string;
let server: RunningDevServer;
let browser: Browser;

beforeAll(async () => {
  root = makeSite({
    'site.yaml': siteYaml(),
    'content/xuexi/a.md': article({ title: '原来的标题', date: '2022-03-01 09:00', category: '学习' }),
  });
  server = await startDevServer({ root, host: '127.0.0.1', port: 0, log: () => {} });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

it('an edit shows in the open page without touching the browser, and an error shows over it', async () => {
  const page = await browser.newPage();
  await page.goto(new URL('/xuexi/2022/03/a/', server.url).href);
  await expect.poll(() => page.textContent('h1')).toBe('原来的标题');
  // Wait until the page listens for rebuilds before editing.
  await page.waitForFunction(() => document.documentElement.dataset.gazetteLive === 'connected');

  const started = Date.now();
  writeFileSync(
    path.join(root, 'content/xuexi/a.md'),
    article({ title: '编辑后的标题', date: '2022-03-01 09:00', category: '学习' }),
  );
  await page.waitForFunction(() => document.querySelector('h1')?.textContent === '编辑后的标题', undefined, {
    timeout: 10_000,
  });
  const ms = Date.now() - started;
  expect(ms).toBeLessThan(10_000); // reported, not a benchmark: see `npm run bench` for timings

  writeFileSync(
    path.join(root, 'content/xuexi/a.md'),
    '---\ntitle: 坏\ndate: 2022-13-01 09:00\ncategory: 学习\n---\n',
  );
  const problem = page.locator('gazette-error-overlay li.problem');
  await problem.waitFor({ timeout: 10_000 });
  expect(await problem.locator('a.where').textContent()).toBe('content/xuexi/a.md:3:7');
  expect(await page.textContent('h1')).toBe('编辑后的标题');

  writeFileSync(
    path.join(root, 'content/xuexi/a.md'),
    article({ title: '修好了', date: '2022-03-01 09:00', category: '学习' }),
  );
  await page.waitForFunction(
    () =>
      document.querySelector('h1')?.textContent === '修好了' &&
      !document.querySelector('gazette-error-overlay'),
    undefined,
    { timeout: 10_000 },
  );
});

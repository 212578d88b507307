/// <reference lib="dom" />
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../helpers/axe.js';
import { launchBrowser } from '../helpers/browser.js';
import { makeSite, runCli } from '../helpers/site.js';
import { type StaticServer, serveStatic } from '../helpers/static-server.js';

// 信息公开 (issue 20, part 3) in Chromium: the fields above the title and a `disclosure: required`
// category's table list stay within a phone's 390 px (no sideways scrolling, even with long 索引号
// and 文号), keep their labels, and axe-core finds no serious or critical violation.

const policy = (title: string, index: string, number: string) => `---
title: ${title}
date: 2022-03-02 10:00
category: 政策文件
disclosure:
  index: ${index}
  publisher: 金华市人民政府办公室
  topic: 劳动、人事、监察
  written: 2022-02-28
  number: ${number}
  validity: 有效
---

正文。
`;

const root = makeSite({
  'site.yaml': `title: 测试新闻网
baseUrl: https://news.example.cn/
categories:
  - name: 政策文件
    slug: zhengce
    disclosure: required
`,
  'content/zhengce/a.md': policy(
    '金华市人民政府办公室关于印发金华市促进就业创业若干政策措施的通知',
    '002542567/2022-00123',
    '金政办发〔2022〕5号',
  ),
  // No spaces to break at: what overflows a table first.
  'content/zhengce/b.md': policy(
    '关于进一步加强和改进全市重大建设项目全生命周期管理工作的实施意见',
    'JH-0025425670000000000000000000/2022-000000000000131',
    '金华市人民政府办公室金政办发〔2022〕123456号',
  ),
});

let server: StaticServer;
let browser: Browser;
beforeAll(async () => {
  const run = await runCli(['build', '--root', root, '--no-search', '--quiet']);
  expect(run.code, run.stderr).toBe(0);
  [server, browser] = await Promise.all([serveStatic(path.join(root, 'dist')), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

describe.each([390, 1280])('信息公开 at %i px', (width) => {
  let page: Page;
  beforeAll(async () => {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    context.setDefaultTimeout(10_000);
    page = await context.newPage();
  });
  afterAll(async () => page?.context().close());

  it.each([
    ['the list', 'zhengce/', '.disclosure-list'],
    ['an article', 'zhengce/2022/03/b/', '.disclosure'],
  ])('%s fits the screen, and has no serious violation', async (_name, url, table) => {
    await page.goto(server.url + url);
    await page.waitForLoadState('load');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    const box = await page.locator(table).boundingBox();
    expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 0) <= width).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('labels each cell of the list: a column head on wide screens, the label before it on narrow ones', async () => {
    await page.goto(`${server.url}zhengce/`);
    const head = await page.locator('.disclosure-list thead').boundingBox();
    const label = await page
      .locator('.disclosure-list tbody td[data-label="文号"]')
      .first()
      .evaluate((td) => getComputedStyle(td, '::before').content);
    if (width < 640) {
      expect(head?.height ?? 0).toBeLessThanOrEqual(1);
      expect(label).toBe('"文号："');
    } else {
      expect(head?.height ?? 0).toBeGreaterThan(20);
      expect(label).toBe('none');
    }
  });
});

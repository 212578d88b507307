/// <reference lib="dom" />
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../helpers/axe.js';
import { launchBrowser } from '../helpers/browser.js';
import { article, makeSite, REPO, runCli } from '../helpers/site.js';
import { type StaticServer, serveStatic } from '../helpers/static-server.js';

// The parts of a government portal a reader sees (issue 20): the logo, the footer's 主办, 承办,
// 网站标识码 and badges, 联系我们, and a captioned image, in Chromium at a phone's and a desktop's
// width, with axe-core finding no serious or critical violation.

const PICTURE = readFileSync(path.join(REPO, 'content/minsheng/images/chunyun-zhuanxian.png'));

const root = makeSite({
  'site.yaml': `title: 测试新闻网
description: 测试市的新闻门户。
baseUrl: https://news.example.cn/
categories:
  - name: 学习
    slug: xuexi
logo: /assets/logo.png
icp: 浙ICP备12345678号
gov:
  siteCode: "3307000001"
  organizer: 金华市人民政府办公室
  operator: 金华市大数据发展管理局
  contact: { phone: 0579-82468000, email: web@jinhua.example.cn, address: 金华市双龙南街 }
  badge: { href: "https://bszs.conac.cn/sitename?method=show&id=1", image: /assets/dzjg.png }
  findError: https://zfwzzc.www.gov.cn/
`,
  'public/assets/logo.png': PICTURE,
  'public/assets/dzjg.png': PICTURE,
  'content/xuexi/images/a.png': PICTURE,
  'content/xuexi/a.md': article(
    { title: '好文章', date: '2022-03-01 10:00', category: '学习' },
    '正文第一段。\n\n![春运专线](images/a.png "春运首日的专线客车")\n',
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

describe.each([390, 1280])('a government portal at %i px', (width) => {
  let page: Page;
  beforeAll(async () => {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    context.setDefaultTimeout(10_000);
    page = await context.newPage();
  });
  afterAll(async () => page?.context().close());

  it.each([
    ['home', ''],
    ['article', 'xuexi/2022/03/a/'],
    ['联系我们', 'contact/'],
  ])('has no serious violation on the %s page', async (_name, url) => {
    await page.goto(server.url + url);
    await page.waitForLoadState('load');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows the logo at its height beside the name, and the footer’s parts within the page', async () => {
    await page.goto(server.url);
    await page.waitForLoadState('load');
    const logo = await page.locator('.site-logo').boundingBox();
    expect(logo?.height).toBe(48);
    const badge = await page.locator('.gov-badge img').boundingBox();
    expect(badge?.height).toBe(56);
    for (const part of ['.gov-info', '.gov-badges', '.beian']) {
      const box = await page.locator(part).boundingBox();
      expect(box, part).not.toBeNull();
      expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 0) <= width, part).toBe(true);
    }
    // Nothing wider than the screen: no sideways scrolling on a phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  });

  it('shows the caption under its picture, no wider than the text', async () => {
    await page.goto(`${server.url}xuexi/2022/03/a/`);
    const img = await page.locator('.article-body figure img').boundingBox();
    const caption = await page.locator('.article-body figcaption').boundingBox();
    const body = await page.locator('.article-body').boundingBox();
    expect(await page.locator('.article-body figcaption').textContent()).toBe('春运首日的专线客车');
    expect(caption?.y ?? 0).toBeGreaterThanOrEqual((img?.y ?? 0) + (img?.height ?? 0));
    expect(img?.width ?? 0).toBeLessThanOrEqual(body?.width ?? 0);
  });
});

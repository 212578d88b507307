/// <reference lib="dom" />
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../helpers/axe.js';
import { launchBrowser, searchResultsShown } from '../helpers/browser.js';
import { type ServedSite, serveSampleSite } from '../helpers/served-site.js';
import { article, makeSite, REPO, runCli, siteYaml } from '../helpers/site.js';
import { serveStatic } from '../helpers/static-server.js';

const ARTIFACTS = path.join(REPO, 'test-artifacts');

let site: ServedSite;
let browser: Browser;
let context: BrowserContext;
let page: Page;
beforeAll(async () => {
  [site, browser] = await Promise.all([serveSampleSite(), launchBrowser()]);
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(10_000);
  page = await context.newPage();
  mkdirSync(ARTIFACTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('accessibility (axe-core in headless Chromium): no serious or critical violations', () => {
  it.each([
    ['home', ''],
    ['category', 'xuexi/'],
    ['article', 'minsheng/2022/01/chunyun-zhuanxian/'],
    ['tag index', 'tags/'],
    ['tag', 'tags/jiu-ye/'],
    ['archive', 'archive/'],
    ['archive year', 'archive/2022/'],
    ['archive month', 'archive/2022/03/'],
    ['site map', 'sitemap/'],
  ])('on the %s page', async (_name, url) => {
    await page.goto(site.url + url);
    // After the deferred scripts: the article's toolbar is shown by then.
    await page.waitForLoadState('load');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('on the search page, with results and the filter shown', async () => {
    await page.goto(`${site.url}search/?q=${encodeURIComponent('返岗')}`);
    await page.locator('.pagefind-ui__result').first().waitFor({ timeout: 10_000 });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('on page 10 of a long list, whose page links leave gaps (…)', async () => {
    // 60 articles at siteYaml's two a page: 30 pages of 学习, of which page 10 names 1, 8–12 and 30.
    const files: Record<string, string> = { 'site.yaml': siteYaml() };
    for (let n = 0; n < 60; n++)
      files[`content/a${n}.md`] = article(
        {
          title: `第${n}篇`,
          date: `2022-03-${String((n % 28) + 1).padStart(2, '0')} 10:00`,
          category: '学习',
        },
        '正文。',
      );
    const root = makeSite(files);
    try {
      expect((await runCli(['build', '--root', root, '--no-search', '--quiet'])).code).toBe(0);
      const server = await serveStatic(path.join(root, 'dist'));
      try {
        await page.goto(`${server.url}xuexi/page/10/`);
        const shown = await page.locator('.page-numbers li').allTextContents();
        expect(shown.map((t) => t.trim())).toEqual(['1', '…', '8', '9', '10', '11', '12', '…', '30']);
        expect(await seriousViolations(page)).toEqual([]);
      } finally {
        await server.close();
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('on the 404 page a static host serves for a missing address', async () => {
    const response = await page.goto(`${site.url}no/such/page/`);
    expect(response?.status()).toBe(404);
    expect(await page.textContent('h1')).toBe('抱歉，您访问的页面不存在');
    expect(await seriousViolations(page)).toEqual([]);
  });
});

/** Every page type, and how to wait until it is complete. */
const PAGES: ReadonlyArray<readonly [name: string, url: string]> = [
  ['home', ''],
  ['category', 'xuexi/'],
  ['article', 'minsheng/2022/01/chunyun-zhuanxian/'],
  ['tag', 'tags/jiu-ye/'],
  ['archive year', 'archive/2022/'],
  ['site map', 'sitemap/'],
  ['search', `search/?q=${encodeURIComponent('返岗')}`],
  ['404', 'no/such/page/'],
];
async function open(url: string): Promise<void> {
  await page.goto(site.url + url);
  await page.waitForLoadState('load');
  if (url.startsWith('search/')) await searchResultsShown(page);
}

describe('for older readers and keyboard users', () => {
  it('has the landmarks, and a skip link as the first stop of the keyboard, which moves to the content', async () => {
    await open('xuexi/2022/03/jinhua-yonggong/');
    expect(await page.getByRole('banner').count()).toBe(1);
    expect(await page.getByRole('main').count()).toBe(1);
    expect(await page.getByRole('contentinfo').count()).toBe(1);
    expect(await page.getByRole('navigation', { name: '栏目导航' }).count()).toBe(1);
    expect(await page.getByRole('search').count()).toBe(1);

    const skip = page.locator('.skip-link');
    expect((await skip.boundingBox())?.y).toBeLessThan(0);
    await page.keyboard.press('Tab');
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await skip.textContent()).toBe('跳到正文');
    // Off screen until focused, then (after a short slide) in view.
    await expect.poll(async () => (await skip.boundingBox())?.y).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
  });

  it('shows a clear outline on whatever the keyboard is on', async () => {
    await open('xuexi/2022/03/jinhua-yonggong/');
    const seen = new Set<string>();
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const style = getComputedStyle(el);
        return {
          what: `${el.tagName.toLowerCase()}.${el.className}`,
          outline: style.outlineStyle,
          width: Number.parseFloat(style.outlineWidth),
        };
      });
      seen.add(focused.what.split('.')[0] ?? '');
      expect(focused.outline, focused.what).not.toBe('none');
      expect(focused.width, focused.what).toBeGreaterThanOrEqual(2);
    }
    // Links, the search box and its button all had their turn.
    expect([...seen].sort()).toEqual(['a', 'button', 'input']);
  });

  it.each([
    [390, 844],
    [1280, 900],
  ])(
    'shows all text at 16px or more, running text with a line height of about 1.8, at %i×%i',
    async (width, height) => {
      await page.setViewportSize({ width, height });
      try {
        for (const [name, url] of PAGES) {
          await open(url);
          const measured = await page.evaluate(() => {
            const small: string[] = [];
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              const el = node.parentElement;
              if (!el || !node.textContent?.trim()) continue;
              const box = el.getBoundingClientRect();
              // Only what a reader sees (not the skip link or labels for screen readers).
              if (box.width <= 1 || box.height <= 1 || el.closest('[hidden], .skip-link')) continue;
              const size = Number.parseFloat(getComputedStyle(el).fontSize);
              if (size < 16)
                small.push(
                  `${size}px: ${el.tagName.toLowerCase()}.${el.className} "${node.textContent.trim()}"`,
                );
            }
            const running = document.querySelectorAll('.article-body p, .entry-summary, .not-found p');
            const ratios = Array.from(running, (el) => {
              const style = getComputedStyle(el);
              return Number.parseFloat(style.lineHeight) / Number.parseFloat(style.fontSize);
            });
            return { small, ratios };
          });
          expect(measured.small, name).toEqual([]);
          for (const ratio of measured.ratios) {
            expect(ratio, name).toBeGreaterThanOrEqual(1.7);
            expect(ratio, name).toBeLessThanOrEqual(1.9);
          }
          if (['article', 'category', 'tag'].includes(name))
            expect(measured.ratios.length, name).toBeGreaterThan(0);
        }
      } finally {
        await page.setViewportSize({ width: 1280, height: 900 });
      }
    },
  );

  it('loads nothing from outside the site on any page (no tracking, no external fonts or scripts)', async () => {
    const outside: string[] = [];
    const listen = (request: { url(): string }) => {
      if (!request.url().startsWith(site.url)) outside.push(request.url());
    };
    page.on('request', listen);
    try {
      for (const [, url] of PAGES) await open(url);
    } finally {
      page.off('request', listen);
    }
    expect(outside).toEqual([]);
  });
});

describe('screenshots (test-artifacts/, for people to look at)', () => {
  it.each([
    [390, 844],
    [1280, 900],
  ])('of the home and article pages at %i×%i', async (width, height) => {
    await page.setViewportSize({ width, height });
    for (const [name, url] of [
      ['home', ''],
      ['article', 'minsheng/2022/01/chunyun-zhuanxian/'],
    ] as const) {
      await page.goto(site.url + url);
      await page.waitForLoadState('load');
      const file = path.join(ARTIFACTS, `${name}-${width}x${height}.png`);
      expect((await page.screenshot({ path: file })).byteLength).toBeGreaterThan(10_000);
    }
  });
});

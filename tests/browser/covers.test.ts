/// <reference lib="dom" />
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../helpers/axe.js';
import { launchBrowser } from '../helpers/browser.js';
import { type ServedSite, serveSampleSite } from '../helpers/served-site.js';
import { REPO } from '../helpers/site.js';

// Covers where other pages show them (issue 20, section 5), on the sample site in Chromium at a
// phone's and a desktop's width, with 长者模式 off and on: the home page's 图片新闻 block and the
// thumbnails of the list pages are on screen, loaded, at their own shape, within the page's width,
// and axe finds no serious or critical violation.

const ARTIFACTS = path.join(REPO, 'test-artifacts');

let site: ServedSite;
let browser: Browser;
beforeAll(async () => {
  [site, browser] = await Promise.all([serveSampleSite(['--no-search']), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** Each image of `selector`: loaded, and drawn at its file's own shape (within a pixel). */
async function pictures(page: Page, selector: string) {
  // Lazy images load when near the screen: scroll each into view, as a reader does.
  for (const img of await page.locator(selector).all()) await img.scrollIntoViewIfNeeded();
  await page.waitForFunction(
    (s) =>
      Array.from(document.querySelectorAll<HTMLImageElement>(s)).every(
        (i) => i.complete && i.naturalWidth > 0,
      ),
    selector,
  );
  return page.locator(selector).evaluateAll((imgs) =>
    (imgs as HTMLImageElement[]).map((i) => {
      const box = i.getBoundingClientRect();
      return {
        src: i.getAttribute('src') ?? '',
        natural: i.naturalWidth / i.naturalHeight,
        drawnHeight: box.height,
        expectedHeight: (box.width * i.naturalHeight) / i.naturalWidth,
        width: box.width,
        right: box.right + window.scrollX,
      };
    }),
  );
}

const noOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe.each([
  [390, false],
  [1280, false],
  [390, true],
  [1280, true],
])('covers at %i px, 长者模式 %s', (width, elder) => {
  let page: Page;
  beforeAll(async () => {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    context.setDefaultTimeout(10_000);
    // The reader's choice, as toolbar.js stores it: the mode is on from the first paint.
    if (elder) await context.addInitScript(() => localStorage.setItem('gazette-elder-mode', 'on'));
    page = await context.newPage();
  });
  afterAll(async () => page?.context().close());

  it('shows the home page’s 图片新闻: five pictures, the first large and eager, all loaded at their shape', async () => {
    await page.goto(site.url);
    await page.waitForLoadState('load');
    expect(await page.evaluate(() => document.documentElement.dataset.elder === 'on')).toBe(elder);
    const block = page.getByRole('region', { name: '图片新闻' });
    await expect.poll(() => block.isVisible()).toBe(true);
    const shown = await pictures(page, '.picture-news img');
    expect(shown).toHaveLength(5);
    for (const p of shown) expect(Math.abs(p.drawnHeight - p.expectedHeight), p.src).toBeLessThan(1.5);
    for (const p of shown) expect(p.right, p.src).toBeLessThanOrEqual(width);
    // The newest picture is the largest: on a phone across the block, on a desktop beside the others.
    const [lead, ...others] = shown;
    for (const p of others) expect(lead?.width ?? 0).toBeGreaterThan(p.width);
    expect(await page.locator('.picture-lead img').getAttribute('loading')).toBe('eager');
    expect(await noOverflow(page)).toBeLessThanOrEqual(width);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, `covers-home-${width}${elder ? '-elder' : ''}.png`) });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it.each([
    ['category', 'minsheng/'],
    ['tag', 'tags/jiu-ye/'],
    ['archive month', 'archive/2022/03/'],
  ])('shows a thumbnail beside each entry with a cover on the %s page', async (_name, url) => {
    await page.goto(site.url + url);
    await page.waitForLoadState('load');
    const shown = await pictures(page, '.entry-thumb img');
    expect(shown.length).toBeGreaterThan(0);
    for (const p of shown) {
      expect(Math.abs(p.drawnHeight - p.expectedHeight), p.src).toBeLessThan(1.5);
      expect(p.right, p.src).toBeLessThanOrEqual(width);
    }
    // Beside the title, not above it: the thumbnail's left edge is right of the title's.
    const entry = page.locator('.entry.has-thumb').first();
    const title = await entry.locator('.entry-title').boundingBox();
    const thumb = await entry.locator('.entry-thumb').boundingBox();
    expect(thumb?.x ?? 0).toBeGreaterThan((title?.x ?? 0) + (title?.width ?? 0) - 1);
    expect(await noOverflow(page)).toBeLessThanOrEqual(width);
    if (url === 'minsheng/') {
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({
        path: path.join(ARTIFACTS, `covers-list-${width}${elder ? '-elder' : ''}.png`),
      });
    }
    expect(await seriousViolations(page)).toEqual([]);
  });
});

/// <reference lib="dom" />
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.js';
import { type ServedSite, serveSampleSite } from '../helpers/served-site.js';
import { REPO } from '../helpers/site.js';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
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

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[]; failureSummary?: string }>;
}

/** Runs axe-core in the page and returns its serious and critical violations, readable in a failure. */
async function seriousViolations(): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  type Axe = { run(options: object): Promise<{ violations: AxeViolation[] }> };
  // Violations only: axe skips the details of what passed, which is most of its time.
  const violations = await page.evaluate(
    async () =>
      (await (window as unknown as { axe: Axe }).axe.run({ resultTypes: ['violations'] })).violations,
  );
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `  ${JSON.stringify(n.target)}: ${n.failureSummary ?? ''}`).join('\n')}`,
    );
}

describe('accessibility (axe-core in headless Chromium): no serious or critical violations', () => {
  it.each([
    ['home', ''],
    ['category', 'xuexi/'],
    ['article', 'minsheng/2022/01/chunyun-zhuanxian/'],
  ])('on the %s page', async (_name, url) => {
    await page.goto(site.url + url);
    // After the deferred scripts: the article's toolbar is shown by then.
    await page.waitForLoadState('load');
    expect(await seriousViolations()).toEqual([]);
  });

  it('on the search page, with results and the filter shown', async () => {
    await page.goto(`${site.url}search/?q=${encodeURIComponent('返岗')}`);
    await page.locator('.pagefind-ui__result').first().waitFor({ timeout: 10_000 });
    expect(await seriousViolations()).toEqual([]);
  });

  it('on the 404 page a static host serves for a missing address', async () => {
    const response = await page.goto(`${site.url}no/such/page/`);
    expect(response?.status()).toBe(404);
    expect(await page.textContent('h1')).toBe('抱歉，您访问的页面不存在');
    expect(await seriousViolations()).toEqual([]);
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

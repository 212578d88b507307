/// <reference lib="dom" />
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningDevServer, startDevServer } from '../../src/dev/dev-server.js';
import { ReloadHub } from '../../src/dev/live-reload.js';
import { createServer } from '../../src/dev/server.js';
import { launchBrowser } from '../helpers/browser.js';
import { article, makeSite, REPO, siteYaml } from '../helpers/site.js';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const ARTIFACTS = path.join(REPO, 'test-artifacts');

// A long file name (one word, no place to break) and a long value in its message and hint.
const DATED = 'content/xuexi/2022-03-01-shisijie-quanguo-renmin-daibiao-dahui-diyici-huiyi-kaimu.md';
const LONG_DATE = '2022-3-1 上午9点，第十四届全国人民代表大会第一次会议在北京人民大会堂开幕当天的新闻发布会';
const CATEGORY = 'content/yaowen/b.md';
// An article's own text, quoted by a message, must stay text: as HTML, the image would run its onerror.
const BAD_CATEGORY = '体育<img src=x onerror=window.__gazettePwned=1>';
// A warning alone does not stop a build, but a failed build's screen lists it too, after the errors.
const WARNED = 'content/xuexi/c.md';
const warned = article({ title: '摘要拼错', date: '2022-03-02 09:00', category: '学习', sumary: '摘要' });

// The suite runs in English (GAZETTE_LANG=en): the screen's own words are English too, as for an
// English site; the Chinese ones are checked with a server told to speak Chinese, below.
const EXPECTED = [
  {
    kind: 'Error',
    at: `${DATED}:3:7`,
    message: `cannot read the date "${LONG_DATE}"`,
    hint: 'use two digits for month and day (2022-03-01); write it like 2022-03-01 16:59:26 (site time) or 2022-03-01T16:59:26+08:00',
  },
  {
    kind: 'Error',
    at: `${CATEGORY}:4:11`,
    message: `unknown category "${BAD_CATEGORY}"`,
    hint: 'use one of: 学习, 要闻 (or add it to site.yaml)',
  },
  {
    kind: 'Warning',
    at: `${WARNED}:5:1`,
    message: 'unknown front matter key "sumary"',
    hint: 'did you mean "summary"?',
  },
];

/**
 * A theme's CSS that would spoil an overlay made of ordinary elements: hidden, tiny, unreadable
 * colours. The error screen must look the same whatever the site's CSS.
 */
const HOSTILE_CSS = `
  html { font-size: 8px !important; }
  * { color: #ff0 !important; background: #f0f !important; font: 9px/1 serif !important; }
  div, section, h2, p, ol, li, a, span, button { display: none !important; }
  body > *:last-child, gazette-error-overlay { display: none !important; opacity: 0 !important; }
`;

const good = (title: string, category: string) => article({ title, date: '2022-03-01 09:00', category });

let root: string;
let server: RunningDevServer;
let browser: Browser;
let context: BrowserContext;
const log: string[] = [];

beforeAll(async () => {
  root = makeSite({
    'site.yaml': siteYaml(),
    [DATED]: good('人代会开幕', '学习'),
    [CATEGORY]: good('要闻一则', '要闻'),
    [WARNED]: warned,
  });
  mkdirSync(ARTIFACTS, { recursive: true });
  [server, browser] = await Promise.all([
    startDevServer({ root, host: '127.0.0.1', port: 0, log: (l) => log.push(l) }),
    launchBrowser(),
  ]);
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(10_000);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

const write = (rel: string, text: string) => writeFileSync(path.join(root, rel), text);
const connected = (page: Page) =>
  page.waitForFunction(() => document.documentElement.dataset.gazetteLive === 'connected');

/** The problems the error screen lists, as a reader sees them (Playwright's CSS reaches into the shadow root). */
async function listed(page: Page) {
  const items = page.locator('gazette-error-overlay li.problem');
  const out = [];
  for (let i = 0; i < (await items.count()); i++) {
    const item = items.nth(i);
    out.push({
      kind: await item.locator('.badge').textContent(),
      at: await item.locator('a.where').textContent(),
      href: await item.locator('a.where').getAttribute('href'),
      message: await item.locator('.message').textContent(),
      hint: await item.locator('.hint-text').textContent(),
    });
  }
  return out;
}

interface AxeResult {
  violations: Array<{
    id: string;
    help: string;
    nodes: Array<{ target: unknown[]; failureSummary?: string }>;
  }>;
  passes: Array<{ id: string; nodes: unknown[] }>;
}

/** axe-core's violations in the error screen (its shadow root included), and how many nodes had their contrast checked. */
async function axeOnOverlay(page: Page) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(c: Element): Promise<AxeResult> } }).axe;
    return axe.run(document.querySelector('gazette-error-overlay') as Element);
  });
  return {
    violations: result.violations.map(
      (v) =>
        `${v.id}: ${v.help}\n${v.nodes.map((n) => `  ${JSON.stringify(n.target)}: ${n.failureSummary ?? ''}`).join('\n')}`,
    ),
    contrastChecked: result.passes.find((p) => p.id === 'color-contrast')?.nodes.length ?? 0,
  };
}

/** Widths that overflow, and text set smaller than 16px, in the page and the error screen. */
function layoutFaults(page: Page) {
  return page.evaluate(() => {
    const host = document.querySelector('gazette-error-overlay') as HTMLElement;
    const shadow = host.shadowRoot as ShadowRoot;
    const faults: string[] = [];
    const boxes: Array<[string, Element]> = [
      ['document', document.documentElement],
      ['screen', shadow.querySelector('.backdrop') as Element],
      ['panel', shadow.querySelector('[role="alertdialog"]') as Element],
      ...Array.from(
        shadow.querySelectorAll('li.problem'),
        (li, i) => [`problem ${i + 1}`, li] as [string, Element],
      ),
    ];
    for (const [name, el] of boxes)
      if (el.scrollWidth > el.clientWidth)
        faults.push(`${name}: scrollWidth ${el.scrollWidth} > ${el.clientWidth}`);
    const walker = document.createTreeWalker(shadow, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || el.tagName === 'STYLE' || !node.textContent?.trim()) continue;
      const size = Number.parseFloat(getComputedStyle(el).fontSize);
      if (size < 16) faults.push(`${size}px: "${node.textContent.trim()}"`);
    }
    return faults;
  });
}

describe('the error screen of the dev server (headless Chromium)', () => {
  it('lists every problem with where, what and what to do, readable at 390 and 1280 px, until all are fixed', async () => {
    const page = await context.newPage();
    await page.goto(new URL('/yaowen/2022/03/b/', server.url).href);
    await connected(page);
    await page.addStyleTag({ content: HOSTILE_CSS });

    write(DATED, article({ title: '人代会开幕', date: LONG_DATE, category: '学习' }));
    write(CATEGORY, article({ title: '要闻一则', date: '2022-03-01 09:00', category: BAD_CATEGORY }));
    const items = page.locator('gazette-error-overlay li.problem');
    // The two saves may come as one rebuild or two: the screen ends up listing both.
    await expect.poll(() => items.count(), { timeout: 10_000 }).toBe(3);

    const dialog = page.getByRole('alertdialog', {
      name: 'The build failed: fix and save, and the page reloads by itself.',
    });
    expect(await dialog.isVisible()).toBe(true);
    expect(await dialog.locator('.summary').textContent()).toBe('3 problem(s): 2 error(s), 1 warning(s).');
    expect(await listed(page)).toEqual(
      EXPECTED.map((p) => ({ ...p, href: `vscode://file${path.resolve(root)}/${p.at}` })),
    );
    // The message quoted the article's HTML as text, and none of it ran.
    expect(await page.evaluate(() => (window as { __gazettePwned?: number }).__gazettePwned)).toBeUndefined();

    for (const [width, height] of [
      [390, 844],
      [1280, 900],
    ] as const) {
      await page.setViewportSize({ width, height });
      expect(await layoutFaults(page), `${width}px`).toEqual([]);
      await page.screenshot({ path: path.join(ARTIFACTS, `error-screen-${width}x${height}.png`) });
      for (const [i, p] of EXPECTED.entries()) {
        const item = items.nth(i);
        // Scrolled to if need be, each part is whole within the width of the window and on screen.
        for (const part of [item.locator('a.where'), item.locator('.message'), item.locator('.hint')]) {
          await part.scrollIntoViewIfNeeded();
          const box = await part.boundingBox();
          const what = `${width}px, ${p.at}, ${await part.getAttribute('class')}`;
          expect(await part.isVisible(), what).toBe(true);
          expect(box, what).not.toBeNull();
          if (!box) continue;
          expect(box.x, what).toBeGreaterThanOrEqual(0);
          expect(box.x + box.width, what).toBeLessThanOrEqual(width);
          expect(box.y, what).toBeGreaterThanOrEqual(0);
          // Scrolling stops on whole pixels: a fraction of one may be left below the window.
          expect(box.y + box.height, what).toBeLessThanOrEqual(height + 0.5);
        }
      }
      await page.screenshot({ path: path.join(ARTIFACTS, `error-screen-${width}x${height}-scrolled.png`) });
      const axe = await axeOnOverlay(page);
      expect(axe.violations, `${width}px`).toEqual([]);
      // axe did look at the screen's text, inside the shadow root.
      expect(axe.contrastChecked, `${width}px`).toBeGreaterThanOrEqual(10);
    }

    // The keyboard: the close button has the focus, Tab goes round the links and back to it, Enter closes.
    const focused = () =>
      page.evaluate(() => {
        const el = document.querySelector('gazette-error-overlay')?.shadowRoot?.activeElement;
        return el ? `${el.tagName.toLowerCase()} ${el.textContent}` : 'nothing';
      });
    expect(await focused()).toBe('button Close');
    for (const p of EXPECTED) {
      await page.keyboard.press('Tab');
      expect(await focused()).toBe(`a ${p.at}`);
    }
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('button Close');
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toBe(`a ${EXPECTED[2]?.at}`);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toBe('button Close');
    await page.keyboard.press('Enter');
    expect(await page.locator('gazette-error-overlay').count()).toBe(0);

    // One file fixed, the other still wrong: the screen comes back with what is left.
    write(DATED, good('人代会开幕', '学习'));
    await expect.poll(() => items.count(), { timeout: 10_000 }).toBe(2);
    expect((await listed(page)).map((p) => p.at)).toEqual([EXPECTED[1]?.at, EXPECTED[2]?.at]);
    expect(await dialog.locator('.summary').textContent()).toBe('2 problem(s): 1 error(s), 1 warning(s).');

    // Both fixed: the page reloads, without the screen.
    await page.evaluate(() => {
      (window as { __beforeFix?: boolean }).__beforeFix = true;
    });
    write(CATEGORY, good('要闻改好了', '要闻'));
    await page.waitForFunction(
      () =>
        !(window as { __beforeFix?: boolean }).__beforeFix &&
        document.querySelector('h1')?.textContent === '要闻改好了',
      undefined,
      { timeout: 10_000 },
    );
    expect(await page.locator('gazette-error-overlay').count()).toBe(0);
    await page.close();
  });

  it('shows the problems when the very first build failed, and the site once they are fixed', async () => {
    const broken = makeSite({
      'site.yaml': siteYaml(),
      'content/xuexi/a.md': article({ title: '坏日期', date: '2022-02-30 09:00', category: '学习' }),
    });
    const first = await startDevServer({ root: broken, host: '127.0.0.1', port: 0, log: () => {} });
    const page = await context.newPage();
    try {
      const response = await page.goto(first.url);
      expect(response?.headers()['content-type']).toBe('text/html; charset=utf-8');
      await page.locator('gazette-error-overlay li.problem').waitFor();
      expect(await listed(page)).toEqual([
        {
          kind: 'Error',
          at: 'content/xuexi/a.md:3:7',
          href: `vscode://file${path.resolve(broken)}/content/xuexi/a.md:3:7`,
          message: '"2022-02-30 09:00" is not a real date and time',
          hint: 'that day does not exist in that month',
        },
      ]);
      writeFileSync(path.join(broken, 'content/xuexi/a.md'), good('改好了', '学习'));
      await page.waitForFunction(() => document.title.includes('测试新闻网'), undefined, { timeout: 10_000 });
      expect(await page.locator('gazette-error-overlay').count()).toBe(0);
    } finally {
      await page.close();
      await first.close();
      rmSync(broken, { recursive: true, force: true });
    }
  });

  it("shows a problem's code when it has one, and a place that is no file as plain text", async () => {
    const hub = new ReloadHub();
    const files = new Map([
      [
        'index.html',
        new TextEncoder().encode('<!doctype html><title>首页</title><body><h1>首页</h1></body>'),
      ],
    ]);
    const served = createServer({
      site: () => files,
      hub,
      hostAllowed: () => true,
      log: () => {},
      lang: 'zh',
    });
    await new Promise<void>((resolve) => served.listen(0, '127.0.0.1', resolve));
    const page = await context.newPage();
    try {
      await page.goto(`http://127.0.0.1:${(served.address() as AddressInfo).port}/`);
      await connected(page);
      hub.fail([
        {
          severity: 'error',
          file: 'content/a.md',
          line: 2,
          column: 8,
          message: '标题不能为空',
          hint: '写上标题',
          code: 'GZ0107',
          editorUrl: 'vscode://file/site/content/a.md:2:8',
        },
        { severity: 'error', file: '--base-url', message: 'invalid URL' },
      ]);
      const items = page.locator('gazette-error-overlay li.problem');
      await expect.poll(() => items.count()).toBe(2);
      expect(await items.nth(0).locator('.place').textContent()).toBe(
        '错误 编号 GZ0107 content/a.md:2:8（第 2 行，第 8 列）',
      );
      expect(await items.nth(1).locator('.place').textContent()).toBe('错误 --base-url');
      expect(await items.nth(1).locator('a').count()).toBe(0);
      expect(await items.nth(1).locator('.hint').count()).toBe(0);
      expect((await axeOnOverlay(page)).violations).toEqual([]);
      await page.screenshot({ path: path.join(ARTIFACTS, 'error-screen-code-1280x900.png') });
    } finally {
      await page.close();
      hub.close();
      served.closeAllConnections();
      await new Promise((resolve) => served.close(resolve));
    }
  });
});

/// <reference lib="dom" />
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../helpers/axe.js';
import { launchBrowser, searchResultsShown } from '../helpers/browser.js';
import { type ServedSite, serveSampleSite } from '../helpers/served-site.js';
import { REPO } from '../helpers/site.js';

/*
 * 长者模式 on the sample site in headless Chromium, measured against 《互联网网站适老化通用设计规范》
 * (工业和信息化部, 2021) and, where it gives no number, the APP spec issued with it (whose dp/pt are
 * CSS px on a phone): text of at least 18px (here the theme's own 20px), line spacing of at least 1.3
 * and paragraphs at least 1.3 line spacings apart (here a line height of 2), contrast of at least
 * 4.5:1 (here, for “higher contrast”, 7:1), targets of at least 60×60, and nothing that moves.
 */

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
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const ARTICLE = 'minsheng/2022/01/chunyun-zhuanxian/';
const OTHER_ARTICLE = 'xuexi/2022/03/jinhua-yonggong/';
/** Every page type, as in accessibility.test.ts. */
const PAGES: ReadonlyArray<readonly [name: string, url: string]> = [
  ['home', ''],
  ['category', 'xuexi/'],
  ['article', ARTICLE],
  ['tag index', 'tags/'],
  ['tag', 'tags/jiu-ye/'],
  ['archive', 'archive/'],
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

const elderSwitch = () => page.getByRole('button', { name: '长者模式' });
/** What the switch shows of 开 and 关 (its text holds both; the style sheet shows one). */
const shownState = async () => {
  const shown: string[] = [];
  for (const state of await elderSwitch().locator('.elder-state > span').all())
    if (await state.isVisible()) shown.push((await state.textContent()) ?? '');
  return shown;
};
const elderOn = () => page.evaluate(() => document.documentElement.dataset.elder === 'on');

/** Turns the mode on or off as a reader does, with the switch on the home page. */
async function setElderMode(on: boolean): Promise<void> {
  await open('');
  if ((await elderOn()) !== on) await elderSwitch().click();
  expect(await elderOn()).toBe(on);
}

describe('the 长者模式 switch', () => {
  it('is a real toggle button in a bar on every page, the keyboard’s second stop after the skip link', async () => {
    await setElderMode(false);
    for (const [name, url] of PAGES) {
      await open(url);
      const button = elderSwitch();
      expect(await button.count(), name).toBe(1);
      expect(await button.isVisible(), name).toBe(true);
      expect(await button.evaluate((el) => el.tagName), name).toBe('BUTTON');
      expect(await button.getAttribute('aria-pressed'), name).toBe('false');
      expect(await button.textContent(), name).toBe('长者模式关开');
      expect(await shownState(), name).toEqual(['关']);
    }
    await open(ARTICLE);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('长者模式');
    await page.keyboard.press('Enter');
    expect(await elderSwitch().getAttribute('aria-pressed')).toBe('true');
    expect(await shownState()).toEqual(['开']);
    expect(await elderOn()).toBe(true);
    await page.keyboard.press('Space');
    expect(await elderSwitch().getAttribute('aria-pressed')).toBe('false');
    expect(await elderOn()).toBe(false);
  });

  it('is remembered on the next page and after a reload, and is on before the page is drawn', async () => {
    await setElderMode(false);
    // Whether the mode is on when the parser reaches <body>: before that, nothing can be drawn.
    // (A script in <head> with `defer`, as toolbar.js was, would run only after the whole page.)
    await page.addInitScript(() => {
      const seen = new MutationObserver(() => {
        if (!document.body) return;
        (window as unknown as { elderAtBody: string }).elderAtBody =
          document.documentElement.dataset.elder ?? 'off';
        seen.disconnect();
      });
      seen.observe(document, { childList: true, subtree: true });
    });
    const atBody = () => page.evaluate(() => (window as unknown as { elderAtBody?: string }).elderAtBody);

    await open(ARTICLE);
    expect(await atBody()).toBe('off');
    await elderSwitch().click();
    await page.getByRole('link', { name: '学习', exact: true }).first().click();
    await page.waitForURL(`${site.url}xuexi/`);
    expect(await atBody()).toBe('on');
    expect(await elderSwitch().getAttribute('aria-pressed')).toBe('true');
    await page.reload();
    expect(await atBody()).toBe('on');
    expect(await elderOn()).toBe(true);

    await elderSwitch().click();
    await open(OTHER_ARTICLE);
    expect(await atBody()).toBe('off');
    expect(await elderSwitch().getAttribute('aria-pressed')).toBe('false');
  });

  it('goes with the 字号 buttons: both hold together, across pages', async () => {
    await setElderMode(true);
    await open(ARTICLE);
    const body = () =>
      page.$eval('.article-body p', (el) => Number.parseFloat(getComputedStyle(el).fontSize));
    const elderMedium = await body();
    await page.getByRole('button', { name: /^大\s?字号$/ }).click();
    const elderLarge = await body();
    expect(elderLarge).toBeGreaterThan(elderMedium * 1.2);
    await open(OTHER_ARTICLE);
    expect(await elderOn()).toBe(true);
    expect(await body()).toBe(elderLarge);
    await page.getByRole('button', { name: /^中\s?字号$/ }).click();
    expect(await body()).toBe(elderMedium);
  });

  it('without JavaScript is not shown (it could not work), and the page reads as usual', async () => {
    await page.route('**/*.js', (route) => route.abort());
    try {
      await open(ARTICLE);
      expect(await page.isHidden('.reading-bar')).toBe(true);
      expect(await elderSwitch().count()).toBe(0); // not even to a screen reader
      expect(await page.isVisible('.article-body')).toBe(true);
    } finally {
      await page.unrouteAll();
    }
  });
});

/** What the page shows, measured in the page: sizes, spacing, contrast, targets, overflow. */
interface Measured {
  /** Visible text below the given size: `18px: div.x "text"`. */
  small: string[];
  /** Running text: line height / font size. */
  lineHeights: number[];
  /** Between consecutive paragraphs of an article: (distance of their lines) / line height. */
  paragraphSpacings: number[];
  /** Visible text below the given contrast: `4.2: span.x "text" #777 on #fff`. */
  lowContrast: string[];
  /** How many text nodes the contrast was measured for. */
  contrastChecked: number;
  /** Links and controls outside an article's running text smaller than the given size. */
  smallTargets: string[];
  /** How many targets were measured, by where they are. */
  targets: Record<string, number>;
  overflow: number;
}

async function measure(minSize: number, minContrast: number, minTarget: number): Promise<Measured> {
  return page.evaluate(
    ({ minSize, minContrast, minTarget }) => {
      const rgba = (css: string): number[] => {
        const m = css.match(/rgba?\(([^)]+)\)/);
        if (!m?.[1]) return [0, 0, 0, 0];
        const [r = 0, g = 0, b = 0, a = 1] = m[1].split(/[\s,/]+/).map(Number);
        return [r, g, b, a];
      };
      const over = (top: number[], bottom: number[]) => {
        const a = top[3] ?? 1;
        return [0, 1, 2].map((i) => (top[i] ?? 0) * a + (bottom[i] ?? 0) * (1 - a)).concat(1);
      };
      // The colour behind an element: its own and its ancestors' backgrounds, composed over white.
      const background = (el: Element | null): number[] => {
        const layers: number[][] = [];
        for (let e = el; e; e = e.parentElement) {
          const c = rgba(getComputedStyle(e).backgroundColor);
          if ((c[3] ?? 0) > 0) layers.push(c);
          if ((c[3] ?? 0) >= 1) break;
        }
        return layers.reverse().reduce((below, layer) => over(layer, below), [255, 255, 255, 1]);
      };
      const luminance = (c: number[]) => {
        const [r = 0, g = 0, b = 0] = c.slice(0, 3).map((v) => {
          const s = v / 255;
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const ratio = (a: number[], b: number[]) => {
        const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
        return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
      };
      const hex = (c: number[]) =>
        `#${c
          .slice(0, 3)
          .map((v) => Math.round(v).toString(16).padStart(2, '0'))
          .join('')}`;
      const what = (el: Element) => `${el.tagName.toLowerCase()}.${el.className}`;

      const small: string[] = [];
      const lowContrast: string[] = [];
      let contrastChecked = 0;
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement;
        const text = node.textContent?.trim();
        if (!el || !text) continue;
        const box = el.getBoundingClientRect();
        // Only what a reader sees (not the skip link or labels for screen readers).
        if (box.width <= 1 || box.height <= 1 || el.closest('[hidden], .skip-link')) continue;
        const style = getComputedStyle(el);
        if (style.visibility === 'hidden') continue;
        const size = Number.parseFloat(style.fontSize);
        if (size < minSize) small.push(`${size}px: ${what(el)} "${text}"`);
        const back = background(el);
        const fore = over(rgba(style.color), back);
        const r = ratio(fore, back);
        contrastChecked++;
        if (r < minContrast)
          lowContrast.push(`${r.toFixed(2)}: ${what(el)} "${text}" ${hex(fore)} on ${hex(back)}`);
      }

      const running = document.querySelectorAll(
        '.article-body > p, .entry-summary, .headline-summary, .not-found p',
      );
      const lineHeights = Array.from(running, (el) => {
        const style = getComputedStyle(el);
        return Number.parseFloat(style.lineHeight) / Number.parseFloat(style.fontSize);
      });
      const paragraphs = Array.from(document.querySelectorAll('.article-body > p + p'));
      const paragraphSpacings = paragraphs.map((p) => {
        const previous = p.previousElementSibling as Element;
        const lineHeight = Number.parseFloat(getComputedStyle(p).lineHeight);
        // From the previous paragraph's last line to this one's first: a line plus the gap.
        const gap = p.getBoundingClientRect().top - previous.getBoundingClientRect().bottom;
        return (gap + lineHeight) / lineHeight;
      });

      const smallTargets: string[] = [];
      const targets: Record<string, number> = {};
      const controls = document.querySelectorAll('a, button, input[type="search"], summary');
      for (const el of Array.from(controls)) {
        if (el.closest('.article-body, .skip-link, [hidden]')) continue;
        const box = el.getBoundingClientRect();
        if (box.width === 0 && box.height === 0) continue; // not shown (the print-only or closed parts)
        const where =
          el.closest('.reading-bar, .site-header, .article-toolbar, .breadcrumb, .site-footer, main')
            ?.className ?? 'other';
        const key = where.split(' ')[0] ?? where;
        targets[key] = (targets[key] ?? 0) + 1;
        if (box.width < minTarget || box.height < minTarget)
          smallTargets.push(
            `${Math.round(box.width)}×${Math.round(box.height)}: ${what(el)} "${el.textContent?.trim().slice(0, 20)}"`,
          );
      }
      const overflow = document.documentElement.scrollWidth - document.documentElement.clientWidth;
      return {
        small,
        lineHeights,
        paragraphSpacings,
        lowContrast,
        contrastChecked,
        smallTargets,
        targets,
        overflow,
      };
    },
    { minSize, minContrast, minTarget },
  );
}

describe.each([
  [390, 844],
  [1280, 900],
])('长者模式 at %i×%i, against the numbers of the spec', (width, height) => {
  beforeAll(async () => {
    await page.setViewportSize({ width, height });
    await setElderMode(true);
  });
  afterAll(async () => {
    await setElderMode(false);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it.each(PAGES)(
    'on the %s page: text ≥ 20px, line height 2, paragraphs ≥ 1.3 lines apart, contrast ≥ 7:1, targets ≥ 60×60, no sideways scrolling',
    async (name, url) => {
      await open(url);
      expect(await elderOn(), name).toBe(true);
      const m = await measure(20, 7, 60);
      expect(m.small, name).toEqual([]);
      for (const r of m.lineHeights) expect(r, name).toBeGreaterThanOrEqual(1.95);
      for (const s of m.paragraphSpacings) expect(s, name).toBeGreaterThanOrEqual(1.3);
      expect(m.lowContrast, name).toEqual([]);
      expect(m.contrastChecked, name).toBeGreaterThan(20);
      expect(m.smallTargets, name).toEqual([]);
      expect(m.overflow, name).toBeLessThanOrEqual(0);
      // What was measured: the bar, the header's links and search, the footer, and the page's own.
      expect(m.targets['reading-bar'], name).toBe(1);
      expect(m.targets['site-header'], name).toBeGreaterThanOrEqual(10);
      expect(m.targets['site-footer'], name).toBeGreaterThanOrEqual(5);
      if (name === 'article') {
        expect(m.targets['article-toolbar'], name).toBe(5);
        expect(m.targets.breadcrumb, name).toBe(2);
        expect(m.paragraphSpacings.length, name).toBeGreaterThan(2);
      }
      if (['article', 'category', 'tag', 'home'].includes(name))
        expect(m.lineHeights.length, name).toBeGreaterThan(0);
    },
  );

  it('makes the article’s text larger than without it, by a fifth or more', async () => {
    const body = () =>
      page.$eval('.article-body p', (el) => Number.parseFloat(getComputedStyle(el).fontSize));
    await open(ARTICLE);
    const on = await body();
    await elderSwitch().click();
    const off = await body();
    await elderSwitch().click();
    expect(on).toBeGreaterThanOrEqual(off * 1.2);
    expect(on).toBeGreaterThanOrEqual(22);
  });
});

describe('nothing moves', () => {
  /** Animations running after the pointer goes over a link of the menu and the keyboard to the skip link. */
  async function motionAfterHover(): Promise<{ running: number; moving: string[] }> {
    await open('');
    await page.hover('.site-nav li:nth-child(2) a');
    await page.keyboard.press('Tab');
    return page.evaluate(() => {
      const moves = (style: CSSStyleDeclaration) =>
        style.transitionDuration.split(',').some((d) => Number.parseFloat(d) > 0) ||
        (style.animationName !== 'none' &&
          style.animationDuration.split(',').some((d) => Number.parseFloat(d) > 0));
      const moving: string[] = [];
      for (const el of Array.from(document.querySelectorAll('*')))
        for (const pseudo of [null, '::before', '::after'])
          if (moves(getComputedStyle(el, pseudo)))
            moving.push(`${el.tagName.toLowerCase()}.${el.className}${pseudo ?? ''}`);
      return { running: document.getAnimations().length, moving };
    });
  }

  it('the theme has transitions for readers who have not asked otherwise (what the next tests take away)', async () => {
    await setElderMode(false);
    const { running, moving } = await motionAfterHover();
    expect(running).toBeGreaterThan(0);
    expect(moving.length).toBeGreaterThan(0);
  });

  it('in 长者模式: no transition or animation is set or running', async () => {
    await setElderMode(true);
    try {
      expect(await motionAfterHover()).toEqual({ running: 0, moving: [] });
      await open(`search/?q=${encodeURIComponent('金华')}`);
      await page.locator('.pagefind-ui__filter-block').getByLabel(/^民生/).check();
      expect(await page.evaluate(() => document.getAnimations().length)).toBe(0);
    } finally {
      await setElderMode(false);
    }
  });

  it('for a reader whose system asks for reduced motion, with or without 长者模式', async () => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    try {
      expect(await motionAfterHover()).toEqual({ running: 0, moving: [] });
    } finally {
      await page.emulateMedia({ reducedMotion: null });
    }
  });
});

describe.each([
  ['on', true],
  ['off', false],
])('axe-core with 长者模式 %s', (_state, on) => {
  beforeAll(() => setElderMode(on));
  afterAll(() => setElderMode(false));

  it.each(PAGES)('finds nothing on the %s page', async (name, url) => {
    await open(url);
    expect(await elderOn(), name).toBe(on);
    expect(await axeViolations(page), name).toEqual([]);
  });

  it('finds nothing on the article page at 390px either', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await open(ARTICLE);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });
});

describe('screenshots (test-artifacts/, for people to look at)', () => {
  it.each([
    [390, 844],
    [1280, 900],
  ])('of the home and article pages in 长者模式 at %i×%i', async (width, height) => {
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.setViewportSize({ width, height });
    await setElderMode(true);
    try {
      for (const [name, url] of [
        ['home', ''],
        ['article', ARTICLE],
      ] as const) {
        await open(url);
        const file = path.join(ARTIFACTS, `elder-${name}-${width}x${height}.png`);
        expect((await page.screenshot({ path: file })).byteLength).toBeGreaterThan(10_000);
      }
    } finally {
      await setElderMode(false);
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });
});

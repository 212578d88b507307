/// <reference lib="dom" />
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.js';
import { type ServedSite, serveSampleSite } from '../helpers/served-site.js';

// The sample site, built with its search index and served as a static host would serve it. One
// browser context for all tests: making one costs this machine more than a second.
let site: ServedSite;
let browser: Browser;
let context: BrowserContext;
let page: Page;
beforeAll(async () => {
  [site, browser] = await Promise.all([serveSampleSite(), launchBrowser()]);
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
  // Fail within a test's time, with the step that failed, rather than at the test's timeout.
  context.setDefaultTimeout(10_000);
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const JINHUA_TITLE = '赢取“开门红”，冲刺“全年红”！金华全力保障用工先行';
const JINHUA = 'xuexi/2022/03/jinhua-yonggong/';
const JINENG = 'xuexi/2022/02/jineng-jinhua/';

const addressOf = (page: Page) => decodeURI(new URL(page.url()).pathname + new URL(page.url()).search);
const bodyFontSize = (page: Page) =>
  page.$eval('.article-body', (el) => Number.parseFloat(getComputedStyle(el).fontSize));
const tags = (locator: Locator) => locator.allTextContents().then((all) => all.map((t) => t.trim()));

describe('a reader', () => {
  it('goes home → category → article → 下一篇 by clicking links', async () => {
    await page.goto(site.url);
    await page
      .getByRole('navigation', { name: '栏目导航' })
      .getByRole('link', { name: '学习', exact: true })
      .click();
    await page.waitForURL(`${site.url}xuexi/`);
    expect(await page.textContent('h1')).toBe('学习');

    await page.getByRole('link', { name: '建设“技能金华” 今年计划开展职业技能培训10万人次' }).click();
    await page.waitForURL(site.url + JINENG);
    expect(await page.textContent('.breadcrumb')).toBe('您当前的位置：首页 > 学习 > 正文');

    await page.locator('.neighbour-next a').click();
    await page.waitForURL(site.url + JINHUA);
    expect(await page.textContent('h1')).toBe(JINHUA_TITLE);
    expect(await page.textContent('.neighbour-next')).toBe('下一篇：没有了');
  });

  it('searches from the header box and finds the Jinhua article with its title, date and category', async () => {
    await page.goto(site.url + JINENG);
    await page.getByRole('searchbox', { name: '搜索文章' }).fill('李子园');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=/);
    expect(addressOf(page)).toBe('/search/?q=李子园');

    const result = page.locator('.pagefind-ui__result').first();
    await result.waitFor({ timeout: 10_000 });
    expect(await page.locator('.pagefind-ui__result').count()).toBe(1);
    const link = result.locator('.pagefind-ui__result-link');
    expect(await link.textContent()).toBe(JINHUA_TITLE);
    expect(await link.getAttribute('href')).toBe(`/${JINHUA}`);
    expect(await tags(result.locator('.pagefind-ui__result-tag'))).toEqual([
      '日期: 2022-03-01',
      '栏目: 学习',
    ]);
    // An excerpt around the words found, which are marked (Pagefind marks Chinese character by character).
    const excerpt = result.locator('.pagefind-ui__result-excerpt');
    expect(await excerpt.textContent()).toContain('推广“李子园”品牌');
    expect((await excerpt.locator('mark').allTextContents()).join('')).toContain('李子园');
    expect(await page.textContent('.pagefind-ui__message')).toBe('找到 1 个 李子园 的相关结果');
    // The search page's own box and the header's both show the search.
    expect(await page.inputValue('.pagefind-ui__search-input')).toBe('李子园');
    expect(await page.inputValue('#site-search-q')).toBe('李子园');

    await link.click();
    await page.waitForURL(site.url + JINHUA);
  });

  it('narrows a search to one category with the filter', async () => {
    await page.goto(`${site.url}search/?q=${encodeURIComponent('金华')}`);
    await page.locator('.pagefind-ui__result').first().waitFor({ timeout: 10_000 });
    const categories = () => tags(page.locator('.pagefind-ui__result-tag[data-pagefind-ui-meta="栏目"]'));
    await expect.poll(async () => new Set(await categories()).size).toBeGreaterThan(1);

    const filters = page.locator('.pagefind-ui__filter-block');
    expect(await filters.locator('summary').textContent()).toBe('栏目');
    await filters.getByLabel(/^民生/).check();
    await expect.poll(async () => [...new Set(await categories())]).toEqual(['栏目: 民生']);
  });

  it('switches to 大 and the article text grows, on this and other pages, after a reload too', async () => {
    await page.goto(site.url + JINHUA);
    const toolbar = page.locator('.article-toolbar');
    await toolbar.waitFor({ state: 'visible' });
    const medium = await bodyFontSize(page);
    const large = toolbar.getByRole('button', { name: /^大\s?字号$/ });
    expect(await toolbar.getByRole('button', { name: /^中\s?字号$/ }).getAttribute('aria-pressed')).toBe(
      'true',
    );

    await large.click();
    expect(await large.getAttribute('aria-pressed')).toBe('true');
    expect(await toolbar.getByRole('button', { name: /^中\s?字号$/ }).getAttribute('aria-pressed')).toBe(
      'false',
    );
    const grown = await bodyFontSize(page);
    expect(grown).toBeGreaterThan(medium * 1.15);
    await expect.poll(() => page.textContent('.toolbar-status')).toBe('已切换为大字号。');

    await page.reload();
    await toolbar.waitFor({ state: 'visible' });
    expect(await bodyFontSize(page)).toBe(grown);
    expect(await large.getAttribute('aria-pressed')).toBe('true');
    await page.goto(site.url + JINENG);
    await page.locator('.article-toolbar').waitFor({ state: 'visible' });
    expect(await bodyFontSize(page)).toBe(grown);

    await page.getByRole('button', { name: /^小\s?字号$/ }).click();
    expect(await bodyFontSize(page)).toBeLessThan(medium);
    await page.getByRole('button', { name: /^中\s?字号$/ }).click();
    expect(await bodyFontSize(page)).toBe(medium);
  });

  it('copies the link of the page, and says so', async () => {
    await page.goto(site.url + JINHUA);
    await page.getByRole('button', { name: '复制链接' }).click();
    await expect.poll(() => page.textContent('[role=status]')).toBe('链接已复制，可以粘贴分享。');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      `https://news.jinhua.example.cn/${JINHUA}`,
    );
  });

  it('prints with 打印, and prints the article without toolbar, navigation or search box', async () => {
    await page.goto(site.url + JINHUA);
    await page.evaluate(() => {
      window.print = () => {
        document.documentElement.dataset.printed = 'yes';
      };
    });
    await page.getByRole('button', { name: '打印' }).click();
    expect(await page.getAttribute('html', 'data-printed')).toBe('yes');

    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.article-toolbar', '.site-nav', '.site-search', '.skip-link'])
      expect(await page.isHidden(selector), selector).toBe(true);
    // No navigation of any kind on paper: breadcrumb, 上一篇/下一篇, 相关阅读, footer links.
    const navigation = page.locator('nav, [role=navigation], .related');
    expect(await navigation.count()).toBeGreaterThanOrEqual(5);
    for (const nav of await navigation.all())
      expect(await nav.isHidden(), (await nav.getAttribute('class')) ?? '').toBe(true);
    expect(await page.isVisible('.article-body')).toBe(true);
    expect(await page.isVisible('h1')).toBe(true);
    expect(await page.isVisible('.meta-line')).toBe(true);
    await page.emulateMedia({ media: null });
  });

  it('without its script sees no toolbar that could not work, and can still search from the header', async () => {
    // Scripts blocked: as without JavaScript (a context with JavaScript off costs seconds to make).
    await page.route('**/*.js', (route) => route.abort());
    try {
      await page.goto(site.url + JINHUA);
      await page.waitForLoadState('load');
      expect(await page.isHidden('.article-toolbar')).toBe(true);
      await page.getByRole('searchbox', { name: '搜索文章' }).fill('用工');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/search\/\?q=/);
      expect(addressOf(page)).toBe('/search/?q=用工');
    } finally {
      await page.unrouteAll();
    }
  });
});

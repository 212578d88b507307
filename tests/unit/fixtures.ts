import type { Category, SiteConfig } from '../../src/config/site-config.js';
import type { ArticleDate } from '../../src/content/dates.js';
import { parseArticleDate } from '../../src/content/dates.js';
import { listingOf } from '../../src/graph/listing.js';
import type { RenderedEntry } from '../../src/graph/site-graph.js';

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

export const XUEXI: Category = { name: '学习', slug: 'xuexi' };
export const YAOWEN: Category = { name: '要闻', slug: 'yaowen' };

/** A validated SiteConfig as parseConfig would return it, built by hand so each stage is tested alone. */
export function siteConfig(overrides: Partial<SiteConfig> = {}): SiteConfig {
  return {
    title: '金华新闻网',
    description: '金华市新闻门户',
    baseUrl: 'https://news.jinhua.example.cn/',
    basePath: '/',
    language: 'zh-CN',
    timeZone: 'Asia/Shanghai',
    categories: [XUEXI, YAOWEN],
    pageSize: 10,
    homePerCategory: 6,
    permalink: '/{category}/{yyyy}/{mm}/{slug}/',
    footer: '',
    feedSize: 20,
    extra: {},
    ...overrides,
  };
}

/** A site-time date; throws on a bad literal so that a typo in a test cannot go unnoticed. */
export function siteDate(text: string, zone = 'Asia/Shanghai'): ArticleDate {
  const result = parseArticleDate(text, zone);
  if (!result.ok) throw new Error(`bad test date ${text}: ${result.code}`);
  return result.date;
}

/** An entry with its HTML and Markdown, so it can stand for an Entry, a RenderedEntry or an Article. */
export type FixtureEntry = RenderedEntry & { readonly body: string };

/** An Entry with sensible defaults; `file` and `date` are what ordering depends on. */
export function entry(
  file: string,
  date: string,
  overrides: Partial<Omit<FixtureEntry, 'date'>> = {},
): FixtureEntry {
  const slug = overrides.slug ?? file.replace(/^.*\//, '').replace(/\.md$/, '');
  const category = overrides.category ?? XUEXI;
  const d = siteDate(date);
  const made = {
    file,
    version: 'v1',
    title: `标题 ${slug}`,
    slug,
    category,
    date: d,
    tags: [],
    draft: false,
    headline: false,
    extra: {},
    body: '正文。\n',
    bodyLine: 6,
    at: { date: { line: 3, column: 7 }, address: { line: 2, column: 8 } },
    html: '<p>正文。</p>\n',
    summaryText: '正文。',
    url: `/${category.slug}/${d.year}/${d.month}/${slug}/`,
    links: [],
    ...overrides,
  };
  // As makeEntry does, unless the test says otherwise; the Markdown source is not shown by lists.
  const { body: _body, ...shown } = made;
  return { ...made, listing: overrides.listing ?? listingOf(shown) };
}

import type { SiteConfig } from '../config/site-config.js';
import type { ListedEntry } from '../graph/site-graph.js';
import { plainText } from './plain-text.js';

/** What Pagefind indexes for one article (its CustomRecord), as plain data. */
export interface SearchRecord {
  /** The page's address as the browser requests it, with the base path: `/news/xuexi/2022/03/a/`. */
  readonly url: string;
  /** Title and body text: what a search matches and excerpts are cut from. */
  readonly content: string;
  readonly language: string;
  /** Shown with each result: `title`, `date` (2022-03-01), `category` (学习). */
  readonly meta: Readonly<Record<(typeof RECORD_META)[number], string>>;
  /** The search page's filter; its name is the label readers see. */
  readonly filters: Readonly<Record<string, string[]>>;
}

/** The metadata of each record; Pagefind also searches it, and ranks a page up for each field a search matches. */
export const RECORD_META = ['title', 'date', 'category'] as const;

/** The label of the category filter on the search page (Pagefind shows filter names as they are). */
export const CATEGORY_FILTER = '栏目';

/**
 * Pagefind's language code for the site's language: `zh-CN` → `zh-cn`. Chinese is segmented into
 * words only with a Chinese code (the bundled `pagefind_extended` does this).
 */
export const searchLanguage = (language: string): string => language.toLowerCase();

/**
 * One record per published article, from its title and body text rather than its HTML page: nothing
 * to parse, and no header, navigation or footer text in the index. Pure.
 */
export function searchRecords<E extends ListedEntry>(
  entries: readonly E[],
  config: SiteConfig,
  htmlOf: (entry: E) => string,
): SearchRecord[] {
  const language = searchLanguage(config.language);
  return entries.map((e) => ({
    url: config.basePath + e.url.replace(/^\/+/, ''),
    content: `${e.title}\n${plainText(htmlOf(e))}`,
    language,
    meta: {
      title: e.title,
      date: `${e.date.year}-${e.date.month}-${e.date.day}`,
      category: e.category.name,
    },
    filters: { [CATEGORY_FILTER]: [e.category.name] },
  }));
}

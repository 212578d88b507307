import type { SiteConfig } from '../config/site-config.js';
import type { ListedEntry } from '../graph/site-graph.js';
import { wordSegmenter } from './index-words.js';
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

/**
 * The metadata of each record; Pagefind also searches it, and ranks a page up for each field a search
 * matches. `title_words` is the title again, its words parted by spaces (see titleWords).
 */
export const RECORD_META = ['title', 'title_words', 'date', 'category'] as const;

/**
 * How much a search's match in each metadata field adds to a page's score (Pagefind's `metaWeights`),
 * used by the site's search and by any index it is compared with. Pagefind does not segment metadata:
 * a Chinese title is one word to it, which a search matches only where the title starts with the
 * searched word, and then as an extension, found or not as the index's chunk boundaries fall. So the
 * title's own field counts for nothing, and its words, in `title_words`, take Pagefind's weight of a
 * title (5).
 */
export const META_WEIGHTS: Readonly<Record<(typeof RECORD_META)[number], number>> = {
  title: 0,
  title_words: 5,
  date: 1,
  category: 1,
};

/** The label of the category filter on the search page (Pagefind shows filter names as they are). */
export const CATEGORY_FILTER = '栏目';

/**
 * The locale a site's text is parted into words in before Pagefind indexes it (index-words.ts), or
 * undefined where Pagefind's own splitting at spaces serves. Chinese: its words are not spaced.
 */
export const wordsLocale = (language: string): string | undefined =>
  language.toLowerCase().split('-')[0] === 'zh' ? language : undefined;

/**
 * Pagefind's language code for a site's records. Text parted into words by gazette is `und` (BCP 47's
 * “undetermined”): Pagefind takes its words as they are, where under a Chinese code it would segment
 * them again, and under a code of one of its stemmers change them. (The search page still parts a
 * reader's query into words: Pagefind's module follows the page's own `lang`.) Other languages:
 * their code in lowercase, as Pagefind expects (`en-GB` → `en-gb`).
 */
export const searchLanguage = (language: string): string =>
  wordsLocale(language) ? 'und' : language.toLowerCase();

/**
 * A title's words, parted by spaces, as Pagefind's search page parts a reader's query (with
 * `Intl.Segmenter`, since Pagefind 1.5), in the locale the site's text is parted in: “浦江县优化措施”
 * → “浦江县 优化 措施”.
 */
export const titleWords = (title: string, locale: string): string =>
  Array.from(wordSegmenter(locale).segment(title))
    .filter((s) => s.isWordLike)
    .map((s) => s.segment)
    .join(' ');

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
  const locale = wordsLocale(config.language) ?? config.language;
  return entries.map((e) => ({
    url: config.basePath + e.url.replace(/^\/+/, ''),
    content: `${e.title}\n${plainText(htmlOf(e))}`,
    language,
    meta: {
      title: e.title,
      title_words: titleWords(e.title, locale),
      date: `${e.date.year}-${e.date.month}-${e.date.day}`,
      category: e.category.name,
    },
    filters: { [CATEGORY_FILTER]: [e.category.name] },
  }));
}

import { Feed } from 'feed';
import type { SiteConfig } from '../config/site-config.js';
import type { ListedEntry } from '../graph/site-graph.js';
import { absoluteUrl, feedUrls } from '../urls/urls.js';
import { SiteDate } from './feed-date.js';
import { htmlText, xmlChars } from './xml-text.js';

/** One feed: what it is called, the list page it follows, and its articles. */
export interface FeedSpec {
  readonly title: string;
  readonly description: string;
  /** The list page the feed is of, and the folder its files go in: `/` or `/xuexi/`. */
  readonly page: string;
  /** Newest first, already cut to the feed's size. */
  readonly entries: readonly ListedEntry[];
  /** ISO 8601 date the feed was last updated: its newest article's, or a fixed one for an empty feed. */
  readonly updated: string;
}

/** The RSS 2.0 and Atom 1.0 documents of one feed. Every address is absolute, every date in site time. */
export function renderFeed(spec: FeedSpec, config: SiteConfig): { rss: string; atom: string } {
  const abs = (sitePath: string) => absoluteUrl(sitePath, config.baseUrl);
  const urls = feedUrls(spec.page);
  const feed = new Feed({
    title: xmlChars(spec.title),
    description: xmlChars(spec.description),
    id: abs(spec.page),
    link: abs(spec.page),
    language: config.language,
    updated: new SiteDate(spec.updated),
    generator: 'gazette',
    feedLinks: { rss: abs(urls.rss), atom: abs(urls.atom) },
    // Atom requires an author for the feed or for every entry; the site speaks for its articles.
    author: { name: config.title, link: config.baseUrl },
  });
  for (const e of spec.entries) {
    const date = new SiteDate(e.date.iso);
    feed.addItem({
      title: htmlText(e.title),
      link: abs(e.url),
      date,
      published: date,
      description: htmlText(e.summaryText),
      category: [e.category.name, ...e.tags].map(feedCategory),
    });
  }
  return { rss: `${feed.rss2()}\n`, atom: `${feed.atom1()}\n` };
}

/**
 * A category or tag as a feed category. The `feed` package writes Atom's term and label attributes
 * without escaping `<` (invalid XML) and escapes every `&` (so `&lt;` cannot be passed instead):
 * angle brackets become their full-width forms, which read the same in a Chinese name.
 */
const feedCategory = (name: string) => {
  const safe = xmlChars(name).replace(/</g, '＜').replace(/>/g, '＞');
  return { name: safe, term: safe };
};

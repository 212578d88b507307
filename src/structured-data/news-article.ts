import type { SiteConfig } from '../config/site-config.js';
import type { Entry } from '../graph/site-graph.js';
import { absoluteUrl } from '../graph/urls.js';

/**
 * Where the article's picture (front matter `cover: /images/a.jpg`) is on the web: a site path under
 * baseUrl, or an absolute URL as written. `cover` is a free front-matter field (article.extra), not
 * a validated one, so that fields like `color` are not taken for a typo of it; anything but text is
 * ignored.
 */
export function coverUrl(entry: Entry, config: SiteConfig): string | undefined {
  const cover = typeof entry.extra.cover === 'string' ? entry.extra.cover.trim() : '';
  if (cover === '') return undefined;
  return /^https?:\/\//i.test(cover) ? cover : absoluteUrl(cover, config.baseUrl);
}

/**
 * schema.org `NewsArticle` for an article page, as search engines read it from JSON-LD. Plain data;
 * the `jsonld` filter writes it into the page. gazette knows no date of change, so dateModified is
 * the publication date.
 */
export function newsArticle(entry: Entry, config: SiteConfig): Record<string, unknown> {
  const url = absoluteUrl(entry.url, config.baseUrl);
  const image = coverUrl(entry, config);
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: entry.title,
    description: entry.summaryText,
    datePublished: entry.date.iso,
    dateModified: entry.date.iso,
    author: entry.author
      ? { '@type': 'Person', name: entry.author }
      : { '@type': 'Organization', name: entry.source ?? config.title },
    publisher: { '@type': 'Organization', name: config.title, url: config.baseUrl },
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    url,
    articleSection: entry.category.name,
    ...(entry.tags.length > 0 && { keywords: entry.tags.join(',') }),
    ...(image && { image: [image] }),
    inLanguage: config.language,
  };
}

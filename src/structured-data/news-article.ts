import type { SiteConfig } from '../config/site-config.js';
import type { Entry } from '../graph/site-graph.js';
import { absoluteUrl } from '../urls/urls.js';

/** Where the article's cover picture is on the web, as an absolute URL (for JSON-LD and og:image). */
export function coverUrl(entry: Entry, config: SiteConfig): string | undefined {
  // The cover is resolved (and checked to exist) by the images stage: a site path under the page.
  return entry.coverUrl === undefined ? undefined : absoluteUrl(entry.coverUrl, config.baseUrl);
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

import type { BodyRef } from '../bodies/body-ref.js';

/** A page to render: which template, with what data, written where. Plain data. */
export interface Page {
  /** Site path without the base path: `/xuexi/`, `/404.html`. */
  readonly url: string;
  /** Template name in the theme: `article.njk`. */
  readonly template: string;
  /** What the template sees, besides `site`. */
  readonly context: Readonly<Record<string, unknown>>;
  /**
   * Keys of `context` whose values are made from the rest of it and the config alone (an article's
   * JSON-LD from the article): they add nothing to the page's signature, so they are left out of it.
   * They may be getters, made only when the page is rendered or sent to a worker.
   */
  readonly derived?: readonly string[];
  /**
   * The address of the list this page is one of the pages of (a category's, a tag's, a month's in
   * the archive), or of the year page: what it shows follows from that list alone.
   */
  readonly list?: string;
  /** The content file this page shows, if any: named in errors while rendering it. */
  readonly source?: string;
  /** The article body it shows, read only when the page is rendered (templates see `article.html`). */
  readonly body?: BodyRef;
  /**
   * The version of the source whose body it shows: its signature counts the body by this, as every
   * page counts the entries it shows by what pages other than their own show of them (listingOf).
   */
  readonly bodyVersion?: string;
  /**
   * The newest date among the articles the page shows (ISO 8601 with the site's offset), for
   * sitemap.xml's lastmod; none for a page that shows no article.
   */
  readonly lastmod?: string;
}

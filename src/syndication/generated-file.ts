/**
 * A file made from the site's data rather than from a template (a feed, sitemap.xml, robots.txt):
 * plain text, written as it is. Plain data, like a Page.
 */
export interface GeneratedFile {
  /** Output path in the site: `xuexi/feed.xml`. */
  readonly path: string;
  readonly data: string;
}

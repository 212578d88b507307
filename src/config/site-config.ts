/** The validated site configuration (from `site.yaml`), as every later stage sees it. */
export interface Category {
  readonly name: string;
  readonly slug: string;
}

export interface SiteConfig {
  readonly title: string;
  readonly description: string;
  /** Absolute, always ending in "/": `https://example.gov.cn/news/`. */
  readonly baseUrl: string;
  /** The path part of baseUrl, always starting and ending in "/": `/news/`. Every link starts with it. */
  readonly basePath: string;
  readonly language: string;
  /** IANA zone in which editors write dates and readers see them. */
  readonly timeZone: string;
  readonly defaultSource?: string;
  readonly categories: readonly Category[];
  readonly pageSize: number;
  readonly homePerCategory: number;
  /** Pattern with {category} {yyyy} {mm} {dd} {slug}; ends in "/" (pretty URL) or ".html". */
  readonly permalink: string;
  readonly footer: string;
  /** Keys beyond the known ones, passed to templates unchanged as `site.extra`. */
  readonly extra: Readonly<Record<string, unknown>>;
}

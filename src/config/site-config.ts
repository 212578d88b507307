import type { UpdateLimit } from './update-within.js';

/** The validated site configuration (from `site.yaml`), as every later stage sees it. */
export interface Category {
  readonly name: string;
  readonly slug: string;
  /** How often it must get a new article, when site.yaml says (`updateWithin: 14d`): for the audit. */
  readonly updateWithin?: UpdateLimit;
}

export interface PoliceRecord {
  /** As shown: `浙公网安备 33070202000123号`. */
  readonly text: string;
  /** Digits only: `33070202000123`. */
  readonly code: string;
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
  /** How many of the newest articles each RSS and Atom feed lists. */
  readonly feedSize: number;
  /** ICP 备案号 (`浙ICP备12345678号`), shown in every footer and linked to the MIIT register. */
  readonly icp?: string;
  /** 公安备案: the text shown in every footer, and the number the MPS register is queried with. */
  readonly police?: PoliceRecord;
  /** Keys beyond the known ones, passed to templates unchanged as `site.extra`. */
  readonly extra: Readonly<Record<string, unknown>>;
}

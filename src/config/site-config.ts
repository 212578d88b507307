import type { UpdateLimit } from './update-within.js';

/** The validated site configuration (from `site.yaml`), as every later stage sees it. */
export interface Category {
  readonly name: string;
  readonly slug: string;
  /** How often it must get a new article, when site.yaml says (`updateWithin: 14d`): for the audit. */
  readonly updateWithin?: UpdateLimit;
}

/**
 * What the 《政府网站发展指引》's page metadata says of a category (ColumnDescription,
 * ColumnKeywords, ColumnType), when site.yaml says it. Kept apart from Category, which every
 * article carries.
 */
export interface CategoryMeta {
  readonly description?: string;
  readonly keywords?: readonly string[];
  /** 栏目类别, one of the 指引's words (工作动态, 政策文件, …). */
  readonly type?: string;
}

/** A picture named in site.yaml: its address in the site (a file of public/, or an http(s) URL). */
export interface ConfigImage {
  /** A site path (`/assets/logo.png`) or an absolute http(s) URL. */
  readonly url: string;
  /** Its size, when it is a file of the site that could be measured: for `width` and `height`. */
  readonly width?: number;
  readonly height?: number;
}

/** The government site's identity (`gov:` in site.yaml): the footer and the 指引's metadata. */
export interface GovInfo {
  /** 网站标识码: 10 digits, or bm and 8 digits for a department's site. */
  readonly siteCode?: string;
  /** 主办单位. */
  readonly organizer?: string;
  /** 承办单位. */
  readonly operator?: string;
  /** 联系我们: a page of its own is made when given. */
  readonly contact?: { readonly phone?: string; readonly email?: string; readonly address?: string };
  /** 党政机关网站标识: the link to the site's entry in the register, and its picture. */
  readonly badge?: { readonly href: string; readonly image: ConfigImage };
  /** 我为政府网站找错: the address of the site's page on the national error-report platform. */
  readonly findError?: string;
}

/** What site.yaml says of 政府信息公开 articles (`disclosure:`, and `disclosure: required` on categories). */
export interface DisclosureRules {
  /** The regular expression every 索引号 must match (its source, checked when site.yaml is read). */
  readonly indexPattern?: string;
  /** Slugs of the categories whose every article must have a `disclosure:` block. */
  readonly required: readonly string[];
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
  /** What site.yaml says of each category for the 指引's page metadata, by slug (only those it says anything of). */
  readonly categoryMeta?: Readonly<Record<string, CategoryMeta>>;
  /** The government site's identity; none for a site that is not a government's. */
  readonly gov?: GovInfo;
  /** The logo shown in the header before the site's name. */
  readonly logo?: ConfigImage;
  /** The icon browsers show for the site (a file of public/); default: the theme's `/favicon.ico`. */
  readonly favicon?: string;
  /** The rules for 政府信息公开 articles; none when site.yaml sets none. */
  readonly disclosure?: DisclosureRules;
  /** Keys beyond the known ones, passed to templates unchanged as `site.extra`. */
  readonly extra: Readonly<Record<string, unknown>>;
}

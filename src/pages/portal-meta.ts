import type { Category, SiteConfig } from '../config/site-config.js';
import type { Entry } from '../graph/site-graph.js';
import { absoluteUrl } from '../urls/urls.js';

/**
 * The page metadata of 《政府网站发展指引》 (国办发〔2017〕47号): `<meta name content>` pairs that
 * the national checks read from every page. Site tags on every page; column tags on the home page,
 * category pages and articles; content tags on articles. Each value follows the 指引's table;
 * where the site says nothing, the nearest thing it does say stands in, so that no required tag
 * is left out. Written by partials/portal-meta.njk.
 */
export interface MetaTag {
  readonly name: string;
  readonly content: string;
}

/** SiteName, SiteDomain (the host, as `www.gov.cn`), and SiteIDCode when `gov.siteCode` is given. */
export function siteMeta(config: SiteConfig): MetaTag[] {
  const code = config.gov?.siteCode;
  return [
    { name: 'SiteName', content: config.title },
    { name: 'SiteDomain', content: new URL(config.baseUrl).host },
    ...(code === undefined ? [] : [{ name: 'SiteIDCode', content: code }]),
  ];
}

/** The home page's description: the site's own, or its name and its categories. */
export const homeDescription = (config: SiteConfig): string =>
  config.description || `${config.title}，设有${config.categories.map((c) => c.name).join('、')}栏目。`;

/** The home page as a column: ColumnType 首页 is one of the 指引's 栏目类别. */
export function homeMeta(config: SiteConfig): MetaTag[] {
  return columnTags(
    '首页',
    homeDescription(config),
    config.categories.map((c) => c.name),
    '首页',
  );
}

/**
 * A category as a column. Without its own `description`, `keywords` and `type` in site.yaml, it is
 * described as the site's column of that name, with its name as keyword and as type.
 */
export function categoryMeta(config: SiteConfig, category: Category): MetaTag[] {
  const own = config.categoryMeta?.[category.slug];
  return columnTags(
    category.name,
    own?.description ?? `${config.title}${category.name}栏目`,
    own?.keywords ?? [category.name],
    own?.type ?? category.name,
  );
}

const columnTags = (name: string, description: string, keywords: readonly string[], type: string) => [
  { name: 'ColumnName', content: name },
  { name: 'ColumnDescription', content: description },
  { name: 'ColumnKeywords', content: keywords.join(',') },
  { name: 'ColumnType', content: type },
];

/**
 * An article's column tags, then its own: ArticleTitle; PubDate as `YYYY-MM-DD HH:MM` in the site's
 * time zone; ContentSource (its 来源, else the site's); and, where it has them, Keywords (its tags),
 * Author (its author, else its 责任编辑), Description (its summary, else the site's description),
 * Image (its cover) and Url. The Description is the page's only description: HTML allows one.
 */
export function articleMeta(config: SiteConfig, entry: Entry): MetaTag[] {
  const author = entry.author ?? entry.editor;
  const description = entry.summaryText || config.description;
  const optional: Array<[string, string | undefined]> = [
    ['Keywords', entry.tags.length > 0 ? entry.tags.join(',') : undefined],
    ['Author', author],
    ['Description', description || undefined],
    ['Image', entry.coverUrl === undefined ? undefined : absoluteUrl(entry.coverUrl, config.baseUrl)],
    ['Url', absoluteUrl(entry.url, config.baseUrl)],
  ];
  return [
    ...categoryMeta(config, entry.category),
    { name: 'ArticleTitle', content: entry.title },
    { name: 'PubDate', content: pubDate(entry.date.iso) },
    { name: 'ContentSource', content: entry.source ?? config.title },
    ...optional.flatMap(([name, content]) => (content === undefined ? [] : [{ name, content }])),
  ];
}

/** `2022-03-01T16:59:26+08:00` → `2022-03-01 16:59`: the ISO date is in the site's zone already. */
const pubDate = (iso: string): string => iso.slice(0, 16).replace('T', ' ');

import type { SiteConfig } from '../config/site-config.js';
import type { Page } from '../pages/page.js';
import { absoluteUrl, NOT_FOUND_URL, SEARCH_URL } from '../urls/urls.js';
import type { GeneratedFile } from './generated-file.js';
import { escapeXml } from './xml-text.js';

export const SITEMAP_FILE = 'sitemap.xml';
/** The sitemaps protocol allows at most 50,000 addresses in one file. */
export const SITEMAP_LIMIT = 50_000;

const XMLNS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

interface SitemapUrl {
  readonly loc: string;
  readonly lastmod?: string;
}

/**
 * sitemap.xml: every page of the site but the 404 page, at its absolute address, with the date of
 * the newest article it shows as lastmod (W3C datetime with the site's offset). A site of more than
 * 50,000 pages gets numbered files (sitemap-1.xml, …) and sitemap.xml becomes their index.
 */
export function planSitemap(
  pages: readonly Page[],
  config: SiteConfig,
  limit = SITEMAP_LIMIT,
): GeneratedFile[] {
  const urls: SitemapUrl[] = pages
    // Neither the 404 page nor the search page is content a search engine should list.
    .filter((p) => p.url !== NOT_FOUND_URL && p.url !== SEARCH_URL)
    .map((p) => ({ loc: absoluteUrl(p.url, config.baseUrl), ...(p.lastmod && { lastmod: p.lastmod }) }));
  if (urls.length <= limit) return [{ path: SITEMAP_FILE, data: urlset(urls) }];
  const parts: GeneratedFile[] = [];
  const index: SitemapUrl[] = [];
  for (let i = 0; i * limit < urls.length; i++) {
    const chunk = urls.slice(i * limit, (i + 1) * limit);
    const path = `sitemap-${i + 1}.xml`;
    parts.push({ path, data: urlset(chunk) });
    const lastmod = newest(chunk);
    index.push({ loc: absoluteUrl(path, config.baseUrl), ...(lastmod && { lastmod }) });
  }
  return [{ path: SITEMAP_FILE, data: document('sitemapindex', 'sitemap', index) }, ...parts];
}

const urlset = (urls: readonly SitemapUrl[]) => document('urlset', 'url', urls);

function document(root: string, item: string, urls: readonly SitemapUrl[]): string {
  const lines = urls.map(
    (u) =>
      `  <${item}><loc>${escapeXml(u.loc)}</loc>${u.lastmod ? `<lastmod>${escapeXml(u.lastmod)}</lastmod>` : ''}</${item}>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="${XMLNS}">\n${lines.join('\n')}\n</${root}>\n`;
}

/** The newest of W3C datetimes with offsets, compared as instants (text order fails across offsets). */
function newest(urls: readonly SitemapUrl[]): string | undefined {
  let best: string | undefined;
  for (const { lastmod } of urls) {
    if (lastmod && (best === undefined || Date.parse(lastmod) > Date.parse(best))) best = lastmod;
  }
  return best;
}

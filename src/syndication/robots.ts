import type { SiteConfig } from '../config/site-config.js';
import { absoluteUrl } from '../urls/urls.js';
import { SITEMAP_FILE } from './sitemap.js';

export const ROBOTS_FILE = 'robots.txt';

/**
 * robots.txt: every crawler may read everything, and is told where sitemap.xml is. Crawlers read it
 * only at the root of a host: a site in a subfolder (`https://a.cn/news/`) still gets one, for a host
 * that serves the folder as its root, but should add the Sitemap line to the host's own robots.txt.
 */
export const robotsTxt = (config: SiteConfig): string =>
  `User-agent: *\nDisallow:\n\nSitemap: ${absoluteUrl(SITEMAP_FILE, config.baseUrl)}\n`;

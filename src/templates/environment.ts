import nunjucks from 'nunjucks';
import type { SiteConfig } from '../config/site-config.js';
import { siteMeta } from '../pages/portal-meta.js';
import { jsonldFilter } from '../structured-data/jsonld-filter.js';
import { namedFilter } from './named-filter.js';
import { StrictLoader } from './strict-loader.js';
import { templateDirs } from './template-dirs.js';
import { TEMPLATE_SYNTAX } from './template-syntax.js';

/**
 * One Nunjucks environment per build: autoescape on (every value from content is text, never markup),
 * templates looked up first in the site's own `templates/`, then in the built-in theme, decoded
 * strictly as UTF-8 and compiled once. Printing an undefined value is an error, so a typo in a
 * template cannot silently blank a page.
 */
export function createEnvironment(root: string, config: SiteConfig): nunjucks.Environment {
  const env = new nunjucks.Environment(new StrictLoader(templateDirs(root), root), {
    autoescape: true,
    throwOnUndefined: true,
    ...TEMPLATE_SYNTAX,
  });
  const link = (url: unknown) => config.basePath + String(url).replace(/^\/+/, '');
  env.addFilter('url', namedFilter('url', link));
  env.addFilter(
    'absUrl',
    namedFilter('absUrl', (url: unknown) => new URL(String(url).replace(/^\/+/, ''), config.baseUrl).href),
  );
  env.addFilter('jsonld', namedFilter('jsonld', jsonldFilter));
  env.addGlobal('site', {
    title: config.title,
    description: config.description,
    baseUrl: config.baseUrl,
    language: config.language,
    footer: config.footer,
    icp: config.icp,
    police: config.police,
    gov: config.gov,
    logo: config.logo,
    favicon: config.favicon,
    meta: siteMeta(config),
    categories: config.categories.map((c) => ({ name: c.name, slug: c.slug, url: `/${c.slug}/` })),
    extra: config.extra,
  });
  return env;
}

import type { Category, SiteConfig } from '../config/site-config.js';
import { parseArticleDate } from '../content/dates.js';
import { absoluteUrl, articleUrl } from '../urls/urls.js';
import { yamlScalar } from '../yaml/yaml-scalar.js';
import { fillTemplate } from './fill-template.js';
import { markdownText } from './markdown-text.js';

/** The date, slug and file of the example article the editors' guide speaks of. */
const GUIDE_EXAMPLE = { date: '2024-03-01 16:59:26', slug: 'anquan-shengchan' };

/**
 * A site's README.md or editors' guide: the starter's text with the site's own name, address and
 * categories, so that every command it shows works in the site's folder as written.
 */
export function siteDoc(template: string, file: string, config: SiteConfig, node: string): string {
  const first = config.categories[0] as Category;
  const date = parseArticleDate(GUIDE_EXAMPLE.date, config.timeZone);
  if (!date.ok)
    throw new Error(`the guide's example date does not parse: ${date.code} ${JSON.stringify(date.values)}`);
  const url = articleUrl(config.permalink, { category: first, date: date.date, slug: GUIDE_EXAMPLE.slug });
  return fillTemplate(
    template,
    {
      title: markdownText(config.title),
      baseUrl: config.baseUrl,
      node: markdownText(node),
      timeZone: markdownText(config.timeZone),
      categoryTable: [
        '| 栏目 | 栏目代号（slug） | 文件夹 |',
        '| --- | --- | --- |',
        ...config.categories.map((c) => `| ${markdownText(c.name)} | ${c.slug} | \`content/${c.slug}/\` |`),
      ].join('\n'),
      exampleCategory: commandCategory(first),
      exampleSlug: first.slug,
      exampleUrl: absoluteUrl(url, config.baseUrl),
      sourceNote:
        config.defaultSource === undefined
          ? '不写就不显示来源（网站管理员可以在 site.yaml 中设置默认来源）'
          : `不写就用网站默认来源（${markdownText(config.defaultSource)}）`,
    },
    file,
  );
}

/**
 * How a category is named in the commands and front matter the docs show: by its name (学习), which
 * editors know, where that is one word that needs no quotes in a shell, in YAML or in Markdown;
 * else by its slug, which always does.
 */
export const commandCategory = (c: Category): string =>
  /^[\p{L}\p{N}]+$/u.test(c.name) && !/^\d+$/.test(c.name) && yamlScalar(c.name) === c.name ? c.name : c.slug;

import type { DateTime } from 'luxon';
import type { Category, SiteConfig } from '../config/site-config.js';
import { CONTENT_DIR } from '../content/discover.js';
import { PLACEHOLDER_BODY } from '../content/placeholder.js';
import type { Values } from '../messages/types.js';
import { isValidSlug, slugify } from '../text/slug.js';
import { MAX_NAME_BYTES } from '../urls/address-length.js';
import { yamlScalar } from '../yaml/yaml-scalar.js';

/** Longest slug made from a title; longer ones are cut at a hyphen. */
export const MAX_TITLE_SLUG = 60;

export interface NewArticleInput {
  readonly title: string;
  /** A category's name (学习) or slug (xuexi). */
  readonly category: string;
  /** The URL slug; default: the title in pinyin. */
  readonly slug?: string;
  /** The moment of creation; its date and time in the site's zone are written. */
  readonly now: DateTime;
  /**
   * The Markdown body. Default: the placeholder, which tells editors where the text goes; the article
   * is then a draft, published only once an editor has written it and deleted its `draft: true`.
   */
  readonly body?: string;
}

export type NewArticleResult =
  | { ok: true; relativePath: string; text: string; category: Category; slug: string }
  | { ok: false; code: NewArticleCode; values: Values };

/** Why no article could be made of what was given: bad usage, worded by the CLI in the editors' language. */
export type NewArticleCode = 'GZ0809' | 'GZ0810' | 'GZ0811' | 'GZ0812' | 'GZ0813';

/** Lists go into a message's values one item a line (a name may hold a comma, never a line break). */
const listed = (items: readonly string[]) => items.join('\n');

/**
 * The file a new article starts as: `content/<category>/<YYYY-MM-DD>-<slug>.md` and its text, with
 * complete front matter that builds as it is (a draft, without a body: see NewArticleInput). Pure:
 * no file is read or written here.
 */
export function newArticle(config: SiteConfig, input: NewArticleInput): NewArticleResult {
  const title = input.title.replace(/\s+/g, ' ').trim();
  if (title === '') return { ok: false, code: 'GZ0809', values: {} };

  const wanted = input.category.trim();
  const category = config.categories.find((c) => c.name === wanted || c.slug === wanted);
  if (!category) {
    return {
      ok: false,
      code: 'GZ0810',
      values: {
        wanted,
        names: listed(config.categories.map((c) => c.name)),
        slugs: listed(config.categories.map((c) => c.slug)),
      },
    };
  }

  let slug: string;
  if (input.slug !== undefined) {
    if (!isValidSlug(input.slug)) {
      return { ok: false, code: 'GZ0811', values: { slug: input.slug } };
    }
    slug = input.slug;
  } else {
    slug = truncateSlug(slugify(title), MAX_TITLE_SLUG);
    if (slug === '') {
      return { ok: false, code: 'GZ0812', values: { title } };
    }
  }

  const now = input.now.setZone(config.timeZone);
  const fileName = `${now.toFormat('yyyy-MM-dd')}-${slug}.md`;
  if (Buffer.byteLength(fileName) > MAX_NAME_BYTES) {
    return {
      ok: false,
      code: 'GZ0813',
      values: { start: fileName.slice(0, 40), bytes: Buffer.byteLength(fileName), max: MAX_NAME_BYTES },
    };
  }
  const draft = input.body === undefined;
  const lines = [
    '---',
    `title: ${yamlScalar(title)}`,
    `date: ${now.toFormat('yyyy-MM-dd HH:mm:ss')}`,
    `category: ${yamlScalar(category.name)}`,
    config.defaultSource !== undefined ? `source: ${yamlScalar(config.defaultSource)}` : '# source: 来源单位',
    '# author: 记者 姓名',
    '# editor: 责任编辑姓名',
    'tags: []',
    // The URL slug comes from the file name, where "_" and "." become "-"; keep the one asked for.
    ...(slugify(slug) === slug ? [] : [`slug: ${slug}`]),
    // Never published unasked: the line an editor deletes to publish it (a build names it till then).
    ...(draft ? ['draft: true'] : []),
    '---',
    '',
    input.body?.trimEnd() ?? PLACEHOLDER_BODY,
    '',
  ];
  return {
    ok: true,
    relativePath: `${CONTENT_DIR}/${category.slug}/${fileName}`,
    text: lines.join('\n'),
    category,
    slug,
  };
}

/** At most `max` characters, cut at a hyphen where there is one, never ending in a hyphen. */
export function truncateSlug(slug: string, max: number): string {
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max);
  const atHyphen = slug[max] === '-' ? cut : cut.slice(0, Math.max(cut.lastIndexOf('-'), 0));
  return (atHyphen === '' ? cut : atHyphen).replace(/-+$/, '');
}

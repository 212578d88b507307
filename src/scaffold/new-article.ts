import type { DateTime } from 'luxon';
import type { Category, SiteConfig } from '../config/site-config.js';
import { CONTENT_DIR } from '../content/discover.js';
import { PLACEHOLDER_BODY } from '../content/placeholder.js';
import { MAX_NAME_BYTES } from '../graph/address-length.js';
import { isValidSlug, slugify } from '../text/slug.js';
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
  | { ok: false; problem: string };

/**
 * The file a new article starts as: `content/<category>/<YYYY-MM-DD>-<slug>.md` and its text, with
 * complete front matter that builds as it is (a draft, without a body: see NewArticleInput). Pure:
 * no file is read or written here.
 */
export function newArticle(config: SiteConfig, input: NewArticleInput): NewArticleResult {
  const title = input.title.replace(/\s+/g, ' ').trim();
  if (title === '') return { ok: false, problem: 'the title is empty; give one, e.g. gazette new "标题"' };

  const wanted = input.category.trim();
  const category = config.categories.find((c) => c.name === wanted || c.slug === wanted);
  if (!category) {
    return {
      ok: false,
      problem: `unknown category "${wanted}"; use one of: ${config.categories.map((c) => `${c.name} (${c.slug})`).join(', ')}`,
    };
  }

  let slug: string;
  if (input.slug !== undefined) {
    if (!isValidSlug(input.slug)) {
      return {
        ok: false,
        problem: `--slug "${input.slug}" may contain only a-z, 0-9, "-", "_" and "." and must start and end with a letter or digit; e.g. --slug jinhua-yonggong`,
      };
    }
    slug = input.slug;
  } else {
    slug = truncateSlug(slugify(title), MAX_TITLE_SLUG);
    if (slug === '') {
      return {
        ok: false,
        problem: `the title "${title}" gives no usable file name; add --slug, e.g. --slug jinhua-news`,
      };
    }
  }

  const now = input.now.setZone(config.timeZone);
  const fileName = `${now.toFormat('yyyy-MM-dd')}-${slug}.md`;
  if (Buffer.byteLength(fileName) > MAX_NAME_BYTES) {
    return {
      ok: false,
      problem: `--slug is too long: the file name ${fileName.slice(0, 40)}… would have ${Buffer.byteLength(fileName)} bytes, and a file name may have at most ${MAX_NAME_BYTES}; give a shorter --slug`,
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

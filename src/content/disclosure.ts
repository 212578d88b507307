import type { SiteConfig } from '../config/site-config.js';
import { type Diagnostic, type Position, problem } from '../errors/diagnostic.js';
import type { YamlMapping } from '../yaml/parse-yaml.js';
import type { Disclosure } from './article.js';
import { type ArticleDate, parseArticleDate } from './dates.js';

/** `disclosure:` as the front-matter schema let it through: every value text. */
export interface RawDisclosure {
  readonly index: string;
  readonly publisher?: string | undefined;
  readonly topic?: string | undefined;
  readonly written?: string | undefined;
  readonly number?: string | undefined;
  readonly validity?: string | undefined;
}

/**
 * An article's 政府信息公开 fields, checked against its date and the site's rules, each problem at
 * the key it is about. A category that requires the block and an article without it: at `category:`
 * (a warning in a draft).
 * Two articles with one 索引号 are found later, over all articles (graph/disclosure-indexes.ts).
 */
export function readDisclosure(
  raw: RawDisclosure | undefined,
  article: {
    readonly file: string;
    readonly date: ArticleDate;
    readonly draft: boolean;
    readonly categorySlug: string;
    readonly categoryName: string;
  },
  yaml: YamlMapping,
  config: SiteConfig,
): { disclosure?: Disclosure; at?: Position; problems: Diagnostic[] } {
  const { file } = article;
  const problems: Diagnostic[] = [];
  if (raw === undefined) {
    // A draft (as `gazette new` writes it) is told, not stopped: the block is needed to publish it.
    if (config.disclosure?.required.includes(article.categorySlug))
      problems.push(
        problem(
          'GZ0117',
          file,
          yaml.locateKey(['category']),
          { category: article.categoryName },
          article.draft ? 'warning' : 'error',
        ),
      );
    return { problems };
  }
  const key = (name: string): Position => yaml.locateKey(['disclosure', name]);
  const pattern = config.disclosure?.indexPattern;
  // The pattern compiled when site.yaml was read (load-config), so it compiles here.
  if (pattern !== undefined && !new RegExp(pattern, 'u').test(raw.index))
    problems.push(problem('GZ0115', file, key('index'), { index: raw.index, pattern }));

  const written = raw.written === undefined ? undefined : writtenDate(raw.written);
  if (written === 'invalid')
    problems.push(problem('GZ0113', file, key('written'), { text: raw.written ?? '' }));
  const published = `${article.date.year}-${article.date.month}-${article.date.day}`;
  // Compared by calendar day in the site's zone: a document written on the day it is published is fine.
  if (written && written !== 'invalid' && written.iso > published)
    problems.push(problem('GZ0114', file, key('written'), { written: written.iso, date: published }));

  const { index, publisher, topic, number, validity } = raw;
  return {
    disclosure: {
      index,
      ...(publisher !== undefined && { publisher }),
      ...(topic !== undefined && { topic }),
      ...(written && written !== 'invalid' && { written }),
      ...(number !== undefined && { number }),
      ...(validity !== undefined && { validity }),
    },
    at: key('index'),
    problems,
  };
}

/** A 成文日期 is a day, `YYYY-MM-DD`, that exists: as shown on the page, `2022年02月28日`. */
function writtenDate(text: string): { iso: string; display: string } | 'invalid' {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  // The zone does not matter for a day with no time; UTC has no gaps.
  if (!day || !parseArticleDate(text.trim(), 'UTC').ok) return 'invalid';
  const [, y, m, d] = day;
  return { iso: `${y}-${m}-${d}`, display: `${y}年${m}月${d}日` };
}

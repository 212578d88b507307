import path from 'node:path';
import type { SiteConfig } from '../config/site-config.js';
import { type Diagnostic, hasErrors, type Position, problem } from '../errors/diagnostic.js';
import { decodeText, undecodable } from '../text/decode.js';
import { slugify } from '../text/slug.js';
import { addressLimit } from '../urls/address-length.js';
import { articleUrl, tagUrl } from '../urls/urls.js';
import { parseYamlMapping, type YamlMapping } from '../yaml/parse-yaml.js';
import { unknownKeyWarnings, validateMapping } from '../yaml/validate.js';
import type { Article, SourceFile } from './article.js';
import { parseArticleDate } from './dates.js';
import { readDisclosure } from './disclosure.js';
import { splitFrontMatter } from './front-matter.js';
import { CHINESE_FIELD_NAMES, FRONT_MATTER_FIELDS, frontMatterSchema } from './schema.js';

export type LoadResult = { article?: Article; diagnostics: Diagnostic[] };

/** Reads one content file into an Article, or says everything that is wrong with it. Pure. */
export function loadArticle(source: SourceFile, config: SiteConfig): LoadResult {
  const file = source.path;
  const decoded = decodeText(source.bytes);
  if (!decoded.ok) return { diagnostics: [undecodable(file, decoded)] };

  const split = splitFrontMatter(decoded.text, file);
  if (!split.ok) return { diagnostics: [split.diagnostic] };
  const parsed = parseYamlMapping(split.value.yaml, file, 'front matter', CHINESE_FIELD_NAMES);
  if (!parsed.ok) return { diagnostics: parsed.diagnostics };
  const yaml = parsed.value;
  // Control characters taken out of the texts: a warning each, whatever else is found.
  const withCleaned = (ds: readonly Diagnostic[]): Diagnostic[] => [...yaml.warnings, ...ds];
  const validated = validateMapping(
    frontMatterSchema,
    yaml,
    file,
    'front matter between the two "---" lines',
    FRONT_MATTER_FIELDS,
  );
  if (!validated.ok) return { diagnostics: withCleaned(validated.diagnostics) };
  const fm = validated.value;

  const diagnostics: Diagnostic[] = [];
  const category = config.categories.find((c) => c.name === fm.category || c.slug === fm.category);
  if (!category) {
    diagnostics.push(
      problem('GZ0108', file, yaml.locate(['category']), {
        category: fm.category,
        known: config.categories.map((c) => c.name).join(', '),
      }),
    );
  }
  const date = parseArticleDate(fm.date, config.timeZone);
  if (!date.ok) diagnostics.push(problem(date.code, file, yaml.locate(['date']), date.values));

  const slug = fm.slug ?? defaultSlug(file);
  if (slug === '') {
    diagnostics.push(problem('GZ0109', file, { line: 1, column: 1 }));
  }
  if (!category || !date.ok || diagnostics.length > 0) return { diagnostics: withCleaned(diagnostics) };
  diagnostics.push(
    ...tooLongAddresses(fm, yaml, file, articleUrl(config.permalink, { category, date: date.date, slug })),
  );
  const disclosure = readDisclosure(
    fm.disclosure,
    { file, date: date.date, draft: fm.draft, categorySlug: category.slug, categoryName: category.name },
    yaml,
    config,
  );
  diagnostics.push(...disclosure.problems);
  if (hasErrors(diagnostics)) return { diagnostics: withCleaned(diagnostics) };

  const {
    title,
    date: _d,
    category: _c,
    source: src,
    author,
    editor,
    summary,
    tags,
    slug: _s,
    draft,
    headline,
    cover,
    coverAlt,
    disclosure: _disclosure,
    ...extra
  } = fm;
  return {
    diagnostics: withCleaned([
      ...diagnostics,
      ...unknownKeyWarnings(yaml, FRONT_MATTER_FIELDS, file, 'front matter', { nearMissesOnly: true }),
    ]),
    article: {
      file,
      title,
      slug,
      category,
      date: date.date,
      ...(src !== undefined
        ? { source: src }
        : config.defaultSource !== undefined
          ? { source: config.defaultSource }
          : {}),
      ...(author !== undefined && { author }),
      ...(editor !== undefined && { editor }),
      ...(summary !== undefined && { summary }),
      tags: tags ?? [],
      draft,
      headline,
      ...(cover !== undefined && {
        cover: { href: cover, alt: coverAlt ?? '', ...yaml.locate(['cover']) },
      }),
      ...(disclosure.disclosure && { disclosure: disclosure.disclosure }),
      extra,
      body: split.value.body,
      bodyLine: split.value.bodyLine,
      at: {
        date: yaml.locate(['date']),
        address: addressAt(yaml, fm.slug !== undefined),
        ...(disclosure.at && { disclosureIndex: disclosure.at }),
      },
    },
  };
}

/** The file name without extension and without a leading `YYYY-MM-DD-` date, as a slug. */
export function defaultSlug(file: string): string {
  const stem = path.posix.basename(file).replace(/\.(md|markdown)$/i, '');
  return slugify(stem.replace(/^\d{4}-\d{2}-\d{2}-(?=.)/, ''));
}

/**
 * Where the part of the article's address that sets it apart is written, for a message about two
 * articles at one address: the `slug:`, or the title when the file's name makes the slug (as the
 * title made the name, with `gazette new`). Every permalink has a slug (permalinkProblem).
 */
const addressAt = (yaml: YamlMapping, hasSlug: boolean): Position =>
  yaml.locate([hasSlug ? 'slug' : 'title']);

/**
 * The article's own address and its tags' (`/tags/<pinyin>/`), when one is too long to be written:
 * at the slug (or the file, whose name made it) and at the tag.
 */
function tooLongAddresses(
  fm: { slug?: string | undefined; tags?: readonly string[] | undefined },
  yaml: YamlMapping,
  file: string,
  url: string,
): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const own = addressLimit(url);
  if (own && fm.slug !== undefined)
    problems.push(problem('GZ0110', file, yaml.locate(['slug']), { ...own, by: 'slug' }));
  else if (own) problems.push(problem('GZ0110', file, { line: 1, column: 1 }, { ...own, by: 'name' }));
  const written = yaml.data.tags;
  for (const tag of fm.tags ?? []) {
    const limit = addressLimit(tagUrl(slugify(tag)));
    if (!limit) continue;
    // The tag's own item, when tags are a list (not "tags: 就业，人才").
    const at = Array.isArray(written) ? written.findIndex((t) => String(t).trim() === tag) : -1;
    problems.push(
      problem('GZ0110', file, yaml.locate(at === -1 ? ['tags'] : ['tags', at]), { ...limit, by: 'tag' }),
    );
  }
  return problems;
}

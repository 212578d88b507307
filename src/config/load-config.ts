import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { problem as coded, type Diagnostic, GazetteError, hasErrors } from '../errors/diagnostic.js';
import { decodeText, undecodable } from '../text/decode.js';
import { slugify } from '../text/slug.js';
import { parseYamlMapping } from '../yaml/parse-yaml.js';
import { unknownKeyWarnings, validateMapping } from '../yaml/validate.js';
import { CONTACT_SLUG, categoryProblem } from './category-rules.js';
import { readGov } from './gov-config.js';
import { policeCodeOf } from './police-code.js';
import { type NamedFile, namedFile, sitePath, withPublicFiles } from './public-file.js';
import { EXTRA_KEY, KNOWN_SITE_KEYS, siteSchema } from './schema.js';
import type { Category, CategoryMeta, SiteConfig } from './site-config.js';
import { parseUpdateLimit } from './update-within.js';

export const CONFIG_FILE = 'site.yaml';

/** Reads and validates `ROOT/site.yaml`. Throws GazetteError; returns the config and any warnings. */
/** Settings given on the command line, which win over site.yaml. */
export interface ConfigOverrides {
  /** `--base-url`: e.g. to serve the same site from a subfolder, or from the dev server. */
  readonly baseUrl?: string;
}

export async function loadConfig(
  root: string,
  overrides: ConfigOverrides = {},
): Promise<{ config: SiteConfig; warnings: Diagnostic[] }> {
  const file = CONFIG_FILE;
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path.join(root, file));
  } catch {
    throw new GazetteError([coded('GZ0301', file, undefined, { file, root: path.resolve(root) })]);
  }
  const parsed = parseConfig(bytes, file, overrides);
  return {
    config: await withPublicFiles(parsed.config, parsed.files, root, file),
    warnings: parsed.warnings,
  };
}

export function parseConfig(
  bytes: Uint8Array,
  file: string,
  overrides: ConfigOverrides = {},
): { config: SiteConfig; warnings: Diagnostic[]; files: NamedFile[] } {
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    throw new GazetteError([undecodable(file, decoded, { config: 1 })]);
  }
  const parsed = parseYamlMapping(decoded.text, file, 'site.yaml');
  if (!parsed.ok) throw new GazetteError(parsed.diagnostics);
  const yaml = parsed.value;
  const fields = { known: [...KNOWN_SITE_KEYS, EXTRA_KEY] };
  const validated = validateMapping(siteSchema, yaml, file, 'site.yaml', fields);
  if (validated.ok && overrides.baseUrl !== undefined) {
    const checked = siteSchema.shape.baseUrl.safeParse(overrides.baseUrl);
    if (!checked.success)
      throw new GazetteError([
        coded('GZ0302', '--base-url', undefined, {
          detail: checked.error.issues[0]?.message ?? 'invalid URL',
        }),
      ]);
    validated.value.baseUrl = checked.data;
  }
  if (!validated.ok) throw new GazetteError([...yaml.warnings, ...validated.diagnostics]);
  const raw = validated.value;

  const problems: Diagnostic[] = [...yaml.warnings, ...unknownKeyWarnings(yaml, fields, file, 'site.yaml')];
  const categories: Category[] = [];
  raw.categories.forEach((c, i) => {
    const updateWithin = c.updateWithin === undefined ? undefined : parseUpdateLimit(c.updateWithin);
    if (c.updateWithin !== undefined && updateWithin === undefined) {
      const at = yaml.locate(['categories', i, 'updateWithin']);
      problems.push(coded('GZ0906', file, at, { name: c.name, value: String(c.updateWithin) }));
    }
    const category = { name: c.name, slug: c.slug ?? slugify(c.name), ...(updateWithin && { updateWithin }) };
    const problem = categoryProblem(category, categories, raw.gov?.contact ? [CONTACT_SLUG] : []);
    const at = problem?.inSlug && c.slug !== undefined ? ['categories', i, 'slug'] : ['categories', i];
    if (problem) problems.push(coded(problem.code, file, yaml.locate(at), problem.values));
    else categories.push(category);
  });
  const policeCode = raw.police && policeCodeOf(raw.police);
  if (raw.police && !policeCode) {
    problems.push(coded('GZ0307', file, yaml.locate(['police'])));
  }
  // Files of public/ that site.yaml names: found and measured by loadConfig, which reads the disk.
  const files: NamedFile[] = [];
  if (raw.logo !== undefined) files.push(namedFile('logo', raw.logo, yaml.locate(['logo'])));
  if (raw.favicon !== undefined) files.push(namedFile('favicon', raw.favicon, yaml.locate(['favicon'])));
  const gov = raw.gov && readGov(raw.gov, file, yaml.locate);
  if (gov) {
    problems.push(...gov.problems);
    files.push(...gov.files);
  }
  const indexPattern = raw.disclosure?.indexPattern;
  const patternProblem = indexPattern !== undefined && regexProblem(indexPattern);
  if (patternProblem)
    problems.push(
      coded('GZ0312', file, yaml.locate(['disclosure', 'indexPattern']), { detail: patternProblem }),
    );
  if (hasErrors(problems)) throw new GazetteError(problems);
  const required = categories.filter((_, i) => raw.categories[i]?.disclosure === 'required');

  const categoryMeta = metaOfCategories(raw.categories, categories);
  const baseUrl = new URL(raw.baseUrl);
  if (!baseUrl.pathname.endsWith('/')) baseUrl.pathname += '/';
  const extra = yaml.data[EXTRA_KEY];
  const config: SiteConfig = {
    title: raw.title,
    description: raw.description,
    baseUrl: baseUrl.href,
    basePath: baseUrl.pathname,
    language: raw.language,
    timeZone: raw.timeZone,
    ...(raw.defaultSource !== undefined && { defaultSource: raw.defaultSource }),
    categories,
    pageSize: raw.pageSize,
    homePerCategory: raw.homePerCategory,
    permalink: raw.permalink,
    footer: raw.footer,
    feedSize: raw.feedSize,
    ...(raw.icp !== undefined && { icp: raw.icp }),
    ...(raw.police && policeCode && { police: { text: raw.police.text, code: policeCode } }),
    ...(Object.keys(categoryMeta).length > 0 && { categoryMeta }),
    ...(gov && { gov: gov.gov }),
    ...(raw.logo !== undefined && { logo: { url: sitePath(raw.logo) } }),
    ...(raw.favicon !== undefined && { favicon: sitePath(raw.favicon) }),
    ...((indexPattern !== undefined || required.length > 0) && {
      disclosure: {
        ...(indexPattern !== undefined && { indexPattern }),
        required: required.map((c) => c.slug),
      },
    }),
    extra:
      extra && typeof extra === 'object' && !Array.isArray(extra) ? (extra as Record<string, unknown>) : {},
  };
  return { config, warnings: problems, files };
}

/** Why `pattern` cannot be compiled as a regular expression (Unicode mode, as it is used), if it cannot. */
function regexProblem(pattern: string): string | undefined {
  try {
    new RegExp(pattern, 'u');
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** What site.yaml says of each category for the 指引's metadata, by slug, for the categories kept. */
function metaOfCategories(
  raw: readonly { description?: string; keywords?: string[]; type?: string }[],
  kept: readonly Category[],
): Record<string, CategoryMeta> {
  const meta: Record<string, CategoryMeta> = {};
  raw.forEach((c, i) => {
    const category = kept[i];
    if (!category || (c.description === undefined && c.keywords === undefined && c.type === undefined))
      return;
    meta[category.slug] = {
      ...(c.description !== undefined && { description: c.description }),
      ...(c.keywords !== undefined && { keywords: c.keywords }),
      ...(c.type !== undefined && { type: c.type }),
    };
  });
  return meta;
}

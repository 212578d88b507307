import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { decodeText, undecodable } from '../content/decode.js';
import { problem as coded, type Diagnostic, GazetteError, hasErrors } from '../errors/diagnostic.js';
import { slugify } from '../text/slug.js';
import { parseYamlMapping } from '../yaml/parse-yaml.js';
import { unknownKeyWarnings, validateMapping } from '../yaml/validate.js';
import { categoryProblem } from './category-rules.js';
import { addressProblem, emailProblem, isWebAddress, publicPath, siteCodeProblem } from './gov-rules.js';
import { policeCodeOf } from './police-code.js';
import { findPublicFile, measuredImage, type NamedFile } from './public-file.js';
import { EXTRA_KEY, KNOWN_SITE_KEYS, siteSchema } from './schema.js';
import type { Category, CategoryMeta, ConfigImage, GovInfo, SiteConfig } from './site-config.js';

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

/**
 * The config with the files it names found in public/ (the site's, or the theme's) and its pictures
 * measured; a file that is not there is an error at its key.
 */
async function withPublicFiles(
  config: SiteConfig,
  files: readonly NamedFile[],
  root: string,
  file: string,
): Promise<SiteConfig> {
  const found = new Map<string, ConfigImage>();
  const problems: Diagnostic[] = [];
  for (const named of files) {
    const full = named.rel === undefined ? undefined : await findPublicFile(root, named.rel);
    if (full === undefined || named.rel === undefined) {
      const values = { key: named.key, value: named.value, url: named.orAddress ? 1 : 0 };
      problems.push(coded('GZ0311', file, named.at, values));
    } else {
      found.set(named.key, await measuredImage(full, named.rel));
    }
  }
  if (problems.length > 0) throw new GazetteError(problems);
  const logo = found.get('logo');
  const badgeImage = found.get('gov.badge.image');
  const badge = config.gov?.badge;
  return {
    ...config,
    ...(logo && { logo }),
    ...(config.gov &&
      badge &&
      badgeImage && { gov: { ...config.gov, badge: { ...badge, image: badgeImage } } }),
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
    const category = { name: c.name, slug: c.slug ?? slugify(c.name) };
    const problem = categoryProblem(category, categories);
    const at = problem?.inSlug && c.slug !== undefined ? ['categories', i, 'slug'] : ['categories', i];
    if (problem) problems.push(coded(problem.code, file, yaml.locate(at), problem.values));
    else categories.push(category);
  });
  const policeCode = raw.police && policeCodeOf(raw.police);
  if (raw.police && !policeCode) {
    problems.push(coded('GZ0307', file, yaml.locate(['police'])));
  }
  const files: NamedFile[] = [];
  const named = (key: string, value: string, at: readonly PropertyKey[], orAddress = false) =>
    files.push({ key, value, rel: publicPath(value), at: yaml.locate(at), orAddress });
  if (raw.logo !== undefined) named('logo', raw.logo, ['logo']);
  if (raw.favicon !== undefined) named('favicon', raw.favicon, ['favicon']);
  const gov = raw.gov && govInfo(raw.gov);
  if (raw.gov) {
    const { siteCode, contact, badge, findError } = raw.gov;
    const check = (found: ReturnType<typeof siteCodeProblem>, at: readonly PropertyKey[]) => {
      if (found) problems.push(coded(found.code, file, yaml.locate(at), found.values));
    };
    if (siteCode !== undefined) check(siteCodeProblem(siteCode), ['gov', 'siteCode']);
    if (contact?.email !== undefined) check(emailProblem(contact.email), ['gov', 'contact', 'email']);
    if (badge) {
      check(addressProblem('gov.badge.href', badge.href), ['gov', 'badge', 'href']);
      if (/^[a-z][a-z0-9+.-]*:/i.test(badge.image))
        check(addressProblem('gov.badge.image', badge.image), ['gov', 'badge', 'image']);
      else named('gov.badge.image', badge.image, ['gov', 'badge', 'image'], true);
    }
    if (findError !== undefined) check(addressProblem('gov.findError', findError), ['gov', 'findError']);
  }
  if (hasErrors(problems)) throw new GazetteError(problems);

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
    ...(gov && { gov }),
    ...(raw.logo !== undefined && { logo: { url: siteUrl(raw.logo) } }),
    ...(raw.favicon !== undefined && { favicon: siteUrl(raw.favicon) }),
    extra:
      extra && typeof extra === 'object' && !Array.isArray(extra) ? (extra as Record<string, unknown>) : {},
  };
  return { config, warnings: problems, files };
}

/** A file of public/ as a site path: `assets/a.png` → `/assets/a.png`. */
const siteUrl = (value: string): string => `/${value.replace(/^\/+/, '')}`;

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

/** `gov:` as templates see it: only the parts configured; a badge's picture as a site path or an address. */
function govInfo(raw: {
  siteCode?: string;
  organizer?: string;
  operator?: string;
  contact?: { phone?: string; email?: string; address?: string };
  badge?: { href: string; image: string };
  findError?: string;
}): GovInfo {
  const { siteCode, organizer, operator, contact, badge, findError } = raw;
  const hasContact = contact && (contact.phone ?? contact.email ?? contact.address) !== undefined;
  return {
    ...(siteCode !== undefined && { siteCode }),
    ...(organizer !== undefined && { organizer }),
    ...(operator !== undefined && { operator }),
    ...(hasContact && { contact }),
    ...(badge && {
      badge: {
        href: badge.href,
        image: { url: isWebAddress(badge.image) ? badge.image : siteUrl(badge.image) },
      },
    }),
    ...(findError !== undefined && { findError }),
  };
}

import { IANAZone } from 'luxon';
import { z } from 'zod';
import { isValidSlug } from '../text/slug.js';
import { permalinkProblem } from './permalink.js';

const text = (field: string) =>
  z
    .string({ error: `"${field}" must be text` })
    .trim()
    .min(1, { error: `"${field}" must not be empty` });

export const categorySchema = z.object(
  {
    name: text('name'),
    slug: z
      .string({ error: '"slug" must be text' })
      .refine(isValidSlug, {
        error: 'a category slug may contain only a-z, 0-9 and "-" (e.g. xuexi)',
        params: { kind: 'categorySlug' },
      })
      .optional(),
    // The 指引's page metadata of the category: ColumnDescription, ColumnKeywords, ColumnType.
    description: text('description').optional(),
    keywords: z
      .union([text('keywords'), z.array(text('keywords'))], {
        error: '"keywords" must be text or a list of words, e.g. keywords: [通知, 公告]',
      })
      .transform((k) => (typeof k === 'string' ? k.split(/[,，、]\s*/).filter(Boolean) : k))
      .optional(),
    type: text('type').optional(),
    /** Read by parseUpdateLimit, whose problem has a code of its own (GZ0906). */
    updateWithin: z.unknown().optional(),
    // Every article of the category is a 政府信息公开 article, with a `disclosure:` block.
    disclosure: z
      .literal('required', { error: '"disclosure" of a category can only be "required"' })
      .optional(),
  },
  { error: 'each category must be a mapping like {name: 学习, slug: xuexi}' },
);

// YAML reads an unquoted number as a number: `code: 33070202000123` is meant as text all the same.
const policeCode = z
  .union([z.string().trim(), z.number().int().nonnegative()], {
    error: '"code" must be the number of the 公安备案, e.g. code: 33070202000123',
  })
  .transform(String)
  .refine((code) => /^\d{6,20}$/.test(code), {
    error: '"code" must be the digits of the 公安备案 number, e.g. code: 33070202000123',
    params: { kind: 'policeDigits' },
  });

/** 公安备案: the text shown and the number the register is queried with (default: the digits of text). */
export const policeSchema = z.strictObject(
  { text: text('text'), code: policeCode.optional() },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `"police" has only text and code, not ${issue.keys.map((k) => `"${k}"`).join(', ')}`
        : '"police" must be a mapping like {text: 浙公网安备 33070202000123号, code: 33070202000123}',
  },
);

// A number YAML read from digits (`siteCode: 3307000001`, `phone: 82468000`) is meant as text.
const digitsOrText = (field: string) =>
  z
    .union([z.string().trim().min(1), z.number().int().nonnegative()], {
      error: `"${field}" must be text`,
    })
    .transform(String);

const mappingOf = <T extends z.core.$ZodLooseShape>(key: string, shape: T, example: string) =>
  z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `"${key}" has only ${Object.keys(shape).join(', ')}, not ${issue.keys.map((k) => `"${k}"`).join(', ')}`
        : `"${key}" must be a mapping like ${example}`,
  });

/**
 * `gov:`, a government site's identity. The types are checked here; what the values must look like
 * (a 网站标识码, addresses, files) is checked with their positions in gov-rules.ts.
 */
export const govSchema = mappingOf(
  'gov',
  {
    siteCode: digitsOrText('siteCode').optional(),
    organizer: text('organizer').optional(),
    operator: text('operator').optional(),
    contact: mappingOf(
      'contact',
      {
        phone: digitsOrText('phone').optional(),
        email: text('email').optional(),
        address: text('address').optional(),
      },
      '{phone: 0579-82468000, email: web@example.gov.cn, address: 金华市双龙南街}',
    ).optional(),
    badge: mappingOf(
      'badge',
      { href: text('href'), image: text('image') },
      '{href: https://bszs.conac.cn/sitename?…, image: /assets/dzjg.png}',
    ).optional(),
    findError: text('findError').optional(),
  },
  '{siteCode: "3307000001", organizer: 金华市人民政府办公室}',
);

/** `disclosure:`, the site's rules for 政府信息公开 articles; the pattern is compiled in load-config. */
export const disclosureSchema = mappingOf(
  'disclosure',
  { indexPattern: text('indexPattern').optional() },
  "{indexPattern: '^\\d{9}/\\d{4}-\\d{5}$'}",
);

/** `site.yaml`, as written by the site's maintainer. Key names are part of the public contract. */
export const siteSchema = z.object({
  title: text('title'),
  description: z.string({ error: '"description" must be text' }).default(''),
  baseUrl: z
    .string({ error: '"baseUrl" must be text, e.g. https://news.example.cn/' })
    .refine((u) => /^https?:\/\/[^/\s]+/i.test(u) && URL.canParse(u) && !/[?#]/.test(u), {
      error:
        '"baseUrl" must be an absolute http(s) URL with a scheme and no ?query or #fragment, e.g. https://news.example.cn/',
      params: { kind: 'baseUrl' },
    }),
  language: text('language').default('zh-CN'),
  timeZone: text('timeZone')
    .refine((zone) => IANAZone.isValidZone(zone), {
      error: '"timeZone" is not a known IANA time zone; use a name like Asia/Shanghai',
      params: { kind: 'timeZone' },
    })
    .default('Asia/Shanghai'),
  defaultSource: text('defaultSource').optional(),
  categories: z
    .array(categorySchema, { error: '"categories" must be a list of {name, slug} entries' })
    .min(1, { error: '"categories" must list at least one category' }),
  pageSize: z
    .number({ error: '"pageSize" must be a whole number' })
    .int({ error: '"pageSize" must be a whole number' })
    .min(1, { error: '"pageSize" must be at least 1' })
    .max(1000)
    .default(20),
  homePerCategory: z
    .number({ error: '"homePerCategory" must be a whole number' })
    .int()
    .min(1)
    .max(100)
    .default(6),
  permalink: z
    .string({ error: '"permalink" must be text' })
    .superRefine((p, ctx) => {
      const problem = permalinkProblem(p);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .default('/{category}/{yyyy}/{mm}/{slug}/'),
  footer: z.string({ error: '"footer" must be text' }).default(''),
  feedSize: z
    .number({ error: '"feedSize" must be a whole number' })
    .int({ error: '"feedSize" must be a whole number' })
    .min(1, { error: '"feedSize" must be at least 1' })
    .max(1000)
    .default(20),
  icp: text('icp').optional(),
  police: policeSchema.optional(),
  gov: govSchema.optional(),
  logo: text('logo').optional(),
  favicon: text('favicon').optional(),
  disclosure: disclosureSchema.optional(),
});

export const KNOWN_SITE_KEYS = Object.keys(siteSchema.shape);
/** Keys templates may read that are not validated here (a theme's own settings). */
export const EXTRA_KEY = 'extra';

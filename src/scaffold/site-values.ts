import type { z } from 'zod';
import { categoryProblem } from '../config/category-rules.js';
import { policeCodeOf } from '../config/police-code.js';
import { categorySchema, siteSchema } from '../config/schema.js';
import type { Category } from '../config/site-config.js';
import type { Code } from '../messages/catalog.js';
import type { AskedKey } from '../messages/terminal-text.js';
import type { Values } from '../messages/types.js';
import { slugify } from '../text/slug.js';
import { issueValues } from '../yaml/issue-values.js';

/** What a news office says about its new site: the values `gazette init` writes into site.yaml. */
export interface SiteValues {
  readonly title: string;
  readonly baseUrl: string;
  readonly categories: readonly Category[];
  readonly timeZone: string;
  readonly description?: string;
  readonly defaultSource?: string;
  readonly footer?: string;
  readonly icp?: string;
  /** The 公安备案 as shown (`浙公网安备 33070202000123号`); its number is read from it. */
  readonly police?: string;
}

/** Why a value was refused: a problem of the catalog, worded by the CLI in the editors' language. */
export interface ValueProblem {
  readonly code: Code;
  readonly values: Values;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problem: ValueProblem };

/** How one value is given: its flag, and whether it is asked for on a terminal. */
export type SiteField = FieldOf<AskedKey, true> | FieldOf<Exclude<keyof SiteValues, AskedKey>, undefined>;

interface FieldOf<K extends keyof SiteValues, Asked extends true | undefined> {
  readonly key: K;
  /** `base-url` for `--base-url`: the config key in the command line's spelling. */
  readonly flag: string;
  readonly required: boolean;
  /** The question's words are the terminal text's (initQuestions), in the editors' language. */
  readonly asked: Asked;
  /** Taken when the answer is empty. */
  readonly fallback?: string;
  /** Several values: `--category` is given once per category. */
  readonly multiple?: boolean;
}

/** In the order they are asked for. */
export const SITE_FIELDS: readonly SiteField[] = [
  { key: 'title', flag: 'title', required: true, asked: true },
  {
    key: 'baseUrl',
    flag: 'base-url',
    required: true,
    asked: true,
  },
  {
    key: 'categories',
    flag: 'category',
    required: true,
    multiple: true,
    asked: true,
  },
  {
    key: 'timeZone',
    flag: 'time-zone',
    required: false,
    asked: true,
    fallback: 'Asia/Shanghai',
  },
  {
    key: 'defaultSource',
    flag: 'default-source',
    required: false,
    asked: true,
  },
  { key: 'description', flag: 'description', required: false, asked: undefined },
  { key: 'footer', flag: 'footer', required: false, asked: undefined },
  {
    key: 'icp',
    flag: 'icp',
    required: false,
    asked: true,
  },
  {
    key: 'police',
    flag: 'police',
    required: false,
    asked: true,
  },
];

type Checks = {
  [K in keyof SiteValues]-?: (texts: readonly string[]) => Checked<NonNullable<SiteValues[K]>>;
};

/** Each value is checked by the rule site.yaml's loader applies to its key, so init never writes a site.yaml that does not load. */
const CHECKS: Checks = {
  title: (t) => bySchema('title', siteSchema.shape.title, one(t)),
  baseUrl: (t) => bySchema('baseUrl', siteSchema.shape.baseUrl, one(t)),
  timeZone: (t) => bySchema('timeZone', siteSchema.shape.timeZone, one(t)),
  description: (t) => bySchema('description', siteSchema.shape.description, one(t)),
  defaultSource: (t) => bySchema('defaultSource', siteSchema.shape.defaultSource.unwrap(), one(t)),
  footer: (t) => bySchema('footer', siteSchema.shape.footer, one(t)),
  icp: (t) => bySchema('icp', siteSchema.shape.icp.unwrap(), one(t)),
  police: (t) => {
    const text = bySchema('police', siteSchema.shape.police.unwrap().shape.text, one(t));
    if (!text.ok || policeCodeOf({ text: text.value })) return text;
    return { ok: false, problem: { code: 'GZ0815', values: { given: text.value } } };
  },
  categories: (specs) => {
    const categories: Category[] = [];
    for (const spec of specs) {
      const category = categoryOf(spec);
      if (!category.ok) return category;
      const problem = categoryProblem(category.value, categories);
      // The rules site.yaml's categories are held to, with their own codes (GZ0303…).
      if (problem) return { ok: false, problem };
      categories.push(category.value);
    }
    if (categories.length === 0) return { ok: false, problem: { code: 'GZ0817', values: {} } };
    return { ok: true, value: categories };
  },
};

/** Checks the texts given for one value and, if they are right, sets it in `draft`. */
export function setValue<K extends keyof SiteValues>(
  draft: Partial<SiteValues>,
  key: K,
  texts: readonly string[],
): ValueProblem | undefined {
  // TypeScript does not follow K from the key into CHECKS' own type: said once here.
  const checked = (CHECKS[key] as (t: readonly string[]) => Checked<SiteValues[K]>)(texts);
  if (!checked.ok) return checked.problem;
  draft[key] = checked.value;
  return undefined;
}

/** The values once every required one is there; otherwise the fields still missing. */
export function completeValues(
  draft: Partial<SiteValues>,
): { ok: true; values: SiteValues } | { ok: false; missing: SiteField[] } {
  const missing = SITE_FIELDS.filter((f) => f.required && draft[f.key] === undefined);
  if (missing.length > 0) return { ok: false, missing };
  const { title, baseUrl, categories } = draft as SiteValues;
  return {
    ok: true,
    values: { ...draft, title, baseUrl, categories, timeZone: draft.timeZone ?? 'Asia/Shanghai' },
  };
}

/** `要闻:yaowen`, `要闻：yaowen` (as typed with a Chinese input method) or `要闻` (the slug in pinyin). */
function categoryOf(spec: string): Checked<Category> {
  const at = spec.search(/[:：]/);
  const name = (at < 0 ? spec : spec.slice(0, at)).trim();
  const slug = at < 0 ? slugify(name) : spec.slice(at + 1).trim();
  if (name === '') return { ok: false, problem: { code: 'GZ0816', values: { given: spec } } };
  const checked = categorySchema.safeParse({ name, slug });
  const issue = checked.error?.issues[0];
  if (issue)
    return { ok: false, problem: { code: 'GZ0814', values: { ...issueValues(issue, slug), given: spec } } };
  return { ok: true, value: { name, slug } };
}

/** A value held to its site.yaml key's rule; refused in the words site.yaml's own problem (GZ0712) would use. */
function bySchema<T>(key: string, schema: z.ZodType<T>, text: string): Checked<NonNullable<T>> {
  const checked = schema.safeParse(text);
  if (checked.success && checked.data != null) return { ok: true, value: checked.data };
  const issue = checked.error?.issues[0];
  const values = issue ? issueValues(issue, text) : { kind: 'too_small:string', detail: `"${key}" is empty` };
  return { ok: false, problem: { code: 'GZ0814', values: { ...values, field: key } } };
}

/** The last of the texts given, as parseArgs keeps the last of a repeated option. */
const one = (texts: readonly string[]): string => texts[texts.length - 1] ?? '';

import { z } from 'zod';
import { isValidSlug } from '../text/slug.js';
import type { FieldNames } from '../yaml/validate.js';

const text = (field: string, example: string) =>
  z
    .string({ error: `"${field}" must be text, e.g. ${field}: ${example} (put numbers in quotes)` })
    .trim()
    .min(1, { error: `"${field}" must not be empty` });

const tagList = z
  .union(
    [
      z.array(z.union([z.string(), z.number()]).transform(String)),
      // `tags: 就业` or `tags: 就业，人才` — a string where a list was meant: read as a list.
      z.string().transform((s) => s.split(/[,，、;；]/)),
    ],
    { error: '"tags" must be a list, e.g. tags: [就业, 人才]' },
  )
  .transform((tags) => [...new Set(tags.map((t) => t.trim()).filter((t) => t !== ''))]);

/**
 * `disclosure:`, the 政府信息公开 fields of an article. Only the 索引号 is required: it is what the
 * 信息公开 system files the document by. Dates and patterns are checked in disclosure.ts.
 */
const disclosureSchema = z.strictObject(
  {
    index: text('index', '002542567/2022-00123'),
    publisher: text('publisher', '金华市人民政府办公室').optional(),
    topic: text('topic', '劳动、人事、监察').optional(),
    written: text('written', '2022-02-28').optional(),
    number: text('number', '金政办发〔2022〕5号').optional(),
    validity: text('validity', '有效').optional(),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `"disclosure" has only index, publisher, topic, written, number and validity, not ${issue.keys.map((k) => `"${k}"`).join(', ')}`
        : '"disclosure" must be a mapping of index:, publisher:, topic:, written:, number: and validity:',
  },
);

/** Front matter as editors write it. Unknown fields pass through to templates as `article.extra`. */
export const frontMatterSchema = z.looseObject({
  title: text('title', '金华全力保障用工先行'),
  date: z.string({ error: '"date" must be a date and time, e.g. date: 2022-03-01 16:59:26' }),
  category: text('category', '学习'),
  source: text('source', '金华市人民政府').optional(),
  author: text('author', '记者 张明').optional(),
  editor: text('editor', '王丽').optional(),
  summary: text('summary', '一句话摘要。').optional(),
  tags: tagList.optional(),
  slug: z
    .string({ error: '"slug" must be text' })
    .refine(isValidSlug, {
      error: '"slug" may contain only a-z, 0-9, "-", "_" and "."; e.g. slug: jinhua-yonggong',
      params: { kind: 'slug' },
    })
    .optional(),
  cover: text('cover', 'images/cover.jpg').optional(),
  coverAlt: text('coverAlt', '金华站春运专列').optional(),
  draft: z.boolean({ error: '"draft" must be true or false (without quotes)' }).default(false),
  headline: z.boolean({ error: '"headline" must be true or false (without quotes)' }).default(false),
  disclosure: disclosureSchema.optional(),
});

export const KNOWN_FRONT_MATTER_KEYS = Object.keys(frontMatterSchema.shape);

/**
 * Chinese names editors give the fields, and the field each means. A key of these is never read as
 * the field (fields have one name each); it is named in the message that says which field it is.
 */
export const CHINESE_FIELD_NAMES: ReadonlyMap<string, string> = new Map([
  ['标题', 'title'],
  ['日期', 'date'],
  ['时间', 'date'],
  ['分类', 'category'],
  ['栏目', 'category'],
  ['来源', 'source'],
  ['作者', 'author'],
  ['编辑', 'editor'],
  ['责任编辑', 'editor'],
  ['摘要', 'summary'],
  ['标签', 'tags'],
  ['封面', 'cover'],
  ['草稿', 'draft'],
  ['头条', 'headline'],
  ['信息公开', 'disclosure'],
]);

/** The front matter's fields and their Chinese names, for "did you mean". */
export const FRONT_MATTER_FIELDS: FieldNames = {
  known: KNOWN_FRONT_MATTER_KEYS,
  otherNames: CHINESE_FIELD_NAMES,
};

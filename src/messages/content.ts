import { tooLongEn, tooLongZh } from './address.js';
import type { Entry } from './types.js';

/** GZ01xx: an article's file and its front matter (encoding, "---" lines, YAML, fields). */
export const CONTENT = {
  GZ0101: {
    en: (v) => ({
      message: v.utf16
        ? `the file is saved as UTF-16${v.utf16 === 'nobom' ? ' (without a byte order mark)' : ''}`
        : 'the file is not valid UTF-8 (perhaps saved as GBK or GB18030)',
      hint: v.config
        ? 'save it as UTF-8'
        : 'save the file as UTF-8 (in VS Code: "Save with Encoding" → UTF-8)',
    }),
    zh: (v) => ({
      message: v.utf16 ? '文件是 UTF-16 编码的，读不了' : '文件不是 UTF-8 编码（可能存成了 GBK 或 GB18030）',
      hint: '请把文件另存为 UTF-8 编码（VS Code：右下角编码 →“通过编码保存”→ UTF-8）',
    }),
  },
  GZ0102: {
    en: () => ({
      message: 'the file contains a NUL byte (it may be a binary file)',
      hint: 'delete the invisible NUL character here, or replace the file with a text copy of the article',
    }),
    zh: () => ({
      message: '文件里有一个看不见的 NUL 字符（它可能不是文本文件）',
      hint: '删掉这里的 NUL 字符，或者换成文章的纯文本版本',
    }),
  },
  GZ0103: {
    en: () => ({
      message: 'the file is empty',
      hint: 'write the front matter (title:, date: and category: between two "---" lines) and the article, or delete the file',
    }),
    zh: () => ({
      message: '文件是空的',
      hint: '在两行“---”之间写上 title:、date: 和 category:，再写正文；或者删除这个文件',
    }),
  },
  GZ0104: {
    en: () => ({
      message: 'the file does not start with front matter',
      hint: 'begin it with a line "---", then title:, date: and category:, then another "---"',
    }),
    zh: () => ({
      message: '文件开头没有文章信息',
      hint: '第一行写“---”，接着写 title:、date: 和 category:，再写一行“---”',
    }),
  },
  GZ0105: {
    en: (v) => ({
      message: `front matter in "${v.language}" is not supported; it is never run`,
      hint: 'write "---" alone on the first line and the fields in YAML',
    }),
    zh: (v) => ({
      message: `不支持“${v.language}”格式的文章信息，这样的内容不会被执行`,
      hint: '第一行只写“---”，文章信息用 YAML 写',
    }),
  },
  GZ0106: {
    en: () => ({
      message: 'the front matter is never closed',
      hint: 'add a line "---" after the last field, before the article text',
    }),
    zh: () => ({ message: '文章信息没有结束的“---”行', hint: '在最后一个字段之后、正文之前加一行“---”' }),
  },
  GZ0107: {
    en: () => ({
      message: 'the front matter cannot be read',
      hint: 'write it in YAML between two "---" lines',
    }),
    zh: () => ({ message: '文章信息读不出来', hint: '在两行“---”之间用 YAML 写文章信息' }),
  },
  GZ0108: {
    en: (v) => ({
      message: `unknown category "${v.category}"`,
      hint: `use one of: ${v.known} (or add it to site.yaml)`,
    }),
    zh: (v) => ({
      message: `没有“${v.category}”这个栏目`,
      hint: `请改成这些栏目之一：${String(v.known).split(', ').join('、')}；确需新栏目，请网站管理员加到 site.yaml`,
    }),
  },
  GZ0109: {
    en: () => ({
      message: 'the file name gives no usable URL slug',
      hint: 'add a field like slug: jinhua-news',
    }),
    zh: () => ({ message: '从文件名生成不了网址', hint: '加一行 slug:，如 slug: jinhua-news' }),
  },
  GZ0110: {
    en: (v) => ({ message: tooLongEn(v), hint: TOO_LONG_FIX[String(v.by)]?.en ?? 'shorten the slug' }),
    zh: (v) => ({ message: tooLongZh(v), hint: TOO_LONG_FIX[String(v.by)]?.zh ?? '把 slug 改短' }),
  },
  GZ0111: {
    en: (v) => ({
      message: `quotes or lists are nested more than ${v.max} levels deep here; the rest of this block is shown as plain text`,
      hint: 'use fewer ">" or list levels',
    }),
    zh: (v) => ({
      message: `引用或列表在这里嵌套超过了 ${v.max} 层，这一段余下的部分按普通文字显示`,
      hint: '减少“>”或列表的层数',
    }),
  },
  GZ0112: {
    en: (v) => ({
      message: `the text still holds the placeholder "${v.placeholder}" that gazette new wrote`,
      hint: "write the article's text in its place",
    }),
    zh: (v) => ({
      message: `正文里还留着新建文章时写入的“${v.placeholder}”`,
      hint: '把它换成文章的正文',
    }),
  },
  // GZ0113–GZ0117: a 信息公开 article's `disclosure:` block (src/content/disclosure.ts).
  GZ0113: {
    en: (v) => ({
      message: `the 成文日期 "${v.text}" is not a real date`,
      hint: 'write the day the document was signed as YYYY-MM-DD, e.g. written: 2022-02-28',
    }),
    zh: (v) => ({
      message: `成文日期“${v.text}”不是真实存在的日期`,
      hint: '按“年-月-日”写文件的成文日期，如 written: 2022-02-28',
    }),
  },
  GZ0114: {
    en: (v) => ({
      message: `the 成文日期 ${v.written} is later than the article's date ${v.date}`,
      hint: 'a document is written before it is published: correct written: or date:',
    }),
    zh: (v) => ({
      message: `成文日期 ${v.written} 晚于发布日期 ${v.date}`,
      hint: '文件要先成文才能发布，请核对 written: 或 date:',
    }),
  },
  GZ0115: {
    en: (v) => ({
      message: `the 索引号 "${v.index}" does not follow the site's pattern ${v.pattern}`,
      hint: 'copy the 索引号 from the 政府信息公开 system, or correct disclosure.indexPattern in site.yaml',
    }),
    zh: (v) => ({
      message: `索引号“${v.index}”不符合网站规定的格式 ${v.pattern}`,
      hint: '从政府信息公开系统里照抄索引号；若格式本身定错了，改 site.yaml 里的 disclosure.indexPattern',
    }),
  },
  GZ0116: {
    en: (v) => ({
      message: `the 索引号 "${v.index}" is also the 索引号 of ${v.other}`,
      hint: 'each document has its own 索引号: correct one of the two',
    }),
    zh: (v) => ({
      message: `索引号“${v.index}”与 ${v.other} 的重复了`,
      hint: '每份文件的索引号都不同，请改正其中一篇',
    }),
  },
  GZ0117: {
    en: (v) => ({
      message: `articles of the category "${v.category}" are 政府信息公开 articles, but this one has no disclosure: block`,
      hint: "add disclosure: with index:, publisher:, topic:, written:, number: and validity: (see the editors' guide)",
    }),
    zh: (v) => ({
      message: `“${v.category}”栏目的文章都要写政府信息公开信息，这篇没有 disclosure:`,
      hint: '加上 disclosure:，写明 index（索引号）、publisher（发布机构）、topic（主题分类）、written（成文日期）、number（文号）、validity（有效性）',
    }),
  },
} satisfies Record<string, Entry>;

/** What makes the address too long: the slug, the file name (no slug written), or a tag. */
const TOO_LONG_FIX: Record<string, { en: string; zh: string }> = {
  slug: { en: 'shorten the slug', zh: '把 slug 改短' },
  name: {
    en: 'the address is made from the file name: rename the file shorter, or add a short slug, e.g. slug: jinhua-news',
    zh: '网址是由文件名生成的：把文件名改短，或者加一行短的 slug，如 slug: jinhua-news',
  },
  tag: { en: 'shorten the tag', zh: '把这个标签改短' },
};

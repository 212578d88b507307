import type { Entry, Values } from './types.js';
import { SCHEMA_ISSUE } from './yaml.js';

/** The site's categories, as `gazette new` lists them: by name, with the slug that works as well. */
const pairs = (v: Values) => {
  const slugs = String(v.slugs).split('\n');
  return String(v.names)
    .split('\n')
    .map((name, i) => [name, slugs[i] ?? ''] as const);
};

/**
 * GZ08xx: the files the commands that write into a site (init, new, theme) would make, refused
 * or failed, and the values `gazette init` is given for site.yaml, refused. Each refusal leaves
 * every file as it was.
 */
export const COMMANDS = {
  GZ0801: {
    en: () => ({ message: 'already exists', hint: 'gazette init never overwrites a file' }),
    zh: () => ({ message: '这个文件已经存在', hint: 'gazette init 从不覆盖已有的文件' }),
  },
  GZ0802: {
    en: (v) => ({
      message: `cannot write the site's files (${v.reason})`,
      hint: 'check that the folder can be written',
    }),
    zh: (v) => ({
      message: `无法写入网站的文件（${v.reason}）`,
      hint: '请检查这个文件夹是否可以写入',
    }),
  },
  GZ0803: {
    en: (v) => ({
      message: `there is no ${v.file} in ${v.root}`,
      hint: "run this in the site's folder, or give --root",
    }),
    zh: (v) => ({
      message: `${v.root} 里没有 ${v.file}`,
      hint: '请在网站的文件夹里运行，或者用 --root 指明网站的文件夹',
    }),
  },
  GZ0804: {
    en: () => ({
      message: 'the site has its own copy already',
      hint: "edit it, or delete it to copy the theme's again",
    }),
    zh: () => ({
      message: '网站里已经有这个文件了',
      hint: '直接修改它即可，或者先删掉它，再重新复制主题里的那份',
    }),
  },
  GZ0805: {
    en: (v) => ({
      message: `cannot copy the theme's file (${v.reason})`,
      hint: "check that the site's folder can be written",
    }),
    zh: (v) => ({
      message: `无法复制主题的文件（${v.reason}）`,
      hint: '请检查网站的文件夹是否可以写入',
    }),
  },
  GZ0806: {
    en: (v) => ({
      message: `cannot create the folder ${v.folder}/ (${v.reason})`,
      hint: 'check that it is not a file and that content/ can be written',
    }),
    zh: (v) => ({
      message: `无法新建文件夹 ${v.folder}/（${v.reason}）`,
      hint: '请检查同名的不是一个文件，并且 content/ 可以写入',
    }),
  },
  GZ0807: {
    en: () => ({
      message: 'an article with this file name already exists',
      hint: 'choose another --slug',
    }),
    zh: () => ({
      message: '已经有一篇文章用了这个文件名',
      hint: '用 --slug 另起一个名字',
    }),
  },
  GZ0808: {
    en: (v) => ({
      message: `cannot create the file (${v.reason})`,
      hint: 'check that content/ can be written',
    }),
    zh: (v) => ({
      message: `无法新建这个文件（${v.reason}）`,
      hint: '请检查 content/ 是否可以写入',
    }),
  },
  GZ0809: {
    en: () => ({ message: 'the title is empty', hint: 'give one, e.g. gazette new "标题"' }),
    zh: () => ({ message: '标题是空的', hint: '请写上标题，如 gazette new "标题"' }),
  },
  GZ0810: {
    en: (v) => ({
      message: `unknown category "${v.wanted}"`,
      hint: `use one of: ${pairs(v)
        .map(([name, slug]) => `${name} (${slug})`)
        .join(', ')}`,
    }),
    zh: (v) => ({
      message: `没有“${v.wanted}”这个栏目`,
      hint: `请改用这些栏目之一：${pairs(v)
        .map(([name, slug]) => `${name}（${slug}）`)
        .join('、')}`,
    }),
  },
  GZ0811: {
    en: (v) => ({
      message: `--slug "${v.slug}" may contain only a-z, 0-9, "-", "_" and "." and must start and end with a letter or digit`,
      hint: 'e.g. --slug jinhua-yonggong',
    }),
    zh: (v) => ({
      message: `--slug“${v.slug}”里只能有小写字母 a-z、数字 0-9 和“-”“_”“.”，并且首尾必须是字母或数字`,
      hint: '如 --slug jinhua-yonggong',
    }),
  },
  GZ0812: {
    en: (v) => ({
      message: `the title "${v.title}" gives no usable file name`,
      hint: 'add --slug, e.g. --slug jinhua-news',
    }),
    zh: (v) => ({
      message: `标题“${v.title}”转不成可用的文件名`,
      hint: '请用 --slug 给文件起个名字，如 --slug jinhua-news',
    }),
  },
  GZ0813: {
    en: (v) => ({
      message: `--slug is too long: the file name ${v.start}… would have ${v.bytes} bytes, and a file name may have at most ${v.max}`,
      hint: 'give a shorter --slug',
    }),
    zh: (v) => ({
      message: `--slug 太长了：文件名 ${v.start}… 会有 ${v.bytes} 个字节，而文件名最多只能有 ${v.max} 个字节`,
      hint: '请换一个短一些的 --slug',
    }),
  },
  // A value given to init (as a flag or typed), held to its site.yaml key's rule and worded as that rule's problem.
  GZ0814: {
    en: (v) => {
      const { message, hint } = SCHEMA_ISSUE.en(v);
      return { message: v.given ? `"${v.given}": ${message}` : message, ...(hint && { hint }) };
    },
    zh: (v) => {
      const { message, hint } = SCHEMA_ISSUE.zh(v);
      return { message: v.given ? `“${v.given}”：${message}` : message, ...(hint && { hint }) };
    },
  },
  GZ0815: {
    en: () => ({
      message: 'the 公安备案 has no number in it',
      hint: 'give it as shown, e.g. 浙公网安备 33070202000123号',
    }),
    zh: (v) => ({
      message: `公安备案“${v.given}”里没有备案号`,
      hint: '请照网站上显示的样子完整填写，如 浙公网安备 33070202000123号',
    }),
  },
  GZ0816: {
    en: (v) => ({
      message: `"${v.given}" has no name`,
      hint: 'write it as 名称:代号, e.g. 要闻:yaowen',
    }),
    zh: (v) => ({
      message: `栏目“${v.given}”没有名称`,
      hint: '请写成“名称:代号”，如 要闻:yaowen',
    }),
  },
  GZ0817: {
    en: () => ({ message: 'no category given', hint: 'give at least one, e.g. --category 要闻:yaowen' }),
    zh: () => ({ message: '一个栏目也没有', hint: '至少要有一个栏目，如 --category 要闻:yaowen' }),
  },
} satisfies Record<string, Entry>;

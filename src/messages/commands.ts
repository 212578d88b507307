import type { Entry } from './types.js';

/**
 * GZ08xx: the files the commands that write into a site (init, new, theme) would make, refused
 * or failed. Each refusal leaves every file as it was.
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
} satisfies Record<string, Entry>;

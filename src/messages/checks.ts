import type { Entry } from './types.js';

/** GZ06xx: links and images, found by the build and by `gazette check`. */
export const CHECKS = {
  GZ0601: {
    en: () => ({
      message: 'cover has no alt text',
      hint: 'describe it for readers who cannot see it, in a line like coverAlt: 描述',
    }),
    zh: () => ({ message: '封面图没有替代文字', hint: '为看不见图片的读者写一句描述，如 coverAlt: 描述' }),
  },
  GZ0602: {
    en: (v) => ({
      message: 'image has no alt text',
      hint: `describe it for readers who cannot see it: ![描述](${v.href})`,
    }),
    zh: (v) => ({
      message: '图片没有替代文字',
      hint: `在方括号里为看不见图片的读者写一句描述：![描述](${v.href})`,
    }),
  },
  GZ0603: {
    en: (v) => ({
      message: `${v.image ? 'image' : 'link to'} "${v.href}" leads outside the site, which starts at ${v.base}`,
      hint: 'write the address from the site root, like /xuexi/',
    }),
    zh: (v) => ({
      message: `${v.image ? '图片' : '链接'}“${v.href}”指到了网站以外（网站从 ${v.base} 开始）`,
      hint: '从网站根目录写起，如 /xuexi/',
    }),
  },
  GZ0604: {
    en: (v) => ({
      message: `image "${v.href}" is not in the site`,
      hint: 'put it in public/ or fix the path',
    }),
    zh: (v) => ({ message: `网站里没有图片“${v.href}”`, hint: '把图片放进 public/，或者改正路径' }),
  },
  GZ0605: {
    en: (v) => ({
      message: `link to "${v.href}" leads to no page of the site`,
      hint: v.partial
        ? 'fix the address or remove the link, unless it leads to an article with errors (built without them)'
        : 'fix the address or remove the link',
    }),
    zh: (v) => ({
      message: `链接“${v.href}”指向的页面在网站里不存在`,
      hint: v.partial
        ? '改正网址，或者删掉这个链接；如果它指向的文章本身有错误（这次没有生成），改好那篇文章即可'
        : '改正网址，或者删掉这个链接',
    }),
  },
  GZ0606: {
    en: (v) => ({
      message: `image "${v.href}" is outside the article's folder`,
      hint: `put it in ${v.folder}/ (or a folder inside it), or in public/ and write its address from the site root, like /img/a.png`,
    }),
    zh: (v) => ({
      message: `图片“${v.href}”在文章所在的文件夹以外`,
      hint: `把它放进 ${v.folder}/（或其中的子文件夹），或者放进 public/ 并从网站根目录写地址，如 /img/a.png`,
    }),
  },
  GZ0607: {
    en: (v) => ({
      message: `image "${v.href}" is not in the site`,
      hint: `there is no file ${v.source}; fix the path or put the image there`,
    }),
    zh: (v) => ({
      message: `网站里没有图片“${v.href}”`,
      hint: `找不到文件 ${v.source}：检查文件名（包括大小写和扩展名）和所在的文件夹，或者把图片放到那里`,
    }),
  },
} satisfies Record<string, Entry>;

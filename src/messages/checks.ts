import type { Entry, Values } from './types.js';

/** GZ06xx: links, images and attachments, found by the build and by `gazette check`. */
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
  GZ0608: {
    en: (v) => ({
      message: `${subjectEn(v)} ${v.outside ? 'leads outside the site' : v.what === 'link' ? 'leads to no page of the site' : 'is not in the site'} (${
        Number(v.count) === 1
          ? `on page ${v.pages}`
          : `on ${v.count} pages: ${v.pages}${Number(v.count) > 3 ? ', …' : ''}`
      })`,
      hint:
        v.fix === 'page'
          ? 'fix the address'
          : v.fix === 'url'
            ? `fix the address in the template; write root-relative addresses as {{ '${v.ref}' | url }}, which adds the base path ${v.base}`
            : 'fix the address in the template',
    }),
    zh: (v) => ({
      message: `${KIND_ZH[String(v.what)] ?? '链接'}“${v.href}”${v.outside ? '指到了网站以外' : v.what === 'link' ? '指向的页面在网站里不存在' : '在网站里不存在'}（${
        Number(v.count) === 1
          ? `在页面 ${v.pages} 上`
          : `在 ${v.count} 个页面上：${String(v.pages).split(', ').join('、')}${Number(v.count) > 3 ? ' 等' : ''}`
      }）`,
      hint:
        v.fix === 'page'
          ? '改正这个网址'
          : v.fix === 'url'
            ? `在模板里改正网址：从网站根目录写起的网址要写成 {{ '${v.ref}' | url }}，这样会自动加上网站的路径 ${v.base}`
            : '在模板里改正这个网址；模板由网站管理员负责',
    }),
  },
  GZ0609: {
    en: (v) => ({
      message: `attachment "${v.href}" is not in the site`,
      hint: `there is no file ${v.source}; fix the path or put the file there`,
    }),
    zh: (v) => ({
      message: `网站里没有附件“${v.href}”`,
      hint: `找不到文件 ${v.source}：检查文件名（包括大小写和扩展名）和所在的文件夹，或者把文件放到那里`,
    }),
  },
  GZ0610: {
    en: (v) => ({
      message: `attachment "${v.href}" is outside the article's folder`,
      hint: `put it in ${v.folder}/ (or a folder inside it); an attachment of several articles goes in public/, linked from the site root, like /files/a.pdf`,
    }),
    zh: (v) => ({
      message: `附件“${v.href}”在文章所在的文件夹以外`,
      hint: `把它放进 ${v.folder}/（或其中的子文件夹）；几篇文章共用的附件放进 public/，并从网站根目录写地址，如 /files/a.pdf`,
    }),
  },
} satisfies Record<string, Entry>;

/** `image "/a.png"`, `link to "/x/"`: what a page refers to, by its kind (check-pages.ts). */
const subjectEn = (v: Values) => (v.what === 'link' ? `link to "${v.href}"` : `${v.what} "${v.href}"`);
const KIND_ZH: Record<string, string> = { image: '图片', script: '脚本', stylesheet: '样式表', link: '链接' };

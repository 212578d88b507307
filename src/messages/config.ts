import type { Entry } from './types.js';

/** GZ03xx: site.yaml and the options that stand in for it. */
export const CONFIG = {
  GZ0301: {
    en: (v) => ({
      message: `cannot read ${v.file} in ${v.root}`,
      hint: 'every site needs a site.yaml with at least title, baseUrl and categories',
    }),
    zh: (v) => ({
      message: `在 ${v.root} 里读不到 ${v.file}`,
      hint: '每个网站都要有 site.yaml，至少写上 title、baseUrl 和 categories',
    }),
  },
  GZ0302: {
    en: (v) => ({ message: String(v.detail) }),
    zh: (v) => ({
      message: `--base-url 给的网址不对：${v.detail}`,
      hint: '请写完整的网址，如 https://news.example.cn/',
    }),
  },
  GZ0303: {
    en: (v) => ({
      message: `category "${v.name}" (${v.slug}) is listed twice`,
      hint: `it repeats "${v.twin}" (${v.twinSlug}); delete one`,
    }),
    zh: (v) => ({
      message: `栏目“${v.name}”（${v.slug}）列了两次`,
      hint: `它和“${v.twin}”（${v.twinSlug}）重复了，删掉其中一个`,
    }),
  },
  GZ0304: {
    en: (v) => ({
      message: `category slug "${v.slug}" is reserved for generated pages`,
      hint: 'choose another slug',
    }),
    zh: (v) => ({ message: `栏目网址名“${v.slug}”留给了自动生成的页面`, hint: '换一个网址名' }),
  },
  GZ0305: {
    en: (v) => ({ message: `category "${v.name}": ${v.detail}`, hint: 'give it a shorter slug' }),
    zh: (v) => ({ message: `栏目“${v.name}”的网址太长（${v.detail}）`, hint: '把它的 slug 改短' }),
  },
  GZ0306: {
    en: (v) => ({
      message: `category "${v.name}" needs a slug`,
      hint: 'add slug: with letters a-z, e.g. slug: xuexi',
    }),
    zh: (v) => ({
      message: `栏目“${v.name}”缺少网址名`,
      hint: '加一行 slug:，只用 a-z 字母，如 slug: xuexi',
    }),
  },
  GZ0307: {
    en: () => ({
      message: '"police" has no number to look the 公安备案 up with',
      hint: 'add code: with its digits, e.g. {text: 浙公网安备 33070202000123号, code: 33070202000123}',
    }),
    zh: () => ({
      message: '“police”里没有可以查询公安备案的编号',
      hint: '加上 code: 和备案号的数字，如 {text: 浙公网安备 33070202000123号, code: 33070202000123}',
    }),
  },
  GZ0308: {
    en: (v) => ({
      message: `"siteCode" ${v.value} is not a 网站标识码`,
      hint: 'a 网站标识码 is 10 digits (bm and 8 digits for a department\'s site), as the register gave it, e.g. siteCode: "3307000001"',
    }),
    zh: (v) => ({
      message: `“siteCode”的值“${v.value}”不是网站标识码`,
      hint: '网站标识码是 10 位数字（部门网站是 bm 加 8 位数字），照全国政府网站信息报送系统里的写，如 siteCode: "3307000001"',
    }),
  },
  GZ0309: {
    en: (v) => ({
      message: `"${v.key}" must be an http(s) address, not "${v.value}"`,
      hint: 'write the whole address, starting with https:// or http://',
    }),
    zh: (v) => ({
      message: `“${v.key}”要写 http(s) 网址，现在是“${v.value}”`,
      hint: '写完整的网址，以 https:// 或 http:// 开头',
    }),
  },
  GZ0310: {
    en: (v) => ({
      message: `"${v.value}" is not an e-mail address`,
      hint: 'write it as readers type it, e.g. email: web@jinhua.gov.cn',
    }),
    zh: (v) => ({
      message: `“${v.value}”不是电子邮箱地址`,
      hint: '照读者输入的样子写，如 email: web@jinhua.gov.cn',
    }),
  },
  GZ0311: {
    en: (v) => ({
      message: `"${v.key}" names ${v.value}, which is not a file of public/`,
      hint: v.url
        ? "put the picture in the site's public/ folder and write its path there, e.g. /assets/logo.png, or write its whole https:// address"
        : "put the file in the site's public/ folder and write its path there, e.g. /assets/logo.png",
    }),
    zh: (v) => ({
      message: `“${v.key}”写的 ${v.value} 在 public/ 里找不到`,
      hint: v.url
        ? '把图片放进网站的 public/ 文件夹，写它在那里的路径，如 /assets/logo.png；或者写图片完整的 https:// 网址'
        : '把文件放进网站的 public/ 文件夹，写它在那里的路径，如 /assets/logo.png',
    }),
  },
  GZ0312: {
    en: (v) => ({
      message: `disclosure.indexPattern is not a regular expression: ${v.detail}`,
      hint: "write a JavaScript regular expression in single quotes, e.g. indexPattern: '^\\d{9}/\\d{4}-\\d{5}$'",
    }),
    zh: (v) => ({
      message: `disclosure.indexPattern 不是正则表达式：${v.detail}`,
      hint: "用单引号写 JavaScript 正则表达式，如 indexPattern: '^\\d{9}/\\d{4}-\\d{5}$'",
    }),
  },
} satisfies Record<string, Entry>;

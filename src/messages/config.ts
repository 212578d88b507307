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
} satisfies Record<string, Entry>;

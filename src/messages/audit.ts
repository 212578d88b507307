import type { Entry } from './types.js';

/**
 * GZ08xx: `gazette check --audit`, the self-check against the 政府网站抽查's indicators
 * (国办秘函〔2019〕19号). A finding that fails the 抽查 at once (单项否决) is an error, one below
 * the indicator's threshold a warning.
 */
export const AUDIT = {
  GZ0901: {
    en: (v) => ({
      message: `category "${v.name}" has no published article (a blank column, 空白栏目)`,
      hint: v.veto
        ? `the site has ${v.count} blank columns, and 5 or more fail the 抽查 at once (单项否决): publish an article in it, or take it out of site.yaml`
        : 'publish an article in it, or take it out of site.yaml; 5 or more blank columns fail the 抽查 at once',
    }),
    zh: (v) => ({
      message: `栏目“${v.name}”没有已发布的文章，是空白栏目`,
      hint: v.veto
        ? `全站有 ${v.count} 个空白栏目，达到 5 个即“单项否决”；请在栏目里发布文章，或者从 site.yaml 里去掉这个栏目`
        : '请在栏目里发布文章，或者从 site.yaml 里去掉这个栏目；空白栏目达到 5 个即“单项否决”',
    }),
  },
  GZ0902: {
    en: (v) => ({
      message: `category "${v.name}" has had no new article for ${v.days} days (the newest is of ${v.last}), more than its limit of ${v.limitEn}`,
      hint: v.veto
        ? `${v.count} columns are not updated in time, and 5 or more fail the 抽查 at once (单项否决): publish an article in it`
        : 'publish an article in it; 5 or more columns not updated in time fail the 抽查 at once',
    }),
    zh: (v) => ({
      message: `栏目“${v.name}”已经 ${v.days} 天没有新文章（最新一篇发布于 ${v.last}），超过了要求的 ${v.limit}`,
      hint: v.veto
        ? `全站有 ${v.count} 个栏目更新不及时，达到 5 个即“单项否决”；请尽快在栏目里发布文章`
        : '请尽快在栏目里发布文章；更新不及时的栏目达到 5 个即“单项否决”',
    }),
  },
  GZ0903: {
    en: (v) => ({
      message: v.title
        ? `the home page has had no new article for ${v.days} days (the newest, "${v.title}", is of ${v.last})`
        : 'the home page has no article at all',
      hint: 'a home page not updated for 2 weeks fails the 抽查 at once (单项否决): publish an article',
    }),
    zh: (v) => ({
      message: v.title
        ? `首页已经 ${v.days} 天没有新文章（最新一篇“${v.title}”发布于 ${v.last}）`
        : '首页一篇文章也没有',
      hint: '首页 2 周没有更新即“单项否决”；请尽快发布文章',
    }),
  },
  GZ0904: {
    en: (v) => ({
      message: `"${v.wrong}" is on the site's list of wrong wordings${v.note ? ` (${v.note})` : ''}`,
      hint: v.serious
        ? `write "${v.right}"; a serious wording error fails the 抽查 at once (单项否决)`
        : `write "${v.right}"`,
    }),
    zh: (v) => ({
      message: `“${v.wrong}”是本网站规定的错误写法${v.note ? `（${v.note}）` : ''}`,
      hint: v.serious ? `应写作“${v.right}”；严重表述错误即“单项否决”` : `应写作“${v.right}”`,
    }),
  },
  GZ0905: {
    en: (v) => ({
      message: `typography: ${v.en} near "${v.near}"`,
      hint: 'Chinese text takes full-width punctuation, and no space between full-width characters',
    }),
    zh: (v) => ({
      message: `排版：${v.zh}（“${v.near}”附近）`,
      hint: '中文使用全角标点，全角字符之间不加空格',
    }),
  },
  GZ0906: {
    en: (v) => ({
      message: `updateWithin of category "${v.name}" is "${v.value}", which is not a time limit`,
      hint: 'write a number of days, weeks or months, like updateWithin: 14d, 2w or 6m (or none)',
    }),
    zh: (v) => ({
      message: `栏目“${v.name}”的 updateWithin 写的是“${v.value}”，不是更新期限`,
      hint: '写天数、周数或月数，如 updateWithin: 14d、2w 或 6m（也可以写 14天、2周、6个月；不要求更新写 none）',
    }),
  },
  GZ0907: {
    en: (v) => ({
      message: `"${v.wrong}" is listed twice (first on line ${v.line})`,
      hint: 'keep one entry for each wrong wording',
    }),
    zh: (v) => ({
      message: `“${v.wrong}”列了两次（第一次在第 ${v.line} 行）`,
      hint: '每种错误写法只列一次',
    }),
  },
} satisfies Record<string, Entry>;

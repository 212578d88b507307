import type { Entry, Values } from './types.js';

const EXAMPLE_EN = 'write it like 2022-03-01 16:59:26 (site time) or 2022-03-01T16:59:26+08:00';
const EXAMPLE_ZH = '请写成 2022-03-01 16:59:26（网站所在时区的时间）或 2022-03-01T16:59:26+08:00';

/** Why a date that reads like one is not real: the kinds src/content/dates.ts tells apart. */
const WHY: Record<string, { en: (v: Values) => string; zh: (v: Values) => string }> = {
  time: {
    en: () => 'hours run 00–23 and minutes and seconds 00–59 (midnight is 00:00 of the next day)',
    zh: () => '小时只能是 00–23，分和秒只能是 00–59（半夜 12 点要写成第二天的 00:00）',
  },
  month: { en: () => 'months run 01–12', zh: () => '月份只能是 01–12' },
  gap: {
    en: (v) => `clocks in ${v.zone} skip that hour (summer time); pick a time outside it`,
    zh: (v) => `${v.zone} 时区实行夏令时，这一小时被跳过了；请换一个不在这一小时里的时间`,
  },
  day: {
    en: () => 'that day does not exist in that month',
    zh: () => '这个月没有这一天；请改成这个月里存在的日期',
  },
  offset: {
    en: () => 'time zone offsets run from -12:00 to +14:00, e.g. +08:00 for China',
    zh: () => '时区只能在 -12:00 到 +14:00 之间，中国是 +08:00',
  },
  unreadable: { en: () => EXAMPLE_EN, zh: () => EXAMPLE_ZH },
};

/** GZ02xx: an article's date. */
export const DATES = {
  GZ0201: {
    en: (v) => ({
      message: `"${v.text}" is not a real date and time`,
      hint: WHY[String(v.why)]?.en(v) ?? EXAMPLE_EN,
    }),
    zh: (v) => ({ message: `“${v.text}”不是真实存在的日期时间：${WHY[String(v.why)]?.zh(v) ?? EXAMPLE_ZH}` }),
  },
  GZ0202: {
    en: (v) => ({
      message: `cannot read the date "${v.text}"`,
      hint: v.padded ? `use two digits for month and day (${v.padded}); ${EXAMPLE_EN}` : EXAMPLE_EN,
    }),
    zh: (v) => ({
      message: `看不懂日期“${v.text}”`,
      hint: v.padded ? `月和日都要写两位数（${v.padded}）；${EXAMPLE_ZH}` : EXAMPLE_ZH,
    }),
  },
  GZ0203: {
    en: (v) => ({
      message: `dated more than a year ahead: ${whenEn(v)}`,
      hint: 'check the year; until then the article is left out of every build',
    }),
    zh: (v) => ({
      message: `日期在一年以后：${whenZh(v)}`,
      hint: '请检查年份是否写错；在那之前，每次生成都不会包含这篇文章',
    }),
  },
  GZ0204: {
    en: (v) => ({
      message: `dated in the future: ${whenEn(v)}`,
      hint: 'it appears with the first build from then on (--future shows it now)',
    }),
    zh: (v) => ({
      message: `日期还没到，这次不发布：${whenZh(v)}`,
      hint: '到了这个时间，之后的第一次生成就会发布它；想现在就预览，加上 --future',
    }),
  },
  GZ0205: {
    en: (v) => ({
      message: `${v.count} more future-dated ${Number(v.count) === 1 ? 'article is' : 'articles are'} left out until their time`,
    }),
    zh: (v) => ({ message: `另有 ${v.count} 篇文章日期还没到，到时才会发布` }),
  },
} satisfies Record<string, Entry>;

/** When a future-dated article will be published, in the site's time zone (`zone`). */
const whenEn = (v: Values) => `will be published at ${v.time} (site time), not before`;
const whenZh = (v: Values) => `要到 ${v.time}（网站时区 ${v.zone}）才会发布`;

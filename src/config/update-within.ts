/**
 * How often a category (栏目) must get a new article, as `updateWithin:` in site.yaml says it:
 * `14d` or `14天`, `2w` or `2周`, `6m` or `6个月`; `none` (or `不限`) for a column that need not be
 * updated (a finished 专题). Read by the config and used by `gazette check --audit`.
 */
export type UpdateLimit = { readonly amount: number; readonly unit: 'day' | 'week' | 'month' } | 'none';

const UNITS: Readonly<Record<string, 'day' | 'week' | 'month'>> = {
  d: 'day',
  天: 'day',
  日: 'day',
  w: 'week',
  周: 'week',
  m: 'month',
  个月: 'month',
  月: 'month',
};

/** The limit `value` stands for, or undefined when it is not one. */
export function parseUpdateLimit(value: unknown): UpdateLimit | undefined {
  if (value === false) return 'none';
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (text === 'none' || text === '不限') return 'none';
  const m = /^(\d{1,4})\s*(d|w|m|天|日|周|个月|月)$/i.exec(text);
  const unit = m?.[2] && UNITS[m[2].toLowerCase()];
  const amount = Number(m?.[1]);
  if (!unit || !(amount >= 1)) return undefined;
  return { amount, unit };
}

/**
 * The limit of a category that sets none, from the 抽查's indicators (国办秘函〔2019〕19号, 栏目不更新):
 * 动态、要闻类 columns must show something new within 2 weeks, 通知公告、政策文件类 within 6 months.
 * The kind is read from the column's name, as the inspectors read it; other columns have no limit.
 */
export function defaultUpdateLimit(name: string): UpdateLimit {
  if (/要闻|动态/.test(name)) return { amount: 2, unit: 'week' };
  if (/通知|公告|政策文件/.test(name)) return { amount: 6, unit: 'month' };
  return 'none';
}

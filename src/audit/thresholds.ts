/**
 * The 单项否决 thresholds of 《政府网站与政务新媒体检查指标》 (国办秘函〔2019〕19号), as the audit
 * applies them. A site with any of these fails the 抽查 whatever its other scores.
 */
export const VETO = {
  /** 空白栏目数量超过（含）5 个. */
  blankColumns: 5,
  /** 动态、要闻类 (2 weeks) and 通知公告、政策文件类 (6 months) columns not updated: 超过（含）5 个. */
  staleColumns: 5,
  /** 监测 2 周，首页无信息更新. */
  homeDays: 14,
} as const;

export const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (epoch ms). */
export const daysBetween = (from: number, to: number): number => Math.floor((to - from) / DAY_MS);

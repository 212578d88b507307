import type { Lang } from './language.js';

/**
 * The lines around the diagnostics that editors read in the terminal: check's summary, the dev
 * server's. Each in the editors' language; the words that tools read (error, warning) stay.
 */
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export interface CheckCounts {
  readonly errors: number;
  readonly warnings: number;
  readonly articles: number;
  readonly pages: number;
  readonly linksChecked: boolean;
}

export function checkSummary(c: CheckCounts, lang: Lang): string {
  if (lang === 'zh') {
    const counts = `${c.errors} 处错误、${c.warnings} 处提醒`;
    return c.linksChecked
      ? `check：检查了 ${c.articles} 篇文章、${c.pages} 个页面，有 ${counts}`
      : `check：${counts}；网站没能生成，所以没有检查链接`;
  }
  const counts = `${plural(c.errors, 'error')}, ${plural(c.warnings, 'warning')}`;
  return c.linksChecked
    ? `check: ${counts} in ${plural(c.articles, 'article')}, ${plural(c.pages, 'page')}`
    : `check: ${counts}; the site could not be built, so its links were not checked`;
}

export const devRebuilt = (ms: number, files: number, what: string | undefined, lang: Lang): string =>
  lang === 'zh'
    ? `已重新生成，用时 ${ms} 毫秒：更新了 ${files} 个文件（${what ?? '首次生成'}）`
    : `rebuilt in ${ms} ms: ${files} file(s) updated (${what ?? 'initial build'})`;

export const devFailed = (ms: number, what: string | undefined, lang: Lang): string =>
  lang === 'zh'
    ? `生成失败，用时 ${ms} 毫秒（${what ?? '首次生成'}）；预览仍显示上一次成功生成的页面`
    : `build failed after ${ms} ms (${what ?? 'initial build'}); still serving the last good pages`;

export const devServing = (root: string, url: string, lang: Lang): string =>
  lang === 'zh' ? `gazette dev：正在预览 ${root}，网址 ${url}` : `gazette dev: serving ${root} at ${url}`;

export interface AuditLine {
  /** The moment audited at, in site time. */
  readonly at: string;
  /** The 单项否决 indicators failed, by their name in the report. */
  readonly vetoes: readonly ('home' | 'blank' | 'stale' | 'wording')[];
  readonly wording: number;
  readonly typography: number;
  readonly brokenLinks: number;
}

const VETO_WORDS = {
  zh: { home: '首页不更新', blank: '空白栏目', stale: '栏目不更新', wording: '严重表述错误' },
  en: {
    home: 'home page not updated',
    blank: 'blank columns',
    stale: 'columns not updated',
    wording: 'serious wording errors',
  },
} as const;

/** check --audit's line before the summary: what fails the 抽查 at once, and how much else was found. */
export function auditSummary(a: AuditLine, lang: Lang): string {
  const vetoes = a.vetoes.map((v) => VETO_WORDS[lang][v]);
  if (lang === 'zh') {
    const verdict =
      vetoes.length > 0 ? `有 ${vetoes.length} 项单项否决：${vetoes.join('、')}` : '未发现单项否决问题';
    return `audit：按 ${a.at} 自查，${verdict}；另有表述错误 ${a.wording} 处、链接问题 ${a.brokenLinks} 处、排版提醒 ${a.typography} 处`;
  }
  const verdict =
    vetoes.length > 0
      ? `fails the 抽查 at once (单项否决) for ${vetoes.join(', ')}`
      : 'nothing fails the 抽查 at once';
  return `audit: as of ${a.at}, ${verdict}; ${plural(a.wording, 'wording error')}, ${plural(a.brokenLinks, 'broken link')}, ${plural(a.typography, 'typography warning')}`;
}

export const reportWritten = (file: string, lang: Lang): string =>
  lang === 'zh' ? `audit：自查报告已写入 ${file}` : `audit: report written to ${file}`;

export const reportNotWritten = (file: string, reason: string, lang: Lang): string =>
  lang === 'zh'
    ? `audit：写不了自查报告 ${file}：${reason}`
    : `audit: cannot write the report ${file}: ${reason}`;

export const notAudited = (lang: Lang): string =>
  lang === 'zh'
    ? 'audit：网站没能生成，所以没有自查'
    : 'audit: the site could not be built, so it was not audited';

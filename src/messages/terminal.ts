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

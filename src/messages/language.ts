/**
 * The language the editors read: every diagnostic and the terminal lines around it are written in
 * it. Chinese unless the site (or the command line) asks for English; the site's `language` is a
 * BCP 47 tag, and every `zh-*` tag reads Chinese.
 */
export type Lang = 'zh' | 'en';

export const DEFAULT_LANG: Lang = 'zh';

/** `zh-CN`, `zh-Hans`, `zh` → zh; `en`, `en-US` → en; anything else is not a language gazette speaks. */
export function langOf(tag: string): Lang | undefined {
  const lower = tag.trim().toLowerCase();
  if (lower === 'zh' || lower.startsWith('zh-')) return 'zh';
  if (lower === 'en' || lower.startsWith('en-')) return 'en';
  return undefined;
}

/** A site's `language` from site.yaml: zh-* is Chinese, every other language gets English. */
export const langOfSite = (tag: string): Lang => (langOf(tag) === 'zh' ? 'zh' : 'en');

import { templateDetailZh } from './template-detail.js';
import type { Entry } from './types.js';

/**
 * GZ04xx: the site's templates (Nunjucks). In English the engine's own words are kept; in Chinese
 * they are worded where known (src/messages/template-detail.ts), keeping the names they give.
 */
export const TEMPLATES = {
  GZ0401: {
    en: (v) => ({
      message: `template error: ${v.detail}`,
      ...((v.missing || v.page) && {
        hint: [
          v.missing
            ? "a value is missing: guard it with {% if … %} or write it as {{ x | default('') }}"
            : '',
          v.page ? `while rendering ${v.page}` : '',
        ]
          .filter(Boolean)
          .join('; '),
      }),
    }),
    zh: (v) => ({
      message: `模板出错：${templateDetailZh(String(v.detail))}`,
      ...((v.missing || v.page) && {
        hint: [
          v.missing ? "缺少一个值：用 {% if … %} 先判断，或者写成 {{ x | default('') }}" : '',
          v.page ? `出错时正在生成页面 ${v.page}` : '',
        ]
          .filter(Boolean)
          .join('；'),
      }),
    }),
  },
  GZ0402: {
    en: (v) => ({
      message: `an article's "${v.field}" is only available as article.${v.field} on its own page, not where other pages show the article (lists, previous and next)`,
      hint: ['leave it out of this template', v.page ? `while rendering ${v.page}` : '']
        .filter(Boolean)
        .join('; '),
    }),
    zh: (v) => ({
      message: `文章的“${v.field}”只有文章自己的页面才有（article.${v.field}），别处列出这篇文章时（首页、栏目、标签、归档、上一篇、下一篇）读不到`,
      hint: ['请把它从这个模板里去掉', v.page ? `出错时正在生成页面 ${v.page}` : '']
        .filter(Boolean)
        .join('；'),
    }),
  },
} satisfies Record<string, Entry>;

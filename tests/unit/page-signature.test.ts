import { describe, expect, it } from 'vitest';
import type { Page } from '../../src/pages/page.js';
import { shared } from '../../src/pages/shared.js';
import { pageSignature } from '../../src/site/page-signature.js';

const link = (title: string) => ({
  title,
  url: '/xuexi/2022/03/a/',
  date: { iso: '2022-03-01T09:00:00+08:00', display: '2022-03-01 09:00' },
});

/** An article page as the planner makes one, showing `related` (marked shared, as the planner does). */
const articlePage = (related: object, extra: Record<string, unknown> = {}): Page => ({
  url: '/xuexi/2022/03/b/',
  template: 'article.njk',
  derived: ['structuredData'],
  context: {
    page: { kind: 'article', title: '标题', description: '金华市全力保障用工'.repeat(10) },
    article: { file: 'content/b.md', version: 'v1', url: '/xuexi/2022/03/b/', title: '标题' },
    related: [related],
    ...extra,
  },
});

const sign = (page: Page) => pageSignature(page, 'template-fingerprint', 'config-digest');

describe('page signatures', () => {
  it('are the same for the same data, shared or not, and differ with any part of it', () => {
    const once = sign(articlePage(shared(link('相关文章'))));
    expect(sign(articlePage(shared(link('相关文章'))))).toBe(once);
    // A shared object changed (another build's plan): every page that shows it is signed anew.
    expect(sign(articlePage(shared(link('相关文章（更正）'))))).not.toBe(once);
    expect(sign(articlePage(link('相关文章（更正）')))).not.toBe(sign(articlePage(link('相关文章'))));
    expect(
      pageSignature(articlePage(shared(link('相关文章'))), 'another template', 'config-digest'),
    ).not.toBe(once);
    expect(
      pageSignature(articlePage(shared(link('相关文章'))), 'template-fingerprint', 'another config'),
    ).not.toBe(once);
  });

  it('count an entry by its file and version, and leave derived data out', () => {
    const page = articlePage(link('相关文章'));
    const renamed = {
      ...page,
      context: { ...page.context, article: { ...(page.context.article as object), title: '新标题' } },
    };
    // Same file and version: the same source, so the title cannot differ in a real plan.
    expect(sign(renamed)).toBe(sign(page));
    const edited = {
      ...page,
      context: { ...page.context, article: { ...(page.context.article as object), version: 'v2' } },
    };
    expect(sign(edited)).not.toBe(sign(page));
    expect(sign(articlePage(link('相关文章'), { structuredData: { headline: '另一个' } }))).toBe(sign(page));
    // Derived data may be made only when read (planPages): signing does not even read it.
    const lazy = articlePage(link('相关文章'));
    Object.defineProperty(lazy.context, 'structuredData', {
      enumerable: true,
      get: () => {
        throw new Error('read while signing');
      },
    });
    expect(sign(lazy)).toBe(sign(page));
  });
});

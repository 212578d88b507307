import { describe, expect, it } from 'vitest';
import { pageSignature } from '../../src/incremental/page-signature.js';
import type { Page } from '../../src/pages/page.js';
import { shared } from '../../src/pages/shared.js';

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
    article: { file: 'content/b.md', version: 'v1', listing: 'l1', url: '/xuexi/2022/03/b/', title: '标题' },
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

  it('count an entry by its file and listing, a body by its version, and leave derived data out', () => {
    const page = { ...articlePage(link('相关文章')), bodyVersion: 'v1' };
    const withArticle = (changes: object) => ({
      ...page,
      context: { ...page.context, article: { ...(page.context.article as object), ...changes } },
    });
    // Same file and listing: what lists show of it is the same, so the title cannot differ in a real plan.
    expect(sign(withArticle({ title: '新标题' }))).toBe(sign(page));
    // Another version of the file with the same listing (its text further down edited): a page that
    // lists it stays as it is, the page that shows its body does not.
    expect(sign(withArticle({ version: 'v2' }))).toBe(sign(page));
    expect(sign({ ...withArticle({ version: 'v2' }), bodyVersion: 'v2' })).not.toBe(sign(page));
    expect(sign(withArticle({ listing: 'l2' }))).not.toBe(sign(page));
    const plain = articlePage(link('相关文章'));
    expect(sign(articlePage(link('相关文章'), { structuredData: { headline: '另一个' } }))).toBe(sign(plain));
    // Derived data may be made only when read (planPages): signing does not even read it.
    const lazy = articlePage(link('相关文章'));
    Object.defineProperty(lazy.context, 'structuredData', {
      enumerable: true,
      get: () => {
        throw new Error('read while signing');
      },
    });
    expect(sign(lazy)).toBe(sign(plain));
  });
});

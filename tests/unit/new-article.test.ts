import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { loadArticle } from '../../src/content/load-article.js';
import { placeholderProblem } from '../../src/content/placeholder.js';
import { formatDiagnostic, sentenceOf } from '../../src/errors/diagnostic.js';
import { newArticle, truncateSlug } from '../../src/scaffold/new-article.js';
import { withoutCodes } from '../helpers/site.js';
import { siteConfig, utf8 } from './fixtures.js';

// 2022-03-01 08:59:26 UTC is 16:59:26 in Shanghai, and still 2022-02-28 in Honolulu.
const NOW = DateTime.fromISO('2022-03-01T08:59:26Z');
const config = siteConfig({ defaultSource: '金华市人民政府' });

function made(title: string, options: { category?: string; slug?: string; cfg?: typeof config } = {}) {
  const result = newArticle(options.cfg ?? config, {
    title,
    category: options.category ?? '学习',
    ...(options.slug !== undefined && { slug: options.slug }),
    now: NOW,
  });
  if (!result.ok) throw new Error(sentenceOf(result.code, result.values, 'en'));
  return result;
}

/** The new file read back exactly as a build reads it. */
function reread(result: { relativePath: string; text: string }, cfg = config) {
  const loaded = loadArticle({ path: result.relativePath, bytes: utf8(result.text) }, cfg);
  if (!loaded.article) throw new Error(loaded.diagnostics.map(formatDiagnostic).map(withoutCodes).join('\n'));
  expect(loaded.diagnostics).toEqual([]);
  return loaded.article;
}

describe('newArticle', () => {
  it('writes complete front matter in the site zone, named by date and pinyin, as a draft', () => {
    const result = made('金华全力保障用工先行');
    expect(result.relativePath).toBe(
      'content/xuexi/2022-03-01-jin-hua-quan-li-bao-zhang-yong-gong-xian-xing.md',
    );
    expect(result.text).toBe(
      [
        '---',
        'title: 金华全力保障用工先行',
        'date: 2022-03-01 16:59:26',
        'category: 学习',
        'source: 金华市人民政府',
        '# author: 记者 姓名',
        '# editor: 责任编辑姓名',
        'tags: []',
        'draft: true',
        '---',
        '',
        '在这里写正文。',
        '',
      ].join('\n'),
    );
    const article = reread(result);
    expect(article.title).toBe('金华全力保障用工先行');
    expect(article.date.iso).toBe('2022-03-01T16:59:26+08:00');
    expect(article.slug).toBe('jin-hua-quan-li-bao-zhang-yong-gong-xian-xing');
    expect(article.draft).toBe(true);
  });

  it('writes an article with its own body (init’s example) as no draft, to be published', () => {
    const result = newArticle(config, { title: '网站上线', category: '学习', now: NOW, body: '正文。\n\n' });
    if (!result.ok) throw new Error(sentenceOf(result.code, result.values, 'en'));
    expect(result.text).not.toContain('draft');
    expect(result.text.endsWith('---\n\n正文。\n')).toBe(true);
    const article = reread(result);
    expect(article.draft).toBe(false);
    expect(placeholderProblem(article)).toBeUndefined();
  });

  it('takes the date in the site zone, not the machine zone', () => {
    const honolulu = siteConfig({ timeZone: 'Pacific/Honolulu' });
    const result = made('标题', { cfg: honolulu });
    expect(result.relativePath).toBe('content/xuexi/2022-02-28-biao-ti.md');
    expect(result.text).toContain('\ndate: 2022-02-28 22:59:26\n');
    expect(result.text).toContain('\n# source: 来源单位\n');
    expect(reread(result, honolulu).source).toBeUndefined();
  });

  it.each([
    'Ministry: a "quoted" title',
    '# 不是注释',
    '[要闻] 金华',
    '- 列表',
    '*星号',
    '“开门红”：冲刺',
    'true',
    '2022',
    "it's 'single'",
    '@金华 & 义乌 | 东阳 > 兰溪 %',
    'a\tb  c',
  ])('quotes the title %j so that it reads back unchanged', (title) => {
    const expected = title.replace(/\s+/g, ' ');
    expect(reread(made(title)).title).toBe(expected);
  });

  it('accepts a category by slug and writes its name', () => {
    const result = made('标题', { category: 'yaowen' });
    expect(result.relativePath).toMatch(/^content\/yaowen\//);
    expect(result.text).toContain('\ncategory: 要闻\n');
  });

  it('refuses an unknown category, listing the known ones', () => {
    const result = newArticle(config, { title: '标题', category: '体育', now: NOW });
    if (result.ok) throw new Error('made an article of an unknown category');
    expect(sentenceOf(result.code, result.values, 'en')).toBe(
      'unknown category "体育"; use one of: 学习 (xuexi), 要闻 (yaowen)',
    );
    expect(sentenceOf(result.code, result.values, 'zh')).toBe(
      '没有“体育”这个栏目；请改用这些栏目之一：学习（xuexi）、要闻（yaowen）。',
    );
  });

  it('uses --slug as given, and keeps a slug the file name alone would change', () => {
    expect(made('标题', { slug: 'jinhua-news' }).relativePath).toBe(
      'content/xuexi/2022-03-01-jinhua-news.md',
    );
    expect(made('标题', { slug: 'jinhua-news' }).text).not.toContain('slug:');
    const odd = made('标题', { slug: 'v1.2_b' });
    expect(odd.text).toContain('\nslug: v1.2_b\n');
    expect(reread(odd).slug).toBe('v1.2_b');
  });

  it.each(['Jinhua', '../etc', 'a b', '-a', '中文', ''])('refuses the slug %j', (slug) => {
    const result = newArticle(config, { title: '标题', category: '学习', slug, now: NOW });
    expect(result.ok).toBe(false);
  });

  it('refuses a title that gives no slug, and an empty title', () => {
    expect(newArticle(config, { title: '！！！', category: '学习', now: NOW }).ok).toBe(false);
    expect(newArticle(config, { title: '  ', category: '学习', now: NOW }).ok).toBe(false);
  });

  it('cuts long pinyin slugs at a hyphen, at most 60 characters', () => {
    const result = made('赢取开门红冲刺全年红金华全力保障用工先行各县市区各部门锚定奋斗方向鼓足闯劲干劲');
    expect(result.slug.length).toBeLessThanOrEqual(60);
    expect(result.slug).toMatch(/^ying-qu-kai-men-hong-.*[a-z]$/);
    expect(result.relativePath).toBe(`content/xuexi/2022-03-01-${result.slug}.md`);
  });
});

describe('truncateSlug', () => {
  it.each([
    ['abc-def', 60, 'abc-def'],
    ['abc-def-ghi', 7, 'abc-def'],
    ['abc-def-ghi', 8, 'abc-def'],
    ['abc-def-ghi', 9, 'abc-def'],
    ['abcdefghij', 4, 'abcd'],
    ['a-bcdefghij', 4, 'a'],
  ])('%s to %i → %s', (slug, max, expected) => {
    expect(truncateSlug(slug, max)).toBe(expected);
  });
});

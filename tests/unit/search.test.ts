import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexWords } from '../../src/search/index-words.js';
import { plainText } from '../../src/search/plain-text.js';
import { searchLanguage, searchRecords, wordsLocale } from '../../src/search/search-records.js';
import { entry, siteConfig, YAOWEN } from './fixtures.js';

describe('plainText', () => {
  it('keeps the text of rendered Markdown: phrases whole, blocks and cells apart, entities decoded', () => {
    expect(
      plainText(
        '<h2 id="a">保障用工</h2>\n<p>员工<strong>返岗</strong>率&gt;98%，<a href="/x/">A</a> &amp; B 说“&quot;好&quot;”。</p>\n<table><tr><td>金东区</td><td>12</td></tr></table>',
      ),
    ).toBe('保障用工 员工返岗率>98%，A & B 说“"好"”。 金东区 12');
  });
});

describe('searchRecords', () => {
  const config = siteConfig();
  const jinhua = entry('content/xuexi/a.md', '2022-03-01 16:59:26', {
    title: '金华全力保障用工先行',
    html: '<p>员工返岗率达98%。</p>\n',
  });

  it('makes one record per article: title and body text, date, category, and a category filter', () => {
    expect(searchRecords([jinhua], config, (e) => e.html)).toEqual([
      {
        url: '/xuexi/2022/03/a/',
        content: '金华全力保障用工先行\n员工返岗率达98%。',
        language: 'und',
        meta: {
          title: '金华全力保障用工先行',
          title_words: '金华 全力 保障 用 工 先行',
          date: '2022-03-01',
          category: '学习',
        },
        filters: { 栏目: ['学习'] },
      },
    ]);
  });

  it('links results with the base path of a site in a subfolder', () => {
    const y = entry('content/yaowen/b.md', '2022-01-18 10:00', { category: YAOWEN, slug: 'b' });
    const [record] = searchRecords([y], siteConfig({ basePath: '/news/' }), (e) => e.html);
    expect(record?.url).toBe('/news/yaowen/2022/01/b/');
    expect(record?.filters).toEqual({ 栏目: ['要闻'] });
  });

  it('gives Pagefind Chinese as words parted by gazette (und), other languages by their lowercase code', () => {
    expect([searchLanguage('zh-CN'), wordsLocale('zh-CN')]).toEqual(['und', 'zh-CN']);
    expect([searchLanguage('zh-TW'), wordsLocale('zh-TW')]).toEqual(['und', 'zh-TW']);
    expect([searchLanguage('en-GB'), wordsLocale('en-GB')]).toEqual(['en-gb', undefined]);
  });
});

describe('indexWords', () => {
  it('parts Chinese text into the words a browser parts a query into, by spaces, without whitespace', () => {
    const text = '金华全力保障用工先行\n市政府召开会议，推广“李子园”品牌。 Rust 2022年';
    const words = indexWords(text, 'zh-CN');
    expect(words.replace(/ /g, '')).toBe(text.replace(/\s/g, ''));
    // Each word of the browser's Intl.Segmenter is one word here.
    const browser = [...new Intl.Segmenter('zh-CN', { granularity: 'word' }).segment(text)]
      .map((s) => s.segment)
      .filter((s) => s.trim() !== '');
    expect(words.split(' ')).toEqual(browser);
    expect(words).toContain('市政府');
  });

  it('parts a long article a piece at a time into the same words as all at once', () => {
    const article = readdirSync('content', { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.md'))
      .map((f) => readFileSync(path.join('content', f), 'utf8'))
      .join('\n')
      .repeat(3);
    expect(article.length).toBeGreaterThan(20_000);
    const whole = [...new Intl.Segmenter('zh-CN', { granularity: 'word' }).segment(article)]
      .map((s) => s.segment)
      .filter((s) => s.trim() !== '');
    expect(indexWords(article, 'zh-CN').split(' ')).toEqual(whole);
  });
});

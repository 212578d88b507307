import { describe, expect, it } from 'vitest';
import { isValidSlug, slugify } from '../../src/text/slug.js';
import { closest } from '../../src/text/suggest.js';

describe('slugify', () => {
  it.each([
    ['学习', 'xue-xi'],
    ['Hello World', 'hello-world'],
    ['保障用工谋划早', 'bao-zhang-yong-gong-mou-hua-zao'],
    ['2022年GDP增长', '2022-nian-gdp-zeng-zhang'],
    ['绿色', 'lv-se'],
    ['重庆', 'chong-qing'],
    ['Café au lait', 'cafe-au-lait'],
    ['ＡＢＣ新闻', 'abc-xin-wen'],
    ['  --x--  ', 'x'],
    ['!!!', ''],
  ])('%j → %j', (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });

  it('always gives a valid slug or nothing', () => {
    for (const text of ['学习', 'Hello World', '“开门红”！', 'a/../b', '金华 · 义乌']) {
      const slug = slugify(text);
      expect(slug === '' || isValidSlug(slug), slug).toBe(true);
    }
  });
});

describe('isValidSlug', () => {
  it.each(['jinhua-yonggong', 'xuexi', '2022', 'a_b.c', 'a'])('accepts %j', (s) => {
    expect(isValidSlug(s)).toBe(true);
  });

  it.each(['../x', 'a/b', '', 'a..b', 'Xuexi', '-a', 'a-', '.a', 'a.', '学习', 'a b', 'a\\b'])(
    'rejects %j',
    (s) => {
      expect(isValidSlug(s)).toBe(false);
    },
  );
});

describe('closest', () => {
  const known = ['title', 'date', 'category', 'tags'];

  it('suggests the nearest known word for a typo', () => {
    expect(closest('titel', known)).toBe('title');
    expect(closest('Catgory', known)).toBe('category');
  });

  it('suggests nothing for a word far from all', () => {
    expect(closest('photographer', known)).toBeUndefined();
  });
});

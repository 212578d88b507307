import { describe, expect, it } from 'vitest';
import { defaultSlug, type LoadResult, loadArticle } from '../../src/content/load-article.js';
import { formatDiagnostic } from '../../src/errors/diagnostic.js';
import { withoutCodes } from '../helpers/site.js';
import { siteConfig, utf8, XUEXI } from './fixtures.js';

const config = siteConfig();
const FILE = 'content/xuexi/a.md';

function load(text: string | Uint8Array, file = FILE, cfg = config): LoadResult {
  return loadArticle({ path: file, bytes: typeof text === 'string' ? utf8(text) : text }, cfg);
}

/** A front matter with the three required fields plus `more` lines, and a one-line body. */
const article = (...more: string[]) =>
  ['---', 'title: 标题', 'date: 2022-03-01 16:59', 'category: 学习', ...more, '---', '正文。', ''].join('\n');

function loaded(text: string, file = FILE) {
  const result = load(text, file);
  if (!result.article) throw new Error(result.diagnostics.map(formatDiagnostic).map(withoutCodes).join('\n'));
  return result.article;
}

describe('loadArticle', () => {
  it('reads a full article into exact fields', () => {
    const result = load(
      [
        '---',
        'title: 金华全力保障用工先行',
        'date: 2022-03-01 16:59:26',
        'category: 学习',
        'source: 金华日报',
        'author: 记者 张明',
        'editor: 王丽',
        'summary: 金华多措并举保障企业用工。',
        'tags: [就业, 人才]',
        'headline: true',
        'cover: images/封面.jpg',
        'coverAlt: 金华江夜景',
        // Not `color`: one letter from `cover`, it would be taken for a typo.
        'theme: red',
        '---',
        '',
        '记者从市人力社保局获悉。',
        '',
      ].join('\n'),
      'content/xuexi/2022-03-01-jinhua-yonggong.md',
    );
    expect(result).toMatchObject({
      diagnostics: [],
      article: {
        file: 'content/xuexi/2022-03-01-jinhua-yonggong.md',
        title: '金华全力保障用工先行',
        slug: 'jinhua-yonggong',
        category: { name: '学习', slug: 'xuexi' },
        date: {
          display: '2022-03-01 16:59:26',
          iso: '2022-03-01T16:59:26+08:00',
          epochMs: Date.UTC(2022, 2, 1, 8, 59, 26),
          year: '2022',
          month: '03',
          day: '01',
        },
        source: '金华日报',
        author: '记者 张明',
        editor: '王丽',
        summary: '金华多措并举保障企业用工。',
        tags: ['就业', '人才'],
        draft: false,
        headline: true,
        cover: { href: 'images/封面.jpg', alt: '金华江夜景', line: 11, column: 8 },
        extra: { theme: 'red' },
        body: '\n记者从市人力社保局获悉。\n',
        bodyLine: 15,
        // No slug: the file's name makes the address, and the title named the file.
        at: { date: { line: 3, column: 7 }, address: { line: 2, column: 8 } },
      },
    });
  });

  it('shows the date exactly as written', () => {
    expect(loaded(article()).date.display).toBe('2022-03-01 16:59');
    expect(loaded(article().replace('2022-03-01 16:59', '2022-03-01')).date.display).toBe('2022-03-01');
  });

  it('finds the category by name and by slug', () => {
    expect(loaded(article()).category).toMatchObject(XUEXI);
    expect(loaded(article().replace('category: 学习', 'category: xuexi')).category).toMatchObject(XUEXI);
  });

  it('uses the site default source only when the article has none', () => {
    const withDefault = siteConfig({ defaultSource: '金华市人民政府' });
    expect(load(article(), FILE, withDefault).article?.source).toBe('金华市人民政府');
    expect(load(article('source: 金华日报'), FILE, withDefault).article?.source).toBe('金华日报');
    expect(loaded(article())).not.toHaveProperty('source');
  });

  it('names the file and the category value for an unknown category', () => {
    expect(load(article().replace('category: 学习', 'category: 社会'))).toMatchObject({
      diagnostics: [
        {
          severity: 'error',
          file: 'content/xuexi/a.md',
          message: 'unknown category "社会"',
          position: { line: 4, column: 11 },
          hint: 'use one of: 学习, 要闻 (or add it to site.yaml)',
        },
      ],
    });
  });

  it('reports a bad category and a bad date together', () => {
    const result = load(article().replace('category: 学习', 'category: 社会').replace('16:59', '25:00'));
    expect(result.article).toBeUndefined();
    expect(result.diagnostics.map(formatDiagnostic).map(withoutCodes)).toMatchObject([
      'content/xuexi/a.md:4:11: error: unknown category "社会"; use one of: 学习, 要闻 (or add it to site.yaml)',
      'content/xuexi/a.md:3:7: error: "2022-03-01 25:00" is not a real date and time; hours run 00–23 and minutes and seconds 00–59 (midnight is 00:00 of the next day)',
    ]);
  });

  it('refuses an article without title', () => {
    const result = load(article().replace('title: 标题\n', ''));
    expect(result.article).toBeUndefined();
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({
      severity: 'error',
      file: FILE,
      message: 'the required field "title" is missing',
      position: { line: 2, column: 1 },
    });
  });

  it('refuses a number as title, at the value', () => {
    expect(load(article().replace('title: 标题', 'title: 123')).diagnostics).toMatchObject([
      {
        severity: 'error',
        file: FILE,
        message: '"title" must be text, e.g. title: 金华全力保障用工先行 (put numbers in quotes)',
        position: { line: 2, column: 8 },
      },
    ]);
    expect(loaded(article().replace('title: 标题', 'title: "123"')).title).toBe('123');
  });

  it('refuses draft: "no"', () => {
    expect(load(article('draft: "no"')).diagnostics).toMatchObject([
      {
        severity: 'error',
        file: FILE,
        message: '"draft" must be true or false (without quotes)',
        position: { line: 5, column: 8 },
      },
    ]);
  });

  it('reads draft: true', () => {
    expect(loaded(article('draft: true')).draft).toBe(true);
  });

  it('accepts a single tag written as text', () => {
    expect(loaded(article('tags: 就业')).tags).toMatchObject(['就业']);
  });

  it('splits tags written with a full-width comma', () => {
    expect(loaded(article('tags: 就业，人才')).tags).toMatchObject(['就业', '人才']);
    expect(loaded(article('tags: 就业、人才; 招聘')).tags).toMatchObject(['就业', '人才', '招聘']);
  });

  it('turns numeric tags into text and drops duplicates and blanks', () => {
    expect(loaded(article('tags: [2022, 就业, " 就业 ", ""]')).tags).toMatchObject(['2022', '就业']);
  });

  it('refuses tags that are neither a list nor text', () => {
    expect(load(article('tags: {a: 1}')).diagnostics.map((d) => [d.message, d.position])).toMatchObject([
      ['"tags" must be a list, e.g. tags: [就业, 人才]', { line: 5, column: 7 }],
    ]);
  });

  it('strips a leading date from the file name to make the slug', () => {
    expect(loaded(article(), 'content/xuexi/2022-03-01-jinhua-yonggong.md').slug).toBe('jinhua-yonggong');
    expect(defaultSlug('content/xuexi/2022-03-01-jinhua-yonggong.markdown')).toBe('jinhua-yonggong');
    expect(defaultSlug('content/xuexi/2022-03-01.md')).toBe('2022-03-01');
  });

  it('makes a pinyin slug from a Chinese file name', () => {
    expect(loaded(article(), 'content/xuexi/金华用工.md').slug).toBe('jin-hua-yong-gong');
  });

  it('prefers the slug field to the file name', () => {
    expect(loaded(article('slug: jinhua-news'), 'content/xuexi/金华用工.md').slug).toBe('jinhua-news');
  });

  it('refuses slug: ../x', () => {
    expect(load(article('slug: ../x')).diagnostics).toMatchObject([
      {
        severity: 'error',
        file: FILE,
        message: '"slug" may contain only a-z, 0-9, "-", "_" and "."; e.g. slug: jinhua-yonggong',
        position: { line: 5, column: 7 },
      },
    ]);
  });

  it('refuses a file name that yields no slug', () => {
    expect(load(article(), 'content/xuexi/!!!.md').diagnostics).toMatchObject([
      {
        severity: 'error',
        file: 'content/xuexi/!!!.md',
        message: 'the file name gives no usable URL slug',
        position: { line: 1, column: 1 },
        hint: 'add a field like slug: jinhua-news',
      },
    ]);
  });

  it('warns about a near-miss of a known field but keeps other unknown fields quietly', () => {
    const result = load(article('tilte: 金华', 'photographer: 李明'));
    expect(result.diagnostics).toMatchObject([
      {
        severity: 'warning',
        file: FILE,
        message: 'unknown front matter key "tilte"',
        position: { line: 5, column: 1 },
        hint: 'did you mean "title"?',
      },
    ]);
    expect(result.article?.extra).toMatchObject({ tilte: '金华', photographer: '李明' });
  });

  it('loads a file with a BOM and CRLF line endings with the right line numbers', () => {
    const crlf = `\ufeff${article('draft: yes').replaceAll('\n', '\r\n')}`;
    expect(load(crlf).diagnostics.map(formatDiagnostic).map(withoutCodes)).toMatchObject([
      'content/xuexi/a.md:5:8: error: "draft" must be true or false (without quotes)',
    ]);
    const good = loaded(`\ufeff${article().replaceAll('\n', '\r\n')}`);
    expect(good.title).toBe('标题');
    expect(good.body).toBe('正文。\n');
    expect(good.bodyLine).toBe(6);
  });

  it('refuses GBK bytes after a valid front matter, naming UTF-8, GBK and the line', () => {
    const gbk = new Uint8Array([...utf8(article()), 0xbd, 0xf0, 0xbb, 0xaa, 0x0a]);
    const result = load(gbk);
    expect(result.article).toBeUndefined();
    expect(result.diagnostics.map(formatDiagnostic).map(withoutCodes)).toMatchObject([
      'content/xuexi/a.md:7:1: error: the file is not valid UTF-8 (perhaps saved as GBK or GB18030); save the file as UTF-8 (in VS Code: "Save with Encoding" → UTF-8)',
    ]);
  });

  // Regression (was a bug): a decoding failure's Diagnostic.position is the whole Decoded object, so it carries
  // `ok: false` and `reason` besides line and column (load-article.ts and load-config.ts pass `decoded`).
  it('gives a decoding error a plain {line, column} position', () => {
    const result = load(new Uint8Array([...utf8('---\n'), 0xbd, 0xf0]));
    expect(result.diagnostics[0]?.position).toMatchObject({ line: 2, column: 1 });
  });

  it('refuses a file without front matter', () => {
    expect(load('正文。\n').diagnostics.map(formatDiagnostic).map(withoutCodes)).toMatchObject([
      'content/xuexi/a.md:1:1: error: the file does not start with front matter; begin it with a line "---", then title:, date: and category:, then another "---"',
    ]);
  });

  it('reports YAML errors at the file position', () => {
    expect(load(article('title: 再来')).diagnostics.map((d) => [d.message, d.position])).toMatchObject([
      ['invalid YAML: Map keys must be unique', { line: 5, column: 1 }],
    ]);
  });

  it('does not let a __proto__ field change the prototype of extra', () => {
    const a = loaded(article('__proto__: {polluted: 1}'));
    expect(Object.getPrototypeOf(a.extra)).toBe(Object.prototype);
    expect((a.extra as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

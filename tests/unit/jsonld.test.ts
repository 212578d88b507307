import nunjucks from 'nunjucks';
import { describe, expect, it } from 'vitest';
import { jsonLdText, jsonldFilter } from '../../src/structured-data/jsonld-filter.js';
import { coverUrl, newsArticle } from '../../src/structured-data/news-article.js';
import { entry, siteConfig } from './fixtures.js';

const ATTACK = '</script><img src=x onerror=alert(1)>';

describe('jsonLdText', () => {
  it('writes <, >, & and U+2028/U+2029 as \\u escapes that JSON.parse reads back', () => {
    const value = { headline: `${ATTACK} & <!-- \u2028\u2029 "引号"` };
    const text = jsonLdText(value);
    expect(text).toBe(
      '{"headline":"\\u003c/script\\u003e\\u003cimg src=x onerror=alert(1)\\u003e \\u0026 \\u003c!-- \\u2028\\u2029 \\"引号\\""}',
    );
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(value);
  });

  it('keeps Chinese text as it is, and writes undefined as null', () => {
    expect(jsonLdText({ a: '金华', b: [1, true, null] })).toBe('{"a":"金华","b":[1,true,null]}');
    expect(jsonLdText(undefined)).toBe('null');
  });

  it('as the jsonld filter, is not escaped again by autoescaping (no &quot; inside the script)', () => {
    const env = new nunjucks.Environment(null, { autoescape: true });
    env.addFilter('jsonld', jsonldFilter);
    const html = env.renderString('<script type="application/ld+json">{{ d | jsonld }}</script>', {
      d: { headline: ATTACK },
    });
    expect(html).toBe(
      '<script type="application/ld+json">{"headline":"\\u003c/script\\u003e\\u003cimg src=x onerror=alert(1)\\u003e"}</script>',
    );
    expect(html.indexOf('</script>')).toBe(html.length - '</script>'.length);
  });
});

describe('newsArticle', () => {
  const config = siteConfig({ baseUrl: 'https://a.cn/news/', basePath: '/news/' });

  it('describes an article with an author as written by a Person, with dates in site time', () => {
    const e = entry('content/xuexi/a.md', '2022-03-01 16:59:26', {
      author: '记者 张明',
      source: '金华日报',
      tags: ['就业', '人才'],
    });
    expect(newsArticle(e, config)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: '标题 a',
      description: '正文。',
      datePublished: '2022-03-01T16:59:26+08:00',
      dateModified: '2022-03-01T16:59:26+08:00',
      author: { '@type': 'Person', name: '记者 张明' },
      publisher: { '@type': 'Organization', name: '金华新闻网', url: 'https://a.cn/news/' },
      mainEntityOfPage: { '@type': 'WebPage', '@id': 'https://a.cn/news/xuexi/2022/03/a/' },
      url: 'https://a.cn/news/xuexi/2022/03/a/',
      articleSection: '学习',
      keywords: '就业,人才',
      inLanguage: 'zh-CN',
    });
  });

  it('credits the source as an Organization when there is no author, else the site', () => {
    const withSource = entry('content/xuexi/a.md', '2022-03-01', { source: '金华日报' });
    expect(newsArticle(withSource, config).author).toEqual({ '@type': 'Organization', name: '金华日报' });
    const bare = entry('content/xuexi/b.md', '2022-03-01');
    expect(newsArticle(bare, config).author).toEqual({ '@type': 'Organization', name: '金华新闻网' });
    expect(newsArticle(bare, config)).not.toHaveProperty('image');
    expect(newsArticle(bare, config)).not.toHaveProperty('keywords');
  });

  it('gives the cover (resolved by the images stage to a site path) as an absolute image address under baseUrl', () => {
    const withCover = entry('content/xuexi/a.md', '2022-03-01', {
      coverUrl: '/xuexi/2022/03/a/images/a.jpg',
    });
    expect(newsArticle(withCover, config).image).toEqual(['https://a.cn/news/xuexi/2022/03/a/images/a.jpg']);
    expect(coverUrl(entry('content/xuexi/a.md', '2022-03-01'), config)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { RESERVED_SLUGS } from '../../src/config/category-rules.js';
import { parseConfig } from '../../src/config/load-config.js';
import { type Diagnostic, GazetteError } from '../../src/errors/diagnostic.js';
import { withoutCodes } from '../helpers/site.js';
import { utf8 } from './fixtures.js';

const parse = (yaml: string) => parseConfig(utf8(yaml), 'site.yaml');

/** The diagnostics of the GazetteError that parsing `yaml` must throw. */
function failure(yaml: string): readonly Diagnostic[] {
  try {
    parse(yaml);
  } catch (e) {
    expect(e).toBeInstanceOf(GazetteError);
    return (e as GazetteError).diagnostics;
  }
  throw new Error('parseConfig accepted an invalid config');
}

const MINIMAL = ['title: 金华新闻网', 'baseUrl: https://a.cn/news', 'categories:', '  - name: 学习', ''].join(
  '\n',
);

describe('parseConfig', () => {
  it('applies the defaults to a minimal config', () => {
    const { config, warnings } = parse(MINIMAL);
    expect(warnings).toMatchObject([]);
    expect(config).toMatchObject({
      title: '金华新闻网',
      description: '',
      baseUrl: 'https://a.cn/news/',
      basePath: '/news/',
      language: 'zh-CN',
      timeZone: 'Asia/Shanghai',
      categories: [{ name: '学习', slug: 'xue-xi' }],
      pageSize: 20,
      homePerCategory: 6,
      permalink: '/{category}/{yyyy}/{mm}/{slug}/',
      footer: '',
      feedSize: 20,
      extra: {},
    });
  });

  it('keeps explicit values, slugs, defaultSource and extra', () => {
    const { config } = parse(
      [
        'title: 金华新闻网',
        'description: 权威资讯',
        'baseUrl: https://news.jinhua.example.cn/',
        'language: zh-Hans',
        'timeZone: Asia/Urumqi',
        'defaultSource: 金华市人民政府',
        'categories:',
        '  - name: 学习',
        '    slug: xuexi',
        '  - name: 要闻',
        'pageSize: 5',
        'homePerCategory: 3',
        'permalink: /{category}/{slug}.html',
        'footer: 版权所有',
        'feedSize: 30',
        'icp: 浙ICP备12345678号',
        'police: {text: 浙公网安备 33070202000123号, code: 33070202000123}',
        'extra:',
        '  logo: logo.png',
        '',
      ].join('\n'),
    );
    expect(config).toMatchObject({
      title: '金华新闻网',
      description: '权威资讯',
      baseUrl: 'https://news.jinhua.example.cn/',
      basePath: '/',
      language: 'zh-Hans',
      timeZone: 'Asia/Urumqi',
      defaultSource: '金华市人民政府',
      categories: [
        { name: '学习', slug: 'xuexi' },
        { name: '要闻', slug: 'yao-wen' },
      ],
      pageSize: 5,
      homePerCategory: 3,
      permalink: '/{category}/{slug}.html',
      footer: '版权所有',
      feedSize: 30,
      icp: '浙ICP备12345678号',
      police: { text: '浙公网安备 33070202000123号', code: '33070202000123' },
      extra: { logo: 'logo.png' },
    });
  });

  it('adds the trailing slash to a bare host', () => {
    const { config } = parse(MINIMAL.replace('https://a.cn/news', 'https://a.cn'));
    expect(config.baseUrl).toBe('https://a.cn/');
    expect(config.basePath).toBe('/');
  });

  it('reads a config saved with a BOM and CRLF line endings', () => {
    const { config } = parse(`\ufeff${MINIMAL.replaceAll('\n', '\r\n')}`);
    expect(config.title).toBe('金华新闻网');
    expect(config.categories).toMatchObject([{ name: '学习', slug: 'xue-xi' }]);
  });

  it('derives a category slug from a Chinese name', () => {
    const { config } = parse(MINIMAL.replace('学习', '民生'));
    expect(config.categories).toMatchObject([{ name: '民生', slug: 'min-sheng' }]);
  });

  it('refuses a category listed twice, at the second entry', () => {
    const ds = failure(
      [
        'title: t',
        'baseUrl: https://a.cn/',
        'categories:',
        '  - name: 学习',
        '    slug: xuexi',
        '  - name: 学习',
        '',
      ].join('\n'),
    );
    expect(ds).toMatchObject([
      {
        severity: 'error',
        file: 'site.yaml',
        message: 'category "学习" (xue-xi) is listed twice',
        position: { line: 6, column: 5 },
        hint: 'it repeats "学习" (xuexi); delete one',
      },
    ]);
  });

  it('refuses two categories whose slugs coincide', () => {
    const ds = failure(
      [
        'title: t',
        'baseUrl: https://a.cn/',
        'categories:',
        '  - name: 学习',
        '  - name: 要闻',
        '    slug: xue-xi',
        '',
      ].join('\n'),
    );
    expect(ds.map((d) => [d.message, d.position])).toMatchObject([
      ['category "要闻" (xue-xi) is listed twice', { line: 5, column: 5 }],
    ]);
  });

  it('refuses a reserved slug', () => {
    expect(RESERVED_SLUGS).toContain('tags');
    const ds = failure(
      ['title: t', 'baseUrl: https://a.cn/', 'categories:', '  - name: 标签', '    slug: tags', ''].join(
        '\n',
      ),
    );
    expect(ds).toMatchObject([
      {
        severity: 'error',
        file: 'site.yaml',
        message: 'category slug "tags" is reserved for generated pages',
        position: { line: 4, column: 5 },
        hint: 'choose another slug',
      },
    ]);
  });

  it('refuses a reserved slug derived from the name', () => {
    const ds = failure(MINIMAL.replace('学习', 'Page'));
    expect(ds.map((d) => d.message)).toMatchObject(['category slug "page" is reserved for generated pages']);
  });

  it('refuses a name that yields no slug', () => {
    const ds = failure(MINIMAL.replace('学习', '"!!!"'));
    expect(ds.map((d) => [d.message, d.position])).toMatchObject([
      ['category "!!!" needs a slug', { line: 4, column: 5 }],
    ]);
  });

  it('refuses a hand-written slug with capitals, at the slug', () => {
    const ds = failure(`${MINIMAL}    slug: XueXi\n`);
    expect(ds.map((d) => [d.message, d.position])).toMatchObject([
      ['a category slug may contain only a-z, 0-9 and "-" (e.g. xuexi)', { line: 5, column: 11 }],
    ]);
  });

  it('refuses a misspelt time zone at its value', () => {
    const ds = failure(MINIMAL.replace('categories:', 'timeZone: Asia/Shanghia\ncategories:'));
    expect(ds).toMatchObject([
      {
        severity: 'error',
        file: 'site.yaml',
        message: '"timeZone" is not a known IANA time zone; use a name like Asia/Shanghai',
        position: { line: 3, column: 11 },
      },
    ]);
  });

  it('refuses a baseUrl without a scheme', () => {
    const ds = failure(MINIMAL.replace('https://a.cn/news', 'news.example.cn'));
    expect(ds).toMatchObject([
      {
        severity: 'error',
        file: 'site.yaml',
        message:
          '"baseUrl" must be an absolute http(s) URL with a scheme and no ?query or #fragment, e.g. https://news.example.cn/',
        position: { line: 2, column: 10 },
      },
    ]);
  });

  it('refuses a non-http baseUrl', () => {
    const ds = failure(MINIMAL.replace('https://a.cn/news', 'ftp://a.cn/'));
    expect(ds.map((d) => d.position)).toMatchObject([{ line: 2, column: 10 }]);
  });

  it('takes the 公安备案 number from its text when no code is given', () => {
    const { config } = parse(`${MINIMAL}police:\n  text: 浙公网安备 33070202000123号\n`);
    expect(config.police).toMatchObject({ text: '浙公网安备 33070202000123号', code: '33070202000123' });
  });

  it('refuses a 公安备案 without any number, at "police"', () => {
    const ds = failure(`${MINIMAL}police:\n  text: 浙公网安备\n`);
    expect(ds.map((d) => [d.message, d.position])).toMatchObject([
      ['"police" has no number to look the 公安备案 up with', { line: 6, column: 3 }],
    ]);
  });

  it('refuses a 公安备案 code that is not digits, at the code', () => {
    const ds = failure(`${MINIMAL}police: {text: 浙公网安备, code: 浙33070202000123}\n`);
    expect(ds.map((d) => [d.message, d.position])).toMatchObject([
      [
        '"code" must be the digits of the 公安备案 number, e.g. code: 33070202000123',
        { line: 5, column: 29 },
      ],
    ]);
  });

  it('refuses a misspelt key inside "police", an empty icp and a feedSize of 0', () => {
    const ds = failure(
      `${MINIMAL}police: {text: 浙公网安备 33070202000123号, cdoe: 1}\nicp: ""\nfeedSize: 0\n`,
    );
    expect(ds.map((d) => [d.position?.line, d.message]).sort()).toMatchObject([
      [5, '"police" has only text and code, not "cdoe"'],
      [6, '"icp" must not be empty'],
      [7, '"feedSize" must be at least 1'],
    ]);
  });

  it('warns about a misspelt key and suggests the right one', () => {
    const { config, warnings } = parse(`titel: 金华\n${MINIMAL}`);
    expect(config.title).toBe('金华新闻网');
    expect(warnings).toMatchObject([
      {
        severity: 'warning',
        file: 'site.yaml',
        message: 'unknown site.yaml key "titel"',
        position: { line: 1, column: 1 },
        hint: 'did you mean "title"?',
      },
    ]);
  });

  it('lists the known keys for an unknown key that is no near miss', () => {
    const { warnings } = parse(`${MINIMAL}colourScheme: dark\n`);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.message).toBe('unknown site.yaml key "colourScheme"');
    expect(warnings[0]?.position).toMatchObject({ line: 5, column: 1 });
    expect(warnings[0]?.hint).toMatch(/^known keys: title, description, baseUrl, /);
  });

  it('refuses a config without title', () => {
    const ds = failure(MINIMAL.replace('title: 金华新闻网\n', ''));
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({
      severity: 'error',
      file: 'site.yaml',
      message: 'the required field "title" is missing',
      position: { line: 1, column: 1 },
    });
  });

  // Regression (was a bug): the hint for a field missing from site.yaml is the front-matter one, 'add it between the two
  // "---" lines'; site.yaml has no "---" lines (validateMapping only knows front matter's wording).
  it('gives a site.yaml hint, not a front-matter one, for a missing field', () => {
    const ds = failure(MINIMAL.replace('title: 金华新闻网\n', ''));
    expect(ds[0]?.hint).toBeDefined();
    expect(ds[0]?.hint).not.toContain('---');
  });

  it('refuses an empty title at its value', () => {
    const ds = failure(MINIMAL.replace('title: 金华新闻网', 'title: "  "'));
    expect(ds.map((d) => [d.message, d.position])).toMatchObject([
      ['"title" must not be empty', { line: 1, column: 8 }],
    ]);
  });

  it('refuses an empty category list', () => {
    const ds = failure('title: t\nbaseUrl: https://a.cn/\ncategories: []\n');
    expect(ds.map((d) => [d.message, d.position])).toMatchObject([
      ['"categories" must list at least one category', { line: 3, column: 13 }],
    ]);
  });

  it('refuses a category written as a bare name', () => {
    const ds = failure('title: t\nbaseUrl: https://a.cn/\ncategories:\n  - 学习\n');
    expect(ds.map((d) => [d.message, d.position])).toMatchObject([
      ['each category must be a mapping like {name: 学习, slug: xuexi}', { line: 4, column: 5 }],
    ]);
  });

  it('refuses pageSize 0 at its value', () => {
    const ds = failure(`${MINIMAL}pageSize: 0\n`);
    expect(ds.map((d) => [d.message, d.position])).toMatchObject([
      ['"pageSize" must be at least 1', { line: 5, column: 11 }],
    ]);
  });

  it('refuses a permalink without {slug}', () => {
    const ds = failure(`${MINIMAL}permalink: /{category}/{yyyy}/\n`);
    expect(ds.map((d) => d.message)).toMatchObject([
      '"permalink" must start with "/", contain {slug} and end with "/" or ".html"',
    ]);
  });

  it('reports every schema problem at once', () => {
    const ds = failure('baseUrl: nope\ncategories: []\n');
    expect(ds.map((d) => d.message)).toMatchObject([
      'the required field "title" is missing',
      '"baseUrl" must be an absolute http(s) URL with a scheme and no ?query or #fragment, e.g. https://news.example.cn/',
      '"categories" must list at least one category',
    ]);
  });

  it('refuses a config that is not UTF-8', () => {
    const gbk = new Uint8Array([...utf8('title: '), 0xbd, 0xf0, 0xbb, 0xaa, 0x0a]);
    try {
      parseConfig(gbk, 'site.yaml');
      expect.unreachable();
    } catch (e) {
      expect(withoutCodes((e as GazetteError).message)).toBe(
        'site.yaml:1:8: error: the file is not valid UTF-8 (perhaps saved as GBK or GB18030); save it as UTF-8',
      );
    }
  });

  // Regression (was a bug): a baseUrl with a query or fragment loads, and baseUrl then does not end in "/" as SiteConfig
  // promises ("https://a.cn/news/?x=1#f"); every link built from it would be broken.
  it('never returns a baseUrl that does not end in "/"', () => {
    let baseUrl: string;
    try {
      baseUrl = parse(MINIMAL.replace('https://a.cn/news', 'https://a.cn/news?x=1#f')).config.baseUrl;
    } catch {
      baseUrl = 'rejected/';
    }
    expect(baseUrl).toMatch(/\/$/);
  });
});

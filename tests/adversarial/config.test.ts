import { afterEach, describe, expect, it } from 'vitest';
import { buildsOk, failsCleanly, siteFactory } from '../helpers/adversarial.js';
import { readPage, siteYaml } from '../helpers/site.js';

const sites = siteFactory();
afterEach(() => sites.cleanup());

const BASE_URL =
  '"baseUrl" must be an absolute http(s) URL with a scheme and no ?query or #fragment, e.g. https://news.example.cn/';
const yaml = (baseUrl: string, rest = '') =>
  `title: 测试新闻网\nbaseUrl: ${baseUrl}\ncategories:\n  - name: 学习\n    slug: xuexi\n  - name: 要闻\n    slug: yaowen\n${rest}`;

describe('a wrong site.yaml stops the build at the line to fix', () => {
  it.each([
    [
      'a category listed twice by name',
      yaml('https://news.example.cn/', '  - name: 学习\n    slug: xuexi-2\n'),
      'site.yaml:8:5: error: category "学习" (xuexi-2) is listed twice; it repeats "学习" (xuexi); delete one',
    ],
    [
      'a category listed twice by slug',
      yaml('https://news.example.cn/', '  - name: 学习园地\n    slug: xuexi\n'),
      'site.yaml:8:5: error: category "学习园地" (xuexi) is listed twice; it repeats "学习" (xuexi); delete one',
    ],
    [
      'a time zone that does not exist',
      yaml('https://news.example.cn/', 'timeZone: Asia/Beijing\n'),
      'site.yaml:8:11: error: "timeZone" is not a known IANA time zone; use a name like Asia/Shanghai',
    ],
    [
      'a time zone written as an offset',
      yaml('https://news.example.cn/', 'timeZone: UTC+8\n'),
      'site.yaml:8:11: error: "timeZone" is not a known IANA time zone; use a name like Asia/Shanghai',
    ],
    ['a base URL without a scheme', yaml('news.example.cn'), `site.yaml:2:10: error: ${BASE_URL}`],
    [
      'a base URL with a javascript: scheme',
      yaml('"javascript:alert(1)"'),
      `site.yaml:2:10: error: ${BASE_URL}`,
    ],
    ['a base URL with a query', yaml('https://news.example.cn/?a=1'), `site.yaml:2:10: error: ${BASE_URL}`],
    [
      'an empty site.yaml',
      '',
      'site.yaml:1:1: error: the required field "baseUrl" is missing; add a line like "baseUrl: https://news.example.cn/"',
    ],
  ])('%s', async (_name, text, expected) => {
    await failsCleanly(sites.make(), { 'site.yaml': text }, [expected]);
  });
});

describe('unknown keys in site.yaml', () => {
  it('are warnings with a suggestion, and the build goes on', async () => {
    const root = sites.make({}, siteYaml('titel: 别的\npagesize: 3\nfoter: x\ncolour: red\n'));
    const run = await buildsOk(root);
    expect(run.stderr.split('\n')).toEqual([
      'site.yaml:10:1: warning: unknown site.yaml key "titel"; did you mean "title"?',
      'site.yaml:11:1: warning: unknown site.yaml key "pagesize"; did you mean "pageSize"?',
      'site.yaml:12:1: warning: unknown site.yaml key "foter"; did you mean "footer"?',
      'site.yaml:13:1: warning: unknown site.yaml key "colour"; known keys: title, description, baseUrl, language, timeZone, defaultSource, categories, pageSize, homePerCategory, permalink, footer, feedSize, icp, police, gov, logo, favicon, disclosure, extra',
    ]);
    expect(readPage(root, 'dist/index.html')).toContain('<title>测试新闻网</title>');
  });

  it('a __proto__ key under extra pollutes nothing', async () => {
    const root = sites.make(
      {},
      siteYaml('extra:\n  __proto__: {polluted: yes}\n  constructor: {prototype: {polluted: yes}}\n'),
    );
    await buildsOk(root);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { buildsOk, failsCleanly, siteFactory } from '../helpers/adversarial.js';
import { readPage } from '../helpers/site.js';

const sites = siteFactory();
afterEach(() => sites.cleanup());

const FILE = 'content/xuexi/a.md';
const OK = 'title: 标题\ndate: 2022-03-01 10:00\ncategory: 学习';
const fm = (yaml: string) => `---\n${yaml}\n---\n正文。\n`;
const TITLE = '"title" must be text, e.g. title: 金华全力保障用工先行 (put numbers in quotes)';

const errors: Array<[name: string, text: string, expected: string]> = [
  ['title: 123', fm('title: 123\ndate: 2022-03-01 10:00\ncategory: 学习'), `${FILE}:2:8: error: ${TITLE}`],
  [
    'title: a list',
    fm('title: [金华, 新闻]\ndate: 2022-03-01 10:00\ncategory: 学习'),
    `${FILE}:2:8: error: ${TITLE}`,
  ],
  ['title: true', fm('title: true\ndate: 2022-03-01 10:00\ncategory: 学习'), `${FILE}:2:8: error: ${TITLE}`],
  [
    'an empty title',
    fm('title:\ndate: 2022-03-01 10:00\ncategory: 学习'),
    `${FILE}:2:7: error: "title" is empty; write a value after "title:"`,
  ],
  [
    'a title of spaces',
    fm('title: "   "\ndate: 2022-03-01 10:00\ncategory: 学习'),
    `${FILE}:2:8: error: "title" must not be empty`,
  ],
  [
    'draft: "no" (text, not false)',
    fm(`${OK}\ndraft: "no"`),
    `${FILE}:5:8: error: "draft" must be true or false (without quotes)`,
  ],
  ['draft: no', fm(`${OK}\ndraft: no`), `${FILE}:5:8: error: "draft" must be true or false (without quotes)`],
  ['draft: 0', fm(`${OK}\ndraft: 0`), `${FILE}:5:8: error: "draft" must be true or false (without quotes)`],
  [
    'headline: 是',
    fm(`${OK}\nheadline: 是`),
    `${FILE}:5:11: error: "headline" must be true or false (without quotes)`,
  ],
  [
    'tags: a number',
    fm(`${OK}\ntags: 2022`),
    `${FILE}:5:7: error: "tags" must be a list, e.g. tags: [就业, 人才]`,
  ],
  [
    'tags: a mapping',
    fm(`${OK}\ntags: {a: 1}`),
    `${FILE}:5:7: error: "tags" must be a list, e.g. tags: [就业, 人才]`,
  ],
  [
    'category: a number',
    fm('title: 标题\ndate: 2022-03-01 10:00\ncategory: 1'),
    `${FILE}:4:11: error: "category" must be text, e.g. category: 学习 (put numbers in quotes)`,
  ],
  ['slug: a number', fm(`${OK}\nslug: 2022`), `${FILE}:5:7: error: "slug" must be text`],
  [
    'source: a list',
    fm(`${OK}\nsource: [新华社]`),
    `${FILE}:5:9: error: "source" must be text, e.g. source: 金华市人民政府 (put numbers in quotes)`,
  ],
];

describe('a value of the wrong type stops the build at the value', () => {
  it.each(errors)('%s', async (_name, text, expected) => {
    await failsCleanly(sites.make(), { [FILE]: text }, [expected]);
  });
});

describe('values read the way the editor meant them', () => {
  it('tags: 就业 is a list of one tag; tags: 就业，人才 a list of two', async () => {
    const root = sites.make({
      [FILE]: fm(`${OK}\ntags: 就业`),
      'content/xuexi/b.md': fm(`title: 乙\ndate: 2022-03-02 10:00\ncategory: 学习\ntags: 就业，人才`),
    });
    expect((await buildsOk(root)).stderr).toBe('');
    expect(readPage(root, 'dist/xuexi/2022/03/a/index.html')).toContain(
      '标签：<a class="tag" href="/tags/jiu-ye/">就业</a></p>',
    );
    expect(readPage(root, 'dist/xuexi/2022/03/b/index.html')).toContain(
      '标签：<a class="tag" href="/tags/jiu-ye/">就业</a><a class="tag" href="/tags/ren-cai/">人才</a></p>',
    );
  });

  it('tags of numbers become text; a quoted or !!str number is a title', async () => {
    const root = sites.make({
      [FILE]: fm(`title: "123"\ndate: 2022-03-01 10:00\ncategory: 学习\ntags: [2022, 两会]`),
      'content/xuexi/b.md': fm('title: !!str 456\ndate: 2022-03-02 10:00\ncategory: 学习'),
    });
    expect((await buildsOk(root)).stderr).toBe('');
    const html = readPage(root, 'dist/xuexi/2022/03/a/index.html');
    expect(html).toContain('<h1 class="article-title">123</h1>');
    expect(html).toContain('<a class="tag" href="/tags/2022/">2022</a>');
    expect(readPage(root, 'dist/xuexi/2022/03/b/index.html')).toContain('<h1 class="article-title">456</h1>');
  });

  it('draft: false and headline: true are booleans', async () => {
    const root = sites.make({ [FILE]: fm(`${OK}\ndraft: false\nheadline: true`) });
    expect((await buildsOk(root)).stderr).toBe('');
    expect(readPage(root, 'dist/index.html')).toContain('href="/xuexi/2022/03/a/"');
  });
});

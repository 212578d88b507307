import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { buildsOk, failsCleanly, siteFactory } from '../helpers/adversarial.js';
import { readPage, runCli, runCliWithCodes, snapshotDir, writeFiles } from '../helpers/site.js';

// 信息公开 articles (issue 20, part 3): the `disclosure:` block shown above the title, checked field
// by field at its key, a unique 索引号, a category that requires the block and lists its fields.

const PATTERN = `disclosure:\n  indexPattern: '^\\d{9}/\\d{4}-\\d{5}$'\n`;
const YAML = `title: 测试新闻网
baseUrl: https://news.example.cn/
pageSize: 5
categories:
  - name: 学习
    slug: xuexi
  - name: 政策文件
    slug: zhengce
    disclosure: required
${PATTERN}`;

/** A 信息公开 article of 政策文件; `fields` replace or add lines of its disclosure: block. */
function policy(title: string, date: string, fields: Record<string, string> = {}): string {
  const block = {
    index: '002542567/2022-00123',
    publisher: '金华市人民政府办公室',
    topic: '劳动、人事、监察',
    written: '2022-02-28',
    number: '金政办发〔2022〕5号',
    validity: '有效',
    ...fields,
  };
  const lines = Object.entries(block).map(([k, v]) => `  ${k}: ${v}`);
  return `---\ntitle: ${title}\ndate: ${date}\ncategory: 政策文件\ndisclosure:\n${lines.join('\n')}\n---\n\n${title}的正文。\n`;
}

const sites = siteFactory();
afterAll(() => sites.cleanup());

/** The cells of a page's first table of `selector`, row by row. */
const rows = (html: string, selector: string) =>
  parse(html)
    .querySelectorAll(`${selector} tr`)
    .map((tr) => tr.querySelectorAll('th, td').map((c) => c.text.trim()));

describe('a 信息公开 article', () => {
  it('shows its fields above the title as gov.cn does, two label–value pairs a row, 发布日期 from date', async () => {
    const root = sites.make(
      { 'content/zhengce/a.md': policy('关于印发促进就业创业若干政策措施的通知', '2022-03-02 10:00') },
      YAML,
    );
    await buildsOk(root);
    const html = readPage(root, 'dist/zhengce/2022/03/a/index.html');
    expect(rows(html, 'table.disclosure')).toEqual([
      ['索引号：', '002542567/2022-00123', '主题分类：', '劳动、人事、监察'],
      ['发文机关：', '金华市人民政府办公室', '成文日期：', '2022年02月28日'],
      ['标　　题：', '关于印发促进就业创业若干政策措施的通知'],
      ['发文字号：', '金政办发〔2022〕5号', '发布日期：', '2022年03月02日'],
      ['有 效 性：', '有效'],
    ]);
    // Above the title, inside the article's header.
    expect(html.indexOf('class="disclosure"')).toBeLessThan(html.indexOf('class="article-title"'));
    expect(html).toContain('<time datetime="2022-02-28">2022年02月28日</time>');
    // An article without the block has no table.
    expect(readPage(root, 'dist/xuexi/2022/03/good/index.html')).not.toContain('class="disclosure"');
  });

  it('is listed in its category with 索引号, 文号 and 成文日期 as columns', async () => {
    const root = sites.make(
      {
        'content/zhengce/a.md': policy('通知甲', '2022-03-02 10:00'),
        'content/zhengce/b.md': policy('通知乙', '2022-03-14 16:30', {
          index: '002542567/2022-00131',
          written: '2022-03-10',
          number: '金政发〔2022〕3号',
        }),
      },
      YAML,
    );
    await buildsOk(root);
    const list = readPage(root, 'dist/zhengce/index.html');
    expect(rows(list, 'table.disclosure-list')).toEqual([
      ['索引号', '标题', '文号', '成文日期'],
      ['002542567/2022-00131', '通知乙', '金政发〔2022〕3号', '2022-03-10'],
      ['002542567/2022-00123', '通知甲', '金政办发〔2022〕5号', '2022-02-28'],
    ]);
    // Other categories keep their list.
    const other = readPage(root, 'dist/xuexi/index.html');
    expect(other).toContain('class="entry-list"');
    expect(other).not.toContain('disclosure-list');
  });
});

describe('the disclosure: block is checked at its keys', () => {
  it('a 成文日期 that does not exist, or comes after the date: at written:', async () => {
    const root = sites.make({}, YAML);
    await failsCleanly(
      root,
      {
        'content/zhengce/a.md': policy('通知甲', '2022-03-02 10:00', { written: '2022-02-30' }),
        'content/zhengce/b.md': policy('通知乙', '2022-03-02 10:00', {
          index: '002542567/2022-00124',
          written: '2022-03-03',
        }),
      },
      [
        'content/zhengce/a.md:9:3: error: the 成文日期 "2022-02-30" is not a real date; write the day the document was signed as YYYY-MM-DD, e.g. written: 2022-02-28',
        "content/zhengce/b.md:9:3: error: the 成文日期 2022-03-03 is later than the article's date 2022-03-02; a document is written before it is published: correct written: or date:",
      ],
    );
  });

  it('a 成文日期 on the day of publication is fine', async () => {
    const root = sites.make(
      { 'content/zhengce/a.md': policy('通知甲', '2022-03-02 00:00', { written: '2022-03-02' }) },
      YAML,
    );
    await buildsOk(root);
  });

  it("a 索引号 that breaks the site's pattern: at index:", async () => {
    const root = sites.make({}, YAML);
    await failsCleanly(
      root,
      { 'content/zhengce/a.md': policy('通知甲', '2022-03-02 10:00', { index: '2022-00123' }) },
      [
        'content/zhengce/a.md:6:3: error: the 索引号 "2022-00123" does not follow the site\'s pattern ^\\d{9}/\\d{4}-\\d{5}$; copy the 索引号 from the 政府信息公开 system, or correct disclosure.indexPattern in site.yaml',
      ],
    );
  });

  it('two articles with one 索引号: an error naming both files with line and column', async () => {
    const root = sites.make({ 'content/zhengce/a.md': policy('通知甲', '2022-03-02 10:00') }, YAML);
    const run = await failsCleanly(
      root,
      { 'content/zhengce/b.md': `\n${policy('通知乙', '2022-03-05 10:00')}`.slice(1) },
      [
        'content/zhengce/b.md:6:3: error: the 索引号 "002542567/2022-00123" is also the 索引号 of content/zhengce/a.md:6:3; each document has its own 索引号: correct one of the two',
      ],
    );
    expect(run.stderr).not.toContain('internal error');
    const coded = await runCliWithCodes(['build', '--root', root]);
    expect(coded.stderr).toContain('[GZ0116]');
  });

  it('a category that requires the block, and an article without it: at category:', async () => {
    const root = sites.make({}, YAML);
    await failsCleanly(
      root,
      {
        'content/zhengce/c.md':
          '---\ntitle: 没写信息公开\ndate: 2022-03-02 10:00\ncategory: 政策文件\n---\n\n正文。\n',
      },
      [
        'content/zhengce/c.md:4:1: error: articles of the category "政策文件" are 政府信息公开 articles, but this one has no disclosure: block; add disclosure: with index:, publisher:, topic:, written:, number: and validity: (see the editors\' guide)',
      ],
    );
  });

  it('a draft without the block, as gazette new writes it, is a warning: the build goes on', async () => {
    const root = sites.make(
      {
        'content/zhengce/d.md':
          '---\ntitle: 草稿\ndate: 2022-03-02 10:00\ncategory: 政策文件\ndraft: true\n---\n\n正文。\n',
      },
      YAML,
    );
    const run = await buildsOk(root);
    expect(run.stderr).toContain(
      'content/zhengce/d.md:4:1: warning: articles of the category "政策文件" are 政府信息公开 articles, but this one has no disclosure: block',
    );
  });

  it('a key the block does not have, and a 索引号 that is missing', async () => {
    const root = sites.make({}, YAML);
    const run = await runCli(['build', '--root', root]);
    expect(run.code).toBe(0);
    writeFiles(root, {
      'content/zhengce/a.md':
        '---\ntitle: 通知甲\ndate: 2022-03-02 10:00\ncategory: 政策文件\ndisclosure:\n  publisher: 金华市人民政府\n  wenhao: 金政发〔2022〕3号\n---\n\n正文。\n',
    });
    const bad = await runCli(['build', '--root', root]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^content\/zhengce\/a\.md:\d+:\d+: error: .*"wenhao"/m);
    expect(bad.stderr).not.toContain('internal error');
  });
});

describe('disclosure: in site.yaml', () => {
  it('an indexPattern that is not a regular expression: at its value', async () => {
    const root = sites.make({}, YAML);
    const run = await failsCleanly(
      root,
      { 'site.yaml': YAML.replace("'^\\d{9}/\\d{4}-\\d{5}$'", "'^(\\d{9}/'") },
      [],
    );
    expect(run.stderr).toMatch(
      /^site\.yaml:11:17: error: disclosure\.indexPattern is not a regular expression: .+; write a JavaScript regular expression in single quotes/m,
    );
  });

  it('a category whose disclosure is not "required"', async () => {
    const root = sites.make({}, YAML);
    const run = await runCli(['build', '--root', root]);
    expect(run.code).toBe(0);
    writeFileSync(path.join(root, 'site.yaml'), YAML.replace('disclosure: required', 'disclosure: yes'));
    const bad = await runCli(['build', '--root', root]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('site.yaml:9:17: error: "disclosure" of a category can only be "required"');
  });
});

describe('an incremental build', () => {
  it('re-renders the category list when a 文号 changes, as a build without the cache does', async () => {
    const root = sites.make({ 'content/zhengce/a.md': policy('通知甲', '2022-03-02 10:00') }, YAML);
    await buildsOk(root);
    const file = path.join(root, 'content/zhengce/a.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('金政办发〔2022〕5号', '金政办发〔2022〕6号'));
    await buildsOk(root);
    await buildsOk(root, ['--no-cache', '--out', path.join(root, 'clean')]);
    const cached = snapshotDir(path.join(root, 'dist'));
    const clean = snapshotDir(path.join(root, 'clean'));
    expect(readPage(root, 'dist/zhengce/index.html')).toContain('金政办发〔2022〕6号');
    expect(readPage(root, 'dist/zhengce/index.html')).not.toContain('金政办发〔2022〕5号');
    expect(cached).toEqual(clean);
  });
});

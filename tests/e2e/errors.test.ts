import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  article,
  makeSite,
  removeSite,
  runBin,
  runCli,
  siteYaml,
  snapshotDir,
  writeFiles,
} from '../helpers/site.js';

const good = article({ title: '好文章', date: '2022-03-01 10:00', category: '学习' });
const roots: string[] = [];
const site = (files: Record<string, string | Uint8Array>) => {
  const root = makeSite({ 'site.yaml': siteYaml(), 'content/xuexi/good.md': good, ...files });
  roots.push(root);
  return root;
};
afterEach(() => {
  for (const r of roots.splice(0)) removeSite(r);
});

// Each bad file, and the exact line the editor sees for it.
const cases: Array<[name: string, file: string, text: string | Uint8Array, expected: string]> = [
  [
    'invalid YAML',
    'content/xuexi/a.md',
    '---\ntitle: "未闭合\ndate: 2022-03-01 10:00\ncategory: 学习\n---\n',
    'content/xuexi/a.md:2:8: error: invalid YAML: Missing closing "quote; a quoted value needs its closing quote',
  ],
  [
    'unknown category',
    'content/xuexi/a.md',
    article({ title: '标题', date: '2022-03-01 10:00', category: '新闻' }),
    'content/xuexi/a.md:4:11: error: unknown category "新闻"; use one of: 学习, 要闻 (or add it to site.yaml)',
  ],
  [
    'missing category',
    'content/xuexi/a.md',
    article({ title: '标题', date: '2022-03-01 10:00' }),
    'content/xuexi/a.md:2:1: error: the required field "category" is missing; add a line like "category: 学习"',
  ],
  [
    'impossible date',
    'content/xuexi/a.md',
    article({ title: '标题', date: '2022-02-30 10:00', category: '学习' }),
    'content/xuexi/a.md:3:7: error: "2022-02-30 10:00" is not a real date and time; that day does not exist in that month',
  ],
  [
    'unreadable date',
    'content/xuexi/a.md',
    article({ title: '标题', date: '2022-3-1', category: '学习' }),
    'content/xuexi/a.md:3:7: error: cannot read the date "2022-3-1"; use two digits for month and day (2022-03-01); write it like 2022-03-01 16:59:26 (site time) or 2022-03-01T16:59:26+08:00',
  ],
  [
    'missing title',
    'content/xuexi/a.md',
    article({ date: '2022-03-01 10:00', category: '学习' }),
    'content/xuexi/a.md:2:1: error: the required field "title" is missing; add a line like "title: 金华全力保障用工先行"',
  ],
  [
    'front matter that is a list',
    'content/xuexi/a.md',
    '---\n- 标题\n- 学习\n---\n正文\n',
    'content/xuexi/a.md:2:1: error: front matter must be a list of "key: value" lines, but this is a list; write one field per line, like "title: 标题"',
  ],
  [
    'front matter that is a string',
    'content/xuexi/a.md',
    '---\n就是一句话\n---\n正文\n',
    'content/xuexi/a.md:2:1: error: front matter must be a list of "key: value" lines, but this is a single value; write one field per line, like "title: 标题"',
  ],
  [
    'a full-width colon',
    'content/xuexi/a.md',
    '---\n标题：金华\ndate: 2022-03-01 10:00\ncategory: 学习\n---\n',
    'content/xuexi/a.md:2:3: error: invalid YAML: "标题" is followed by a full-width colon "："; use the ASCII colon followed by a space, and the field\'s name "title": "title: 金华"',
  ],
  [
    'no closing ---',
    'content/xuexi/a.md',
    '---\ntitle: 标题\ndate: 2022-03-01 10:00\ncategory: 学习\n\n正文\n',
    'content/xuexi/a.md:1:1: error: the front matter is never closed; add a line "---" after the last field, before the article text',
  ],
  [
    'no front matter at all',
    'content/xuexi/a.md',
    '# 标题\n\n正文\n',
    'content/xuexi/a.md:1:1: error: the file does not start with front matter; begin it with a line "---", then title:, date: and category:, then another "---"',
  ],
  [
    'JavaScript front matter',
    'content/xuexi/a.md',
    '---js\n{ title: require("fs").writeFileSync("/tmp/gazette-pwned", "x") }\n---\n',
    'content/xuexi/a.md:1:4: error: front matter in "js" is not supported; it is never run; write "---" alone on the first line and the fields in YAML',
  ],
  [
    'a GBK file',
    'content/xuexi/a.md',
    Buffer.concat([
      Buffer.from('---\ntitle: '),
      Buffer.from([0xbd, 0xf0, 0xbb, 0xaa]),
      Buffer.from('\ndate: 2022-03-01 10:00\ncategory: 学习\n---\n'),
    ]),
    'content/xuexi/a.md:2:8: error: the file is not valid UTF-8 (perhaps saved as GBK or GB18030); save the file as UTF-8 (in VS Code: "Save with Encoding" → UTF-8)',
  ],
  [
    'a title that is a number',
    'content/xuexi/a.md',
    article({ title: '123', date: '2022-03-01 10:00', category: '学习' }),
    'content/xuexi/a.md:2:8: error: "title" must be text, e.g. title: 金华全力保障用工先行 (put numbers in quotes)',
  ],
  [
    'two articles at one URL',
    'content/yaowen/good.md',
    article({ title: '同名', date: '2022-03-05 10:00', category: '学习' }),
    'content/yaowen/good.md:2:8: error: writes the same page /xuexi/2022/03/good/ as content/xuexi/good.md:2:8; give one of them another slug (slug: …) or date',
  ],
  [
    'two file names differing only in case',
    'content/xuexi/Good.md',
    article({ title: '大小写', date: '2022-03-09 10:00', category: '学习' }),
    'content/xuexi/good.md:2:8: error: writes the same page /xuexi/2022/03/good/ as content/xuexi/Good.md:2:8; the two file names differ only in upper and lower case, which Windows and macOS take for one file: delete or rename one of the two files',
  ],
  [
    'a slug with ../',
    'content/xuexi/b.md',
    article({ title: '越界', date: '2022-03-09 10:00', category: '学习', slug: '../../etc' }),
    'content/xuexi/b.md:5:7: error: "slug" may contain only a-z, 0-9, "-", "_" and "."; e.g. slug: jinhua-yonggong',
  ],
];

describe('a content error stops the build with a positioned message and leaves dist/ untouched', () => {
  it.each(cases)('%s', async (_name, file, text, expected) => {
    const root = site({});
    // Without the search index, which these cases are not about: twice as fast.
    expect((await runCli(['build', '--root', root, '--no-search'])).code).toBe(0);
    const before = snapshotDir(path.join(root, 'dist'));

    writeFiles(root, { [file]: text });
    const run = await runCli(['build', '--root', root, '--no-search']);
    expect(run.code).toBe(1);
    expect(run.stderr.split('\n')).toContain(expected);
    expect(run.stderr).toMatch(/failed with 1 error\(s\); the previous output was left as it was$/);
    expect(snapshotDir(path.join(root, 'dist'))).toEqual(before);
  });
});

describe('error reporting', () => {
  it('reports every content error of a build, one line each, then exits 1', async () => {
    const root = site({
      'content/xuexi/b.md': article({ title: '标题', date: '2022-13-01 10:00', category: '学习' }),
      'content/xuexi/c.md': article({ title: '标题', date: '2022-03-01 10:00', category: '体育' }),
      'content/yaowen/d.md': '---\ntitle: a\ntitle: b\ndate: 2022-03-01 10:00\ncategory: 要闻\n---\n',
    });
    const run = runBin(['build', '--root', root]);
    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines.map((l) => l.split(': error:')[0])).toEqual([
      'content/xuexi/b.md:3:7',
      'content/xuexi/c.md:4:11',
      'content/yaowen/d.md:3:1',
      'gazette build: failed with 3 error(s); the previous output was left as it was',
    ]);
  });

  it('never runs JavaScript front matter', async () => {
    const marker = path.join(process.cwd(), `.pwned-${process.pid}`);
    const root = site({
      'content/xuexi/a.md': `---javascript\n{ title: require("fs").writeFileSync(${JSON.stringify(marker)}, "x") }\n---\n`,
    });
    const run = runBin(['build', '--root', root]);
    expect(run.code).toBe(1);
    expect(existsSync(marker)).toBe(false);
  });

  it('accepts a UTF-8 BOM and CRLF line endings', async () => {
    const root = site({
      'content/xuexi/bom.md': `\uFEFF${article({ title: 'BOM 文章', date: '2022-03-02 10:00', category: '学习' }).replaceAll('\n', '\r\n')}`,
    });
    const run = await runCli(['build', '--root', root]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it('names the template file and line of a template error', async () => {
    const root = site({});
    expect((await runCli(['build', '--root', root])).code).toBe(0);
    const before = snapshotDir(path.join(root, 'dist'));
    writeFiles(root, {
      'templates/partials/meta-line.njk': '<p>\n{{ article.date.display | nosuchfilter }}\n</p>\n',
    });
    const run = await runCli(['build', '--root', root]);
    expect(run.code).toBe(1);
    // The error came while pages were being written: the half-written new site is thrown away.
    expect(snapshotDir(path.join(root, 'dist'))).toEqual(before);
    expect(existsSync(path.join(root, '.dist.gazette-new'))).toBe(false);
    expect(run.stderr.split('\n')[0]).toBe(
      'templates/partials/meta-line.njk:2:25: error: template error: filter not found: nosuchfilter; while rendering /xuexi/2022/03/good/ (from content/xuexi/good.md)',
    );
  });

  it('names the template file and line of a template syntax error, even inside an include', async () => {
    const root = site({ 'templates/partials/meta-line.njk': '<p>\n{% if article.source %}\n</p>\n' });
    const run = await runCli(['build', '--root', root]);
    expect(run.code).toBe(1);
    expect(run.stderr.split('\n')[0]).toBe(
      'templates/partials/meta-line.njk:3:5: error: template error: parseIf: expected elif, else, or endif, got end of file',
    );
  });
});

describe('exit codes', () => {
  it('2 for bad usage, 0 for --help', () => {
    expect(runBin(['build', '--no-such-flag']).code).toBe(2);
    expect(runBin(['frobnicate']).code).toBe(2);
    expect(runBin([]).code).toBe(2);
    const help = runBin(['build', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: gazette build');
    expect(runBin(['--help']).stdout).toContain('Commands:');
  });

  it('1 when site.yaml is missing', () => {
    const root = makeSite({ 'content/xuexi/a.md': good });
    roots.push(root);
    const run = runBin(['build', '--root', root]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^site\.yaml: error: cannot read site\.yaml in /);
  });
});

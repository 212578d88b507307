import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { loadArticle } from '../../src/content/load-article.js';
import { buildsOk, failsCleanly, PATHOLOGICAL_MS, siteFactory, timingLog } from '../helpers/adversarial.js';
import { readPage } from '../helpers/site.js';
import { siteConfig, utf8 } from '../unit/fixtures.js';

const sites = siteFactory();
afterEach(() => sites.cleanup());
const timings = timingLog('YAML front matter: pathological inputs');
afterAll(() => timings.print());

const FILE = 'content/xuexi/a.md';
const fm = (yaml: string, body = '正文。\n') => `---\n${yaml}\n---\n${body}`;
const OK = 'title: 标题\ndate: 2022-03-01 10:00\ncategory: 学习';
const marker = path.join(os.tmpdir(), `gazette-pwned-${process.pid}`);

/** Each bad front matter, and the exact line the editor sees for it. */
const errors: Array<[name: string, text: string, expected: string]> = [
  [
    'invalid syntax: a list never closed',
    fm('title: [未闭合\ndate: 2022-03-01 10:00\ncategory: 学习'),
    `${FILE}:2:8: error: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]; a value that starts with "[" is read as a list and needs its closing "]"; if the bracket is part of the text, put the value in quotes, e.g. title: "[视频] 标题"`,
  ],
  [
    'invalid syntax: a title starting with [视频]',
    fm('title: [视频] 金华新闻\ndate: 2022-03-01 10:00\ncategory: 学习'),
    `${FILE}:2:13: error: invalid YAML: Unexpected scalar at node end; a value that starts with "[" is read as a list; if the bracket is part of the text, put the value in quotes, e.g. title: "[视频] 标题"`,
  ],
  [
    'invalid syntax: ": " inside a value',
    fm(`${OK}\nsummary: 会议指出: 要保障用工`),
    `${FILE}:5:10: error: invalid YAML: Nested mappings are not allowed in compact mappings; a value that contains ": " must be quoted`,
  ],
  [
    'a full-width colon where a key was meant',
    fm('标题：金华\ndate: 2022-03-01 10:00\ncategory: 学习'),
    `${FILE}:2:3: error: invalid YAML: "标题" is followed by a full-width colon "："; use the ASCII colon followed by a space, and the field's name "title": "title: 金华"`,
  ],
  [
    'a tab indent',
    fm(`${OK}\ntags:\n\t- 就业`),
    `${FILE}:6:1: error: invalid YAML: Tabs are not allowed as indentation; indent with spaces, not tabs`,
  ],
  [
    'a list instead of a mapping',
    fm('- 标题\n- 学习'),
    `${FILE}:2:1: error: front matter must be a list of "key: value" lines, but this is a list; write one field per line, like "title: 标题"`,
  ],
  [
    'a string instead of a mapping',
    fm('就是一句话'),
    `${FILE}:2:1: error: front matter must be a list of "key: value" lines, but this is a single value; write one field per line, like "title: 标题"`,
  ],
  [
    'no closing ---',
    `---\n${OK}\n\n正文\n`,
    `${FILE}:1:1: error: the front matter is never closed; add a line "---" after the last field, before the article text`,
  ],
  [
    'an empty file',
    '',
    `${FILE}:1:1: error: the file is empty; write the front matter (title:, date: and category: between two "---" lines) and the article, or delete the file`,
  ],
  [
    'a file of blank lines',
    '\n  \n\n',
    `${FILE}:1:1: error: the file is empty; write the front matter (title:, date: and category: between two "---" lines) and the article, or delete the file`,
  ],
  [
    'a duplicate key',
    fm(`${OK}\ntitle: 又一个标题`),
    `${FILE}:5:1: error: invalid YAML: Map keys must be unique; each field may appear once; delete one of them`,
  ],
  [
    'a duplicate key in a nested mapping',
    fm(`${OK}\nvideo:\n  src: a.mp4\n  src: b.mp4`),
    `${FILE}:7:3: error: invalid YAML: Map keys must be unique; each field may appear once; delete one of them`,
  ],
  [
    'a JavaScript function tag (never run)',
    fm(
      `title: !!js/function "function () { require('fs').writeFileSync('${marker}', 'x') }"\ndate: 2022-03-01 10:00\ncategory: 学习`,
    ),
    `${FILE}:2:8: error: invalid YAML: tags like !!js/function are not supported; nothing in front matter is ever run; delete the tag and write the value alone`,
  ],
  [
    'a Python object tag (never run)',
    fm(`${OK}\nx: !!python/object/apply:os.system ["touch ${marker}"]`),
    `${FILE}:5:4: error: invalid YAML: tags like !!python/object/apply:os.system are not supported; nothing in front matter is ever run; delete the tag and write the value alone`,
  ],
];

describe('bad YAML stops the build with a positioned message; dist/ and the rest of the site untouched', () => {
  it.each(errors)('%s', async (_name, text, expected) => {
    const run = await failsCleanly(sites.make(), { [FILE]: text }, [expected]);
    // One mistake, one message.
    expect(run.stderr.split('\n')).toHaveLength(2);
    expect(existsSync(marker)).toBe(false);
  });
});

describe('front matter without fields', () => {
  it('an empty front matter names every required field', async () => {
    const run = await failsCleanly(sites.make(), { [FILE]: '---\n---\n正文\n' }, [
      `${FILE}:1:1: error: the required field "title" is missing; add a line like "title: 金华全力保障用工先行"`,
      `${FILE}:1:1: error: the required field "date" is missing; add a line like "date: 2022-03-01 16:59:26"`,
      `${FILE}:1:1: error: the required field "category" is missing; add a line like "category: 学习"`,
    ]);
    expect(run.stderr.split('\n')).toHaveLength(4);
  });
});

describe('front matter that is valid', () => {
  it('front matter only, no body: accepted, an article with an empty body', async () => {
    const root = sites.make({ [FILE]: `---\n${OK}\n---` });
    expect((await buildsOk(root)).stderr).toBe('');
    const html = readPage(root, 'dist/xuexi/2022/03/a/index.html');
    expect(html).toContain('<h1 class="article-title">标题</h1>');
    expect(html).toMatch(/<div class="article-body">\s*<\/div>/);
  });

  it('__proto__ and constructor keys pollute nothing; extra fields stay plain data', async () => {
    const text = fm(
      `${OK}\n__proto__: {polluted: yes}\nconstructor: {prototype: {polluted: yes}}\nnested: {__proto__: {polluted: yes}}\ntoString: 不是函数`,
    );
    const root = sites.make({ [FILE]: text });
    expect((await buildsOk(root)).stderr).toBe('');
    expect(readPage(root, 'dist/xuexi/2022/03/a/index.html')).toContain('>标题</h1>');

    const { article } = loadArticle({ path: FILE, bytes: utf8(text) }, siteConfig());
    const extra = article?.extra as Record<string, unknown>;
    expect(Object.getPrototypeOf(extra)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(extra.nested)).toBe(Object.prototype);
    expect(extra.toString).toBe('不是函数');
    expect((extra.nested as Record<string, unknown>).polluted).toBeUndefined();
    expect(extra.polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
  });
});

describe('pathological YAML finishes quickly', () => {
  it('an alias bomb (billion laughs) fails fast, at the first alias, without eating memory', async () => {
    const lines = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let level = 1; level < 10; level++) {
      const prev = String.fromCharCode(96 + level);
      const name = String.fromCharCode(97 + level);
      lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`);
    }
    const heap = process.memoryUsage().heapUsed;
    const run = await failsCleanly(sites.make(), { [FILE]: fm(`${OK}\n${lines.join('\n')}`) }, [
      `${FILE}:6:8: error: front matter uses too many YAML aliases (*name); write the values out instead of repeating aliases`,
    ]);
    timings.add('alias bomb (9^10 lols)', run.ms);
    expect(run.ms).toBeLessThan(PATHOLOGICAL_MS);
    expect(process.memoryUsage().heapUsed - heap).toBeLessThan(100 * 1024 * 1024);
  });

  it('100,000 "[" fail with one positioned error', async () => {
    const run = await failsCleanly(sites.make(), { [FILE]: fm(`${OK}\nx: ${'['.repeat(100_000)}`) }, [
      `${FILE}:5:4: error: invalid YAML: lists or mappings are nested too deeply; write the value with fewer levels of lists and mappings`,
    ]);
    timings.add('100,000 "[" in a value', run.ms);
    expect(run.ms).toBeLessThan(PATHOLOGICAL_MS);
  });

  it('mappings nested 150 deep fail with one positioned error', async () => {
    const deep = `${'{a: '.repeat(150)}1${'}'.repeat(150)}`;
    await failsCleanly(sites.make(), { [FILE]: fm(`${OK}\nx: ${deep}`) }, [
      `${FILE}:5:400: error: invalid YAML: lists or mappings are nested more than 100 levels deep; write the value with fewer levels of lists and mappings`,
    ]);
  });

  it('1 MB of front matter in 30,000 fields: accepted within seconds (unknown fields go to article.extra)', async () => {
    let yaml = OK;
    for (let i = 0; yaml.length < 1_000_000; i++)
      yaml += `\nfield${i}: 一些用来填充前言长度的中文内容，一行又一行`;
    const root = sites.make({ [FILE]: fm(yaml) });
    const run = await buildsOk(root);
    timings.add('1 MB front matter, 30,000 fields', run.ms);
    expect(run.stderr).toBe('');
    expect(run.ms).toBeLessThan(PATHOLOGICAL_MS);
  });

  it('1 MB in one field: accepted within seconds', async () => {
    const root = sites.make({ [FILE]: fm(`${OK}\nsummary: ${'长'.repeat(350_000)}`) });
    const run = await buildsOk(root);
    timings.add('1 MB front matter, one field', run.ms);
    expect(run.ms).toBeLessThan(PATHOLOGICAL_MS);
  });

  it('1 MB of front matter with a duplicate key at the end: the error, within seconds', async () => {
    let yaml = OK;
    for (let i = 0; yaml.length < 1_000_000; i++) yaml += `\nfield${i}: 填充`;
    const line = yaml.split('\n').length + 2;
    const run = await failsCleanly(sites.make(), { [FILE]: fm(`${yaml}\nfield7: 重复`) }, [
      `${FILE}:${line}:1: error: invalid YAML: Map keys must be unique; each field may appear once; delete one of them`,
    ]);
    timings.add('1 MB front matter, duplicate key at the end', run.ms);
    expect(run.ms).toBeLessThan(PATHOLOGICAL_MS);
  });
});

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { article, makeSite, removeSite, runCliWithCodes, siteYaml } from '../helpers/site.js';

// Issue 17: an editor of a zh-CN site reads every diagnostic in Chinese, with its code; the head
// `file:line:col: error:` stays as problem matchers read it. `--lang en` gives English.
const made: string[] = [];
const site = (files: Record<string, string | Uint8Array>) => {
  const root = makeSite({ 'site.yaml': siteYaml(), ...files });
  made.push(root);
  return root;
};
afterEach(() => {
  for (const root of made.splice(0)) removeSite(root);
});

const good = { title: '好文章', date: '2022-03-01 10:00', category: '学习' };
const zh = (root: string, ...extra: string[]) =>
  runCliWithCodes(['build', '--root', root, '--lang', 'zh-CN', ...extra]);
const lines = (text: string) => text.split('\n');

describe('a zh-CN site reads its diagnostics in Chinese, each with its code', () => {
  it('an impossible date', async () => {
    const root = site({ 'content/xuexi/a.md': article({ ...good, date: '2022-02-30 10:00:00' }) });
    const run = await zh(root);
    expect(run.code).toBe(1);
    expect(lines(run.stderr)).toContain(
      'content/xuexi/a.md:3:7: error: “2022-02-30 10:00:00”不是真实存在的日期时间：这个月没有这一天；请改成这个月里存在的日期。 [GZ0201]',
    );
    expect(lines(run.stderr).at(-1)).toBe('gazette build：有 1 处错误，没有完成；上一次生成的结果原样保留');
  });

  it('a date with one-digit month and day', async () => {
    const run = await zh(site({ 'content/xuexi/a.md': article({ ...good, date: '2022-3-1' }) }));
    expect(run.stderr).toMatch(
      /^content\/xuexi\/a\.md:3:7: error: 看不懂日期“2022-3-1”；月和日都要写两位数（2022-03-01）；.+。 \[GZ0202\]$/m,
    );
  });

  it('an unknown category', async () => {
    const run = await zh(site({ 'content/xuexi/a.md': article({ ...good, category: '新闻' }) }));
    expect(lines(run.stderr)).toContain(
      'content/xuexi/a.md:4:11: error: 没有“新闻”这个栏目；请改成这些栏目之一：学习、要闻；确需新栏目，请网站管理员加到 site.yaml。 [GZ0108]',
    );
  });

  it('a YAML mistake: a field written twice', async () => {
    const run = await zh(
      site({
        'content/xuexi/a.md': article({ ...good, tags: '经济' }).replace('tags:', 'title: 又一个\ntags:'),
      }),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^content\/xuexi\/a\.md:5:1: error: YAML 写法有误：同一个字段写了两次；每个字段只能写一次，删掉其中一行。 \[GZ070\d\]$/m,
    );
  });

  it('a misspelt key, with the key it probably meant', async () => {
    const run = await zh(site({ 'content/xuexi/a.md': article({ ...good, tittle: '好' }) }));
    expect(lines(run.stderr)).toContain(
      'content/xuexi/a.md:5:1: warning: 文章信息里没有“tittle”这个字段；是不是想写“title”？ [GZ0713]',
    );
  });

  it('a file saved as GBK', async () => {
    const gbk = Buffer.concat([
      Buffer.from('---\ntitle: '),
      Buffer.from([0xbd, 0xf0, 0xbb, 0xaa]),
      Buffer.from('\n---\n'),
    ]);
    const run = await zh(site({ 'content/xuexi/a.md': gbk }));
    expect(run.stderr).toMatch(
      /^content\/xuexi\/a\.md:2:8: error: 文件不是 UTF-8 编码（可能存成了 GBK 或 GB18030）；请把文件另存为 UTF-8 编码.*。 \[GZ0101\]$/m,
    );
  });

  it('a template error', async () => {
    const root = site({ 'content/xuexi/a.md': article(good) });
    writeFileSync(path.join(root, 'site.yaml'), siteYaml());
    makeTemplate(root, 'templates/article.njk', '{{ article.title | nosuchfilter }}');
    const run = await zh(root);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^templates\/article\.njk:1:\d+: error: 模板出错：找不到过滤器“nosuchfilter”.*。 \[GZ0401\]$/m,
    );
  });

  it('an --out that is the content folder is refused in Chinese, with its code', async () => {
    const root = site({ 'content/xuexi/a.md': article(good) });
    const run = await zh(root, '--out', path.join(root, 'content'));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^gazette build：输出文件夹 \S+ 就是网站的 content 文件夹：每次生成都会把输出文件夹整个换掉；请另选一个专用的文件夹，如 \S+。 \[GZ0511\]$/,
    );
  });

  it('gazette check --format json keeps its keys, with the code and the Chinese words', async () => {
    const root = site({ 'content/xuexi/a.md': article(good, '[详情](/nope/)') });
    const run = await runCliWithCodes(['check', '--root', root, '--lang', 'zh-CN', '--format', 'json']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).diagnostics).toContainEqual({
      severity: 'error',
      code: 'GZ0605',
      file: 'content/xuexi/a.md',
      line: 7,
      column: 6,
      message: '链接“/nope/”指向的页面在网站里不存在',
      hint: '改正网址，或者删掉这个链接',
    });
  });
});

describe('the lines around the diagnostics, in Chinese', () => {
  it('gazette check sums up in Chinese', async () => {
    const root = site({ 'content/xuexi/a.md': article(good, '[详情](/nope/)') });
    const run = await runCliWithCodes(['check', '--root', root, '--lang', 'zh-CN']);
    expect(lines(run.stdout)).toContain(
      'content/xuexi/a.md:7:6: error: 链接“/nope/”指向的页面在网站里不存在；改正网址，或者删掉这个链接。 [GZ0605]',
    );
    expect(lines(run.stdout).at(-1)).toMatch(/^check：检查了 1 篇文章、\d+ 个页面，有 1 处错误、0 处提醒$/);
  });
});

describe('English stays for whoever asks for it', () => {
  it('--lang en gives today’s English, with the code', async () => {
    const root = site({ 'content/xuexi/a.md': article({ ...good, date: '2022-02-30 10:00' }) });
    const run = await runCliWithCodes(['build', '--root', root, '--lang', 'en']);
    expect(lines(run.stderr)).toContain(
      'content/xuexi/a.md:3:7: error: "2022-02-30 10:00" is not a real date and time; that day does not exist in that month [GZ0201]',
    );
  });

  it('a site whose language is not Chinese gets English; a zh-CN site (the default) gets Chinese', async () => {
    const saved = process.env.GAZETTE_LANG;
    delete process.env.GAZETTE_LANG;
    try {
      const bad = article({ ...good, category: '新闻' });
      const english = makeSite({ 'site.yaml': siteYaml('language: en-US\n'), 'content/xuexi/a.md': bad });
      const chinese = makeSite({ 'site.yaml': siteYaml(), 'content/xuexi/a.md': bad });
      made.push(english, chinese);
      expect((await runCliWithCodes(['build', '--root', english])).stderr).toContain(
        'error: unknown category "新闻"',
      );
      expect((await runCliWithCodes(['build', '--root', chinese])).stderr).toContain(
        'error: 没有“新闻”这个栏目',
      );
    } finally {
      process.env.GAZETTE_LANG = saved;
    }
  });

  it('an unknown --lang is bad usage', async () => {
    const run = await runCliWithCodes(['build', '--root', site({}), '--lang', 'fr']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('gazette build: --lang must be zh-CN or en, not "fr"');
  });
});

function makeTemplate(root: string, rel: string, text: string) {
  const full = path.join(root, rel);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, text);
}

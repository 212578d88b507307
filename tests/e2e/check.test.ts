import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  article,
  makeSite,
  REPO,
  removeSite,
  runBin,
  runCli,
  siteYaml,
  snapshotDir,
  writeFiles,
} from '../helpers/site.js';

const roots: string[] = [];
const site = (files: Record<string, string | Uint8Array>, yaml = siteYaml()) => {
  const root = makeSite({
    'site.yaml': yaml,
    'content/xuexi/good.md': article({ title: '好文章', date: '2022-03-01 10:00', category: '学习' }),
    ...files,
  });
  roots.push(root);
  return root;
};
afterEach(() => {
  for (const r of roots.splice(0)) removeSite(r);
});

/** An article whose body starts on line 7 of the file (front matter on lines 1–5, then a blank line). */
const withBody = (body: string) =>
  article({ title: '链接文章', date: '2022-03-02 10:00', category: '学习' }, body);
const lines = (out: string) => out.split('\n');

describe('gazette check', () => {
  it("checks the repository's own site clean, without touching dist/", async () => {
    const dist = path.join(REPO, 'dist');
    const before = existsSync(dist) ? { files: snapshotDir(dist), mtime: statSync(dist).mtimeMs } : undefined;
    const run = await runCli(['check', '--root', REPO]);
    expect(run.stdout).toMatch(/^check: 0 errors, 0 warnings in \d+ articles, \d+ pages$/);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    if (before) {
      expect(snapshotDir(dist)).toEqual(before.files);
      expect(statSync(dist).mtimeMs).toBe(before.mtime);
    } else expect(existsSync(dist)).toBe(false);
  });

  it('reports a link to a missing page at its line and column in the Markdown file, and exits 1', async () => {
    const root = site({ 'content/xuexi/a.md': withBody('第一段。\n\n另见 [不存在的页](/xuexi/nope/)。') });
    const run = await runCli(['check', '--root', root]);
    expect(lines(run.stdout)).toEqual([
      'content/xuexi/a.md:9:12: error: link to "/xuexi/nope/" leads to no page of the site; fix the address or remove the link',
      'check: 1 error, 0 warnings in 2 articles, 12 pages',
    ]);
    expect(run.code).toBe(1);
    expect(existsSync(path.join(root, 'dist'))).toBe(false);
  });

  it('accepts internal links, root-relative and relative, with a #hash or a ?query, and external ones', async () => {
    const root = site({
      'public/files/通知.pdf': 'pdf',
      'content/xuexi/a.md': withBody(
        [
          '[学习](/xuexi/) [好文章](/xuexi/2022/03/good/) [相对](../good/) [上一级](../../../)',
          '[锚点](/xuexi/2022/03/good/#section) [查询](/xuexi/?page=1) [无斜杠](/xuexi) [本页](#top)',
          '[首页](/) [标签](/tags/) [附件](/files/通知.pdf) [外部](https://www.gov.cn/nope/) [邮件](mailto:a@b.cn)',
        ].join('\n'),
      ),
    });
    const run = await runCli(['check', '--root', root]);
    expect(run.stdout).toBe('check: 0 errors, 0 warnings in 2 articles, 12 pages');
    expect(run.code).toBe(0);
  });

  it('reports a missing image as an error at its place, as a build does (which it stops)', async () => {
    const root = site({
      'public/img/a.png': 'png',
      'content/xuexi/images/b.png': 'png',
      'content/xuexi/a.md': withBody('![夜景](/img/a.png)\n\n![夜景](/img/missing.png) ![桥](images/c.png)'),
    });
    const run = await runCli(['check', '--root', root]);
    expect(lines(run.stdout)).toEqual([
      'content/xuexi/a.md:9:7: error: image "/img/missing.png" is not in the site; put it in public/ or fix the path',
      'content/xuexi/a.md:9:30: error: image "images/c.png" is not in the site; there is no file content/xuexi/images/c.png; fix the path or put the image there',
      'check: the links of 1 article were not checked, as it has errors (the site was checked without it): content/xuexi/a.md',
      'check: 2 errors, 0 warnings in 1 article, 11 pages',
    ]);
    expect(run.code).toBe(1);
  });

  it('follows images beside the article to their copies next to its page', async () => {
    const root = site({
      'content/xuexi/images/b.png': 'png',
      'content/xuexi/a.md': withBody('![桥](images/b.png) ![桥](./images/b.png)'),
    });
    const run = await runCli(['check', '--root', root]);
    expect(run.stdout).toBe('check: 0 errors, 0 warnings in 2 articles, 12 pages');
    expect(run.code).toBe(0);
  });

  it('warns about a cover without coverAlt, at the cover field', async () => {
    const root = site({
      'content/xuexi/images/b.png': 'png',
      'content/xuexi/a.md': article({
        title: '题图',
        date: '2022-03-02 10:00',
        category: '学习',
        cover: 'images/b.png',
      }),
    });
    const run = await runCli(['check', '--root', root]);
    expect(lines(run.stdout)).toEqual([
      'content/xuexi/a.md:5:8: warning: cover has no alt text; describe it for readers who cannot see it, in a line like coverAlt: 描述',
      'check: 0 errors, 1 warning in 2 articles, 12 pages',
    ]);
    expect(run.code).toBe(0);
  });

  it('exits 0 when there are only warnings', async () => {
    const root = site({ 'public/img/a.png': 'png', 'content/xuexi/a.md': withBody('![](/img/a.png)') });
    const run = await runCli(['check', '--root', root]);
    expect(run.stdout).toMatch(/warning: image has no alt text/);
    expect(lines(run.stdout).at(-1)).toBe('check: 0 errors, 1 warning in 2 articles, 12 pages');
    expect(run.code).toBe(0);
  });

  it('reports content errors with their position, as a build does, and exits 1', async () => {
    const root = site({
      'content/xuexi/b.md': article({ title: '标题', date: '2022-02-30 10:00', category: '学习' }),
    });
    const run = await runCli(['check', '--root', root]);
    expect(lines(run.stdout)).toEqual([
      'content/xuexi/b.md:3:7: error: "2022-02-30 10:00" is not a real date and time; that day does not exist in that month',
      'check: the links of 1 article were not checked, as it has errors (the site was checked without it): content/xuexi/b.md',
      'check: 1 error, 0 warnings in 1 article, 11 pages',
    ]);
    expect(run.code).toBe(1);
  });

  it('reports a broken link of a template once, at the template, naming the pages', async () => {
    const root = site({
      'templates/partials/footer.njk': '<footer>\n  <a href="/nope/">坏链接</a>\n</footer>\n',
    });
    const run = await runCli(['check', '--root', root]);
    expect(lines(run.stdout)).toEqual([
      'templates/partials/footer.njk:2:12: error: link to "/nope/" leads to no page of the site (on 11 pages: 404.html, archive/2022/03/index.html, archive/2022/index.html, …); fix the address in the template',
      'check: 1 error, 0 warnings in 1 article, 11 pages',
    ]);
    expect(run.code).toBe(1);
  });

  it('follows the links of a site in a subfolder', async () => {
    const root = site(
      {
        'content/xuexi/a.md': withBody('[学习](/xuexi/) [相对](../good/)\n\n[坏](/yaowen/nope/)'),
      },
      siteYaml().replace('https://news.example.cn/', 'https://news.example.cn/news/'),
    );
    const run = await runCli(['check', '--root', root]);
    expect(lines(run.stdout)).toEqual([
      'content/xuexi/a.md:9:5: error: link to "/yaowen/nope/" leads to no page of the site; fix the address or remove the link',
      'check: 1 error, 0 warnings in 2 articles, 12 pages',
    ]);
  });

  it('with --format json prints one object with every problem and the counts', async () => {
    const root = site({
      'public/img/a.png': 'png',
      'content/xuexi/a.md': withBody('[坏](/nope/)\n\n![](/img/a.png)'),
    });
    const run = runBin(['check', '--root', root, '--format', 'json']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual({
      diagnostics: [
        {
          severity: 'error',
          code: 'GZ0605',
          file: 'content/xuexi/a.md',
          line: 7,
          column: 5,
          message: 'link to "/nope/" leads to no page of the site',
          hint: 'fix the address or remove the link',
        },
        {
          severity: 'warning',
          code: 'GZ0602',
          file: 'content/xuexi/a.md',
          line: 9,
          column: 5,
          message: 'image has no alt text',
          hint: 'describe it for readers who cannot see it: ![描述](/img/a.png)',
        },
      ],
      summary: { errors: 1, warnings: 1, articles: 2, pages: 12, linksChecked: true, notChecked: [] },
    });
    expect(existsSync(path.join(root, 'dist'))).toBe(false);
  });

  it('neither reads nor changes an existing dist/', async () => {
    const root = site({});
    expect((await runCli(['build', '--root', root])).code).toBe(0);
    const before = snapshotDir(path.join(root, 'dist'));
    writeFiles(root, {
      'content/xuexi/a.md': withBody('[坏](/nope/)'),
      'dist/stray.html': '<a href="/also-nope/">x</a>',
    });
    const run = await runCli(['check', '--root', root]);
    expect(run.code).toBe(1);
    expect(run.stdout).not.toContain('also-nope');
    expect(snapshotDir(path.join(root, 'dist'))).toEqual(
      new Map([...before, ['stray.html', Buffer.from('<a href="/also-nope/">x</a>')]]),
    );
  });

  it('exits 2 for bad usage and 0 for --help', async () => {
    expect((await runCli(['check', '--no-such-flag'])).code).toBe(2);
    const format = await runCli(['check', '--format', 'xml']);
    expect(format.code).toBe(2);
    expect(format.stderr).toMatch(/^gazette check: --format must be "text" or "json", not "xml"/);
    const help = runBin(['check', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: gazette check');
    expect(runBin(['--help']).stdout).toContain('check ');
  });
});

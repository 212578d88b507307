import { rmSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { brokenLinks, htmlFiles } from '../helpers/links.js';
import { article, makeSite, readPage, runCli, siteYaml } from '../helpers/site.js';

const root = makeSite({
  'site.yaml': siteYaml(),
  'content/xuexi/a.md': article(
    { title: '子目录', date: '2022-03-01 09:00', category: '学习', tags: '[就业]' },
    '见[要闻](/yaowen/)和[外站](https://www.gov.cn/)。',
  ),
  'content/yaowen/b.md': article({ title: '要闻', date: '2022-03-02 09:00', category: '要闻' }),
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a site served from a subfolder (--base-url with a path)', () => {
  it('starts every link, asset and canonical URL with the path', async () => {
    const out = path.join(root, 'sub');
    const run = await runCli([
      'build',
      '--root',
      root,
      '--out',
      out,
      '--base-url',
      'https://www.jinhua.gov.cn/news/',
    ]);
    expect(run.code).toBe(0);
    expect(brokenLinks(out, '/news/')).toEqual([]);
    for (const file of htmlFiles(out)) {
      const doc = parse(readPage(out, path.relative(out, file)));
      for (const el of doc.querySelectorAll('a[href], link[href]')) {
        const href = el.getAttribute('href') ?? '';
        if (href.startsWith('https://www.gov.cn') || href.startsWith('#')) continue;
        expect([file, href]).toEqual([
          file,
          expect.stringMatching(/^(\/news\/|https:\/\/www\.jinhua\.gov\.cn\/news\/)/),
        ]);
      }
    }
    const page = readPage(out, 'xuexi/2022/03/a/index.html');
    expect(page).toContain('<a href="/news/yaowen/">要闻</a>');
    expect(page).toContain('<link rel="canonical" href="https://www.jinhua.gov.cn/news/xuexi/2022/03/a/">');
    expect(page).toContain('<link rel="stylesheet" href="/news/assets/site.css">');
  });

  it('refuses a base URL without a scheme, as bad usage of the site', async () => {
    const run = await runCli([
      'build',
      '--root',
      root,
      '--out',
      path.join(root, 'x'),
      '--base-url',
      'www.jinhua.gov.cn/news/',
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr.split('\n')[0]).toBe(
      '--base-url: error: "baseUrl" must be an absolute http(s) URL with a scheme and no ?query or #fragment, e.g. https://news.example.cn/',
    );
  });
});

import { rmSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brokenLinks } from '../helpers/links.js';
import { article, makeSite, readPage, runCli, siteYaml } from '../helpers/site.js';

// Five 学习 articles with pageSize 2: three list pages; one draft and one future article left out.
const root = makeSite({
  'site.yaml': siteYaml(),
  ...Object.fromEntries(
    [1, 2, 3, 4, 5].map((n) => [
      `content/xuexi/a${n}.md`,
      article({ title: `学习第${n}篇`, date: `2022-03-0${n} 09:00`, category: '学习', tags: '[就业]' }),
    ]),
  ),
  'content/xuexi/draft.md': article({
    title: '草稿',
    date: '2022-03-06 09:00',
    category: '学习',
    draft: 'true',
  }),
  'content/xuexi/future.md': article({ title: '未来', date: '2099-01-01 09:00', category: '学习' }),
  'content/yaowen/y.md': article({
    title: '要闻一篇',
    date: '2022-03-07 09:00',
    category: 'yaowen',
    author: '记者 张明',
    editor: '王丽',
    source: '金华日报',
  }),
});
const dist = path.join(root, 'dist');
beforeAll(async () => {
  const run = await runCli(['build', '--root', root]);
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(
    /^not published \(draft: true\): content\/xuexi\/draft\.md\nbuilt 6 articles into \d+ pages .* \(skipped 1 draft\(s\), 1 future-dated\)$/,
  );
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const titles = (rel: string) =>
  parse(readPage(dist, rel))
    .querySelectorAll('.entry-title a')
    .map((a) => a.textContent);

describe('category pages', () => {
  it('are paginated newest first at /xuexi/, /xuexi/page/2/, /xuexi/page/3/', () => {
    expect(titles('xuexi/index.html')).toEqual(['学习第5篇', '学习第4篇']);
    expect(titles('xuexi/page/2/index.html')).toEqual(['学习第3篇', '学习第2篇']);
    expect(titles('xuexi/page/3/index.html')).toEqual(['学习第1篇']);
  });

  it('link to their neighbours and mark the current page', () => {
    const nav = parse(readPage(dist, 'xuexi/page/2/index.html')).querySelector('.pagination');
    expect(nav?.querySelector('a[rel=prev]')?.getAttribute('href')).toBe('/xuexi/');
    expect(nav?.querySelector('a[rel=next]')?.getAttribute('href')).toBe('/xuexi/page/3/');
    expect(nav?.querySelector('[aria-current=page]')?.textContent).toBe('2');
    expect(nav?.querySelector('.page-count')?.textContent).toBe('第 2 / 3 页');
  });

  it('tag pages are paginated the same way, and nothing links to a missing page', () => {
    expect(titles('tags/jiu-ye/index.html')).toEqual(['学习第5篇', '学习第4篇']);
    expect(titles('tags/jiu-ye/page/3/index.html')).toEqual(['学习第1篇']);
    expect(brokenLinks(dist)).toEqual([]);
  });
});

describe('article pages', () => {
  it('link 上一篇 (older) and 下一篇 (newer) within the category', () => {
    const doc = parse(readPage(dist, 'xuexi/2022/03/a3/index.html'));
    expect(doc.querySelector('.neighbour-prev a')?.getAttribute('href')).toBe('/xuexi/2022/03/a2/');
    expect(doc.querySelector('.neighbour-next a')?.getAttribute('href')).toBe('/xuexi/2022/03/a4/');
  });

  it('show the author and 责任编辑 when given, and the category from its slug', () => {
    const doc = parse(readPage(dist, 'yaowen/2022/03/y/index.html'));
    expect(doc.querySelector('.meta-line')?.textContent.replace(/\s+/g, ' ').trim()).toBe(
      '2022-03-07 09:00 来源：金华日报 作者：记者 张明',
    );
    expect(doc.querySelector('.article-editor')?.textContent).toBe('责任编辑：王丽');
    expect(doc.querySelector('.breadcrumb a:last-of-type')?.textContent).toBe('要闻');
  });
});

describe('--drafts and --future', () => {
  it('put the draft and the future article in', async () => {
    const out = path.join(root, 'with-all');
    const run = await runCli(['build', '--root', root, '--out', out, '--drafts', '--future']);
    expect(run.code).toBe(0);
    expect(
      parse(readPage(out, 'xuexi/index.html'))
        .querySelectorAll('.entry-title a')
        .map((a) => a.textContent),
    ).toEqual(['未来', '草稿']);
  });
});

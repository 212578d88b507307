import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { afterEach, describe, expect, it } from 'vitest';
import { makePng } from '../helpers/png.js';
import {
  article,
  makeSite,
  readPage,
  removeSite,
  runBin,
  runCli,
  siteYaml,
  snapshotDir,
} from '../helpers/site.js';

const roots: string[] = [];
const site = (files: Record<string, string | Uint8Array>, yaml = siteYaml()) => {
  const root = makeSite({ 'site.yaml': yaml, ...files });
  roots.push(root);
  return root;
};
afterEach(() => {
  for (const r of roots.splice(0)) removeSite(r);
});

const PAGE = 'xuexi/2022/03/a/index.html';
/** Front matter on lines 1–7 (`cover` on line 5), then a blank line: the body starts on line 9. */
const withImages = (body: string, cover = 'images/封面.png') =>
  `---\ntitle: 图片新闻\ndate: 2022-03-01 10:00\ncategory: 学习\ncover: ${cover}\ncoverAlt: 金华江夜景\n---\n\n${body}\n`;

const images = {
  'content/xuexi/images/a.png': makePng(64, 48),
  'content/xuexi/images/封面.png': makePng(120, 80),
  'public/img/logo.png': makePng(30, 10),
};

describe('images in articles', () => {
  it('copies images beside the page and gives every <img> its size and lazy loading', async () => {
    const root = site({
      ...images,
      'content/xuexi/a.md': withImages('第一段。\n\n![示意图](images/a.png)\n\n![标志](/img/logo.png)'),
    });
    const run = await runCli(['build', '--root', root, '--no-search']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);

    const doc = parse(readPage(path.join(root, 'dist'), PAGE));
    const body = doc.querySelectorAll('.article-body img').map((img) => img.attributes);
    expect(body).toEqual([
      {
        src: '/xuexi/2022/03/a/images/a.png',
        alt: '示意图',
        width: '64',
        height: '48',
        loading: 'lazy',
        decoding: 'async',
      },
      { src: '/img/logo.png', alt: '标志', width: '30', height: '10', loading: 'lazy', decoding: 'async' },
    ]);
    const dist = path.join(root, 'dist');
    expect(readFileSync(path.join(dist, 'xuexi/2022/03/a/images/a.png'))).toEqual(
      images['content/xuexi/images/a.png'],
    );
    expect(existsSync(path.join(dist, 'img/logo.png'))).toBe(true);
    // Only what articles show is copied out of content/.
    expect(existsSync(path.join(dist, 'xuexi/2022/03/a/a.md'))).toBe(false);
  });

  it('shows the cover above the body, at its size, not lazily (it is at the top)', async () => {
    const root = site({ ...images, 'content/xuexi/a.md': withImages('正文。') });
    expect((await runCli(['build', '--root', root, '--no-search'])).code).toBe(0);
    const cover = parse(readPage(path.join(root, 'dist'), PAGE)).querySelector('.article-cover img');
    expect(cover?.attributes).toEqual({
      src: '/xuexi/2022/03/a/images/%E5%B0%81%E9%9D%A2.png',
      alt: '金华江夜景',
      width: '120',
      height: '80',
      decoding: 'async',
    });
    expect(existsSync(path.join(root, 'dist/xuexi/2022/03/a/images/封面.png'))).toBe(true);
  });

  it('gives the cover beside the article to link previews and JSON-LD, at its absolute address', async () => {
    const root = site({ ...images, 'content/xuexi/a.md': withImages('正文。') });
    expect((await runCli(['build', '--root', root, '--no-search'])).code).toBe(0);
    const doc = parse(readPage(path.join(root, 'dist'), PAGE));
    const address = 'https://news.example.cn/xuexi/2022/03/a/images/%E5%B0%81%E9%9D%A2.png';
    expect(doc.querySelector('meta[property="og:image"]')?.getAttribute('content')).toBe(address);
    const data = JSON.parse(doc.querySelector('script[type="application/ld+json"]')?.textContent ?? '');
    expect(data.image).toEqual([address]);

    // Without a cover, no image at all.
    const bare = site({ 'content/xuexi/a.md': withImages('正文。').replace(/^cover.*\n/gm, '') });
    expect((await runCli(['build', '--root', bare, '--no-search'])).code).toBe(0);
    const plain = parse(readPage(path.join(bare, 'dist'), PAGE));
    expect(plain.querySelector('meta[property="og:image"]')).toBeNull();
    expect(
      JSON.parse(plain.querySelector('script[type="application/ld+json"]')?.textContent ?? ''),
    ).not.toHaveProperty('image');
  });

  it('adds the base path of a site in a subfolder', async () => {
    const root = site({
      ...images,
      'content/xuexi/a.md': withImages('![示意图](images/a.png)', '/img/logo.png'),
    });
    const run = await runCli(['build', '--root', root, '--no-search', '--base-url', 'https://a.cn/news/']);
    expect(run.code).toBe(0);
    const doc = parse(readPage(path.join(root, 'dist'), PAGE));
    expect(doc.querySelector('.article-body img')?.getAttribute('src')).toBe(
      '/news/xuexi/2022/03/a/images/a.png',
    );
    expect(doc.querySelector('.article-cover img')?.getAttribute('src')).toBe('/news/img/logo.png');
  });

  it('stops the build at a missing image, at its line and column in the Markdown file, with exit 1', async () => {
    const root = site({
      ...images,
      'content/xuexi/a.md': withImages('第一段。\n\n前文 ![示意图](images/none.png)'),
    });
    const run = runBin(['build', '--root', root, '--no-search']);
    expect(run.code).toBe(1);
    expect(run.stderr.split('\n')[0]).toBe(
      'content/xuexi/a.md:11:11: error: image "images/none.png" is not in the site; there is no file content/xuexi/images/none.png; fix the path or put the image there',
    );
    expect(existsSync(path.join(root, 'dist'))).toBe(false);
  });

  it('reports a missing cover at the cover field, and leaves the previous site as it was', async () => {
    const root = site({ ...images, 'content/xuexi/a.md': withImages('正文。') });
    expect((await runCli(['build', '--root', root, '--no-search'])).code).toBe(0);
    const before = snapshotDir(path.join(root, 'dist'));
    writeFileSync(path.join(root, 'content/xuexi/a.md'), withImages('正文。', 'images/没有.png'));
    const run = await runCli(['build', '--root', root, '--no-search']);
    expect(run.code).toBe(1);
    expect(run.stderr.split('\n')[0]).toBe(
      'content/xuexi/a.md:5:8: error: image "images/没有.png" is not in the site; there is no file content/xuexi/images/没有.png; fix the path or put the image there',
    );
    expect(snapshotDir(path.join(root, 'dist'))).toEqual(before);
  });

  it('refuses an image outside the article folder', async () => {
    const root = site({
      ...images,
      'content/xuexi/sub/a.md': article(
        { title: '子目录', date: '2022-03-01 10:00', category: '学习' },
        '![图](../images/a.png)',
      ),
    });
    const run = await runCli(['build', '--root', root, '--no-search']);
    expect(run.code).toBe(1);
    expect(run.stderr.split('\n')[0]).toMatch(
      /^content\/xuexi\/sub\/a\.md:7:6: error: image "\.\.\/images\/a\.png" is outside the article's folder; put it in content\/xuexi\/sub\//,
    );
  });
});

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CatalogFile, ImageCatalog } from '../../src/assets/image-catalog.js';
import { bytesDigest, catalogDigest, readImageCatalog } from '../../src/assets/image-catalog.js';
import { measureImage } from '../../src/fs/measure-image.js';
import { makeEntry } from '../../src/graph/entries.js';
import { planImages } from '../../src/images/plan-images.js';
import { resolveImage } from '../../src/images/resolve-image.js';
import { createMarkdown } from '../../src/markdown/markdown-it.js';
import { renderMarkdown } from '../../src/markdown/render-markdown.js';
import { makePng } from '../helpers/png.js';
import { entry, siteConfig } from './fixtures.js';

const file = (from: string, width?: number, height?: number): CatalogFile => ({
  from,
  stamp: { size: 1, mtimeMs: 1, ctimeMs: 1, ino: 1 },
  digest: from,
  ...(width && height && { size: { width, height } }),
});

const catalog: ImageCatalog = {
  content: new Map([
    ['content/xuexi/images/a.png', file('/site/content/xuexi/images/a.png', 640, 360)],
    ['content/xuexi/images/封面.jpg', file('/site/content/xuexi/images/封面.jpg', 1200, 800)],
    ['content/xuexi/map.svg', file('/site/content/xuexi/map.svg')],
  ]),
  public: new Map([['img/logo.png', file('/site/public/img/logo.png', 120, 40)]]),
  readAt: 2,
};
const article = { file: 'content/xuexi/2022-03-01-a.md', url: '/xuexi/2022/03/a/' };

describe('resolveImage', () => {
  it('serves an image beside the article next to its page, and copies it there', () => {
    expect(resolveImage('images/a.png', article, catalog)).toEqual({
      kind: 'found',
      url: '/xuexi/2022/03/a/images/a.png',
      size: { width: 640, height: 360 },
      copy: { from: '/site/content/xuexi/images/a.png', to: 'xuexi/2022/03/a/images/a.png' },
    });
    expect(resolveImage('./images/a.png?v=2', article, catalog)).toMatchObject({
      url: '/xuexi/2022/03/a/images/a.png?v=2',
    });
  });

  it('reads Chinese file names written plainly or percent-encoded, and writes them encoded', () => {
    const encoded = resolveImage('images/%E5%B0%81%E9%9D%A2.jpg', article, catalog);
    expect(encoded).toMatchObject({
      url: '/xuexi/2022/03/a/images/%E5%B0%81%E9%9D%A2.jpg',
      copy: { to: 'xuexi/2022/03/a/images/封面.jpg' },
    });
    expect(resolveImage('images/封面.jpg', article, catalog)).toEqual(encoded);
  });

  it('finds a root-relative image in public/, which needs no copy', () => {
    expect(resolveImage('/img/logo.png', article, catalog)).toEqual({
      kind: 'found',
      url: '/img/logo.png',
      size: { width: 120, height: 40 },
    });
  });

  it('puts the images of an article with a .html address into its page folder', () => {
    expect(resolveImage('images/a.png', { ...article, url: '/xuexi/a.html' }, catalog)).toMatchObject({
      url: '/xuexi/images/a.png',
      copy: { to: 'xuexi/images/a.png' },
    });
  });

  it('leaves images on other sites alone, and keeps a file it cannot measure without a size', () => {
    expect(resolveImage('https://www.gov.cn/a.png', article, catalog)).toEqual({ kind: 'external' });
    expect(resolveImage('//cdn.example.cn/a.png', article, catalog)).toEqual({ kind: 'external' });
    expect(resolveImage('map.svg', article, catalog)).toEqual({
      kind: 'found',
      url: '/xuexi/2022/03/a/map.svg',
      copy: { from: '/site/content/xuexi/map.svg', to: 'xuexi/2022/03/a/map.svg' },
    });
  });

  it('says where a missing image was looked for', () => {
    expect(resolveImage('images/none.png', article, catalog)).toEqual({
      kind: 'missing',
      code: 'GZ0607',
      values: { href: 'images/none.png', source: 'content/xuexi/images/none.png' },
    });
    expect(resolveImage('/img/none.png', article, catalog)).toEqual({
      kind: 'missing',
      code: 'GZ0604',
      values: { href: '/img/none.png' },
    });
  });

  it("refuses an image outside the article's folder, whose place beside the page would be a guess", () => {
    expect(resolveImage('../yaowen/a.png', article, catalog)).toMatchObject({
      kind: 'missing',
      code: 'GZ0606',
      values: { href: '../yaowen/a.png', folder: 'content/xuexi' },
    });
  });
});

describe('the image rule of the Markdown renderer', () => {
  const render = (body: string, basePath = '/') =>
    renderMarkdown(createMarkdown(basePath), body, { images: catalog, article }).html;

  it('writes the site path, width and height, and lazy loading', () => {
    expect(render('见图 ![金华](images/a.png "标题")')).toBe(
      '<p>见图 <img src="/xuexi/2022/03/a/images/a.png" alt="金华" title="标题" width="640" height="360" loading="lazy" decoding="async"></p>\n',
    );
  });

  it('keeps them in a figure, whose caption is the title of an image alone in its paragraph', () => {
    expect(render('![金华](images/a.png "标题")')).toBe(
      '<figure><img src="/xuexi/2022/03/a/images/a.png" alt="金华" width="640" height="360" loading="lazy" decoding="async"><figcaption>标题</figcaption></figure>\n',
    );
  });

  it('adds the base path of a site in a subfolder once', () => {
    expect(render('![甲](images/a.png) ![乙](/img/logo.png)', '/news/')).toBe(
      '<p><img src="/news/xuexi/2022/03/a/images/a.png" alt="甲" width="640" height="360" loading="lazy" decoding="async"> ' +
        '<img src="/news/img/logo.png" alt="乙" width="120" height="40" loading="lazy" decoding="async"></p>\n',
    );
  });

  it('loads external and missing images lazily too, leaving their address as written', () => {
    expect(render('![外](https://a.cn/a.png) ![缺](none.png)')).toBe(
      '<p><img src="https://a.cn/a.png" alt="外" loading="lazy" decoding="async"> ' +
        '<img src="none.png" alt="缺" loading="lazy" decoding="async"></p>\n',
    );
  });

  it('keeps the addresses of the links as written, for gazette check', () => {
    const r = renderMarkdown(createMarkdown(), '![金华](images/a.png)', { images: catalog, article });
    expect(r.links).toEqual([{ href: 'images/a.png', kind: 'image', line: 1, column: 7, alt: '金华' }]);
  });
});

describe('makeEntry with images', () => {
  const {
    html: _h,
    summaryText: _s,
    url: _u,
    links: _l,
    ...source
  } = entry('content/xuexi/2022-03-01-a.md', '2022-03-01 10:00', {
    slug: 'a',
    body: '![图](images/a.png)\n',
  });

  it('gives the cover its site path and size', () => {
    const e = makeEntry(
      createMarkdown(),
      { ...source, cover: { href: 'images/封面.jpg', alt: '封面', line: 5, column: 8 } },
      siteConfig(),
      'v1',
      catalog,
    );
    expect(e.coverUrl).toBe('/xuexi/2022/03/a/images/%E5%B0%81%E9%9D%A2.jpg');
    expect(e.coverSize).toEqual({ width: 1200, height: 800 });
    expect(e.html).toContain('width="640" height="360"');
  });

  it('has no cover URL when the cover is missing: the build reports it', () => {
    const e = makeEntry(
      createMarkdown(),
      { ...source, cover: { href: 'images/none.jpg', alt: '', line: 5, column: 8 } },
      siteConfig(),
      'v1',
      catalog,
    );
    expect(e.coverUrl).toBeUndefined();
  });
});

describe('planImages', () => {
  const image = (href: string, line: number, column: number) => ({
    href,
    kind: 'image' as const,
    line,
    column,
    alt: '图',
  });

  it('copies each image beside its page once, and reports missing ones at their place in the file', () => {
    const plan = planImages(
      [
        {
          ...article,
          links: [
            image('images/a.png', 8, 5),
            image('images/a.png', 10, 5),
            image('/img/logo.png', 12, 5),
            { href: '/xuexi/', kind: 'link', line: 13, column: 2 },
            image('images/none.png', 14, 7),
          ],
          cover: { href: 'images/nocover.jpg', alt: '', line: 4, column: 8 },
        },
      ],
      catalog,
    );
    expect(plan.copies).toEqual([
      { from: '/site/content/xuexi/images/a.png', to: 'xuexi/2022/03/a/images/a.png', owner: article.file },
    ]);
    expect(plan.diagnostics.map((d) => [d.position?.line, d.position?.column, d.message])).toEqual([
      [4, 8, 'image "images/nocover.jpg" is not in the site'],
      [14, 7, 'image "images/none.png" is not in the site'],
    ]);
  });

  it('keeps two different files claiming one place, for the collision check to report', () => {
    const two: ImageCatalog = {
      content: new Map([
        ['content/xuexi/a/images/x.png', file('/s/a/x.png', 1, 1)],
        ['content/xuexi/b/images/x.png', file('/s/b/x.png', 1, 1)],
      ]),
      public: new Map(),
      readAt: 2,
    };
    const plan = planImages(
      [
        { file: 'content/xuexi/a/a.md', url: '/xuexi/a.html', links: [image('images/x.png', 6, 3)] },
        { file: 'content/xuexi/b/b.md', url: '/xuexi/b.html', links: [image('images/x.png', 6, 3)] },
      ],
      two,
    );
    expect(plan.copies.map((c) => [c.to, c.owner])).toEqual([
      ['xuexi/images/x.png', 'content/xuexi/a/a.md'],
      ['xuexi/images/x.png', 'content/xuexi/b/b.md'],
    ]);
  });
});

describe('measuring images', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gazette-images-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, data: string | Uint8Array) => {
    const full = path.join(dir, name);
    writeFileSync(full, data);
    return full;
  };
  const gif = Buffer.from([...Buffer.from('GIF89a'), 30, 0, 20, 0, 0, 0, 0, 0x3b]);
  // A JPEG whose size comes after a large APP1 block, as with a camera's EXIF data.
  const jpeg = Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0xff, 0xf0]),
    Buffer.alloc(0xfff0 - 2),
    Buffer.from([
      0xff, 0xc0, 0x00, 0x11, 0x08, 0x01, 0x90, 0x02, 0x58, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1,
    ]),
    Buffer.from([0xff, 0xd9]),
  ]);

  it('reads the size of PNG, GIF, JPEG (past a large EXIF block) and SVG files', async () => {
    expect(await measureImage(write('a.png', makePng(64, 48)))).toEqual({ width: 64, height: 48 });
    expect(await measureImage(write('a.gif', gif))).toEqual({ width: 30, height: 20 });
    expect(await measureImage(write('a.jpg', jpeg))).toEqual({ width: 600, height: 400 });
    expect(
      await measureImage(write('a.svg', '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 150"/>')),
    ).toEqual({
      width: 300,
      height: 150,
    });
  });

  it('gives no size for a file that is not an image it knows', async () => {
    expect(await measureImage(write('fake.png', 'png'))).toBeUndefined();
    expect(await measureImage(path.join(dir, 'none.png'))).toBeUndefined();
  });

  it('lists the files beside articles and in public/, and measures them again only when they change', async () => {
    const root = path.join(dir, 'site');
    for (const [rel, data] of [
      ['content/xuexi/a.md', '---\n---\n'],
      ['content/xuexi/images/a.png', makePng(10, 5)],
      ['content/.hidden/b.png', makePng(1, 1)],
      ['public/img/c.png', makePng(3, 4)],
    ] as const) {
      const full = path.join(root, rel);
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, data);
    }
    // A file changed about when it was read is read again the next time (see unchangedSince).
    await new Promise((r) => setTimeout(r, 100));
    const first = await readImageCatalog(root);
    expect([...first.content.keys()]).toEqual(['content/xuexi/images/a.png']);
    expect(first.content.get('content/xuexi/images/a.png')?.size).toEqual({ width: 10, height: 5 });
    expect(first.public.get('img/c.png')?.size).toEqual({ width: 3, height: 4 });
    expect(first.public.has('assets/site.css')).toBe(true);
    const again = await readImageCatalog(root, [], first);
    expect(again.content.get('content/xuexi/images/a.png')).toBe(
      first.content.get('content/xuexi/images/a.png'),
    );
    // Another picture of the same size: the same measurements, other bytes.
    writeFileSync(path.join(root, 'content/xuexi/images/a.png'), makePng(10, 5, [1, 2, 3]));
    const third = await readImageCatalog(root, [], again);
    const [was, now] = [again, third].map((c) => c.content.get('content/xuexi/images/a.png'));
    expect(now?.size).toEqual(was?.size);
    expect(now?.digest).not.toBe(was?.digest);
    expect(catalogDigest(third)).toBe(catalogDigest(again));
    expect(bytesDigest(third)).not.toBe(bytesDigest(again));
  });
});

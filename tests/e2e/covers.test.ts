import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makePng } from '../helpers/png.js';
import { article, makeSite, readPage, runCli, siteYaml, snapshotDir, writeFiles } from '../helpers/site.js';

// Covers on the pages that list articles (issue 20, section 5): the home page's 图片新闻 block and a
// thumbnail beside each entry of the category, tag and month lists; sized, lazy (but for the first
// picture of the home page) and with alt text. A cached rebuild after a cover is added, replaced or
// described anew is byte for byte a clean build.

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

/** Article n of 学习, on 2022-03-(n+1), tagged 就业; with a cover (and its alt text) if given. */
const articleN = (n: number, cover?: string, alt?: string) =>
  article({
    title: `第${n}篇文章`,
    date: `2022-03-${String(n + 1).padStart(2, '0')} 10:00`,
    category: '学习',
    tags: '[就业]',
    ...(cover && { cover }),
    ...(alt && { coverAlt: alt }),
  });

/** Eight articles: 0 and 1 without a cover, 2–7 with one each, of several shapes; 7 has no coverAlt. */
function coverSite(): string {
  const files: Record<string, string | Uint8Array> = {
    'site.yaml': siteYaml().replace('pageSize: 2', 'pageSize: 10'),
  };
  for (let n = 0; n < 8; n++) {
    const cover = n >= 2 ? `images/c${n}.png` : undefined;
    files[`content/xuexi/a${n}.md`] = articleN(n, cover, n >= 2 && n < 7 ? `第${n}张图` : undefined);
    if (cover) files[`content/xuexi/images/c${n}.png`] = makePng(40 + n * 10, 30, [n * 20, 80, 120]);
  }
  const root = makeSite(files);
  roots.push(root);
  return root;
}

async function builds(root: string, ...extra: string[]): Promise<void> {
  const run = await runCli(['build', '--root', root, '--no-search', '--quiet', ...extra]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
}

/** The `<img>` tags of `html` inside the element that starts at `start`, up to `end`. */
function imagesBetween(html: string, start: string, end: string): string[] {
  const from = html.indexOf(start);
  expect(from, start).toBeGreaterThanOrEqual(0);
  return html.slice(from, html.indexOf(end, from)).match(/<img [^>]*>/g) ?? [];
}

describe('covers on the home page and in lists', () => {
  it('shows the newest five covers in 图片新闻, the first eager, the others lazy, each sized and described', async () => {
    const root = coverSite();
    await builds(root);
    const home = readPage(root, 'dist/index.html');
    const imgs = imagesBetween(home, '<section class="picture-news"', '</section>');
    expect(imgs).toEqual([
      '<img src="/xuexi/2022/03/a7/images/c7.png" alt="第7篇文章" width="110" height="30" loading="eager" fetchpriority="high" decoding="async">',
      '<img src="/xuexi/2022/03/a6/images/c6.png" alt="第6张图" width="100" height="30" loading="lazy" decoding="async">',
      '<img src="/xuexi/2022/03/a5/images/c5.png" alt="第5张图" width="90" height="30" loading="lazy" decoding="async">',
      '<img src="/xuexi/2022/03/a4/images/c4.png" alt="第4张图" width="80" height="30" loading="lazy" decoding="async">',
      '<img src="/xuexi/2022/03/a3/images/c3.png" alt="第3张图" width="70" height="30" loading="lazy" decoding="async">',
    ]);
    expect(home).toContain(
      '<h2 id="picture-news-title" class="picture-news-title"><span class="section-label">图片新闻</span></h2>',
    );
    // Each picture links to its article, with the title beside it.
    expect(home).toMatch(
      /<a class="picture-link" href="\/xuexi\/2022\/03\/a7\/"><img [^>]*><span class="picture-title">第7篇文章<\/span><\/a>/,
    );
  });

  it.each([
    ['category', 'dist/xuexi/index.html'],
    ['tag', 'dist/tags/jiu-ye/index.html'],
    ['month', 'dist/archive/2022/03/index.html'],
  ])(
    'shows a lazy thumbnail beside each entry with a cover on the %s page, none beside the others',
    async (_kind, page) => {
      const root = coverSite();
      await builds(root);
      const html = readPage(root, page);
      const entries = html.match(/<li class="entry[^"]*">[\s\S]*?<\/li>/g) ?? [];
      expect(entries).toHaveLength(8);
      const thumbs = entries.map((e) => e.match(/<div class="entry-thumb">(<img [^>]*>)<\/div>/)?.[1]);
      expect(thumbs.slice(0, 6)).toEqual(
        [7, 6, 5, 4, 3, 2].map(
          (n) =>
            `<img src="/xuexi/2022/03/a${n}/images/c${n}.png" alt="${n === 7 ? '第7篇文章' : `第${n}张图`}" width="${40 + n * 10}" height="30" loading="lazy" decoding="async">`,
        ),
      );
      expect(thumbs.slice(6)).toEqual([undefined, undefined]);
      expect(entries.filter((e) => e.startsWith('<li class="entry has-thumb">'))).toHaveLength(6);
    },
  );

  it('has no 图片新闻 on a site without covers, and lists without thumbnails', async () => {
    const root = makeSite({
      'site.yaml': siteYaml(),
      'content/xuexi/a.md': articleN(0),
    });
    roots.push(root);
    await builds(root);
    expect(readPage(root, 'dist/index.html')).not.toContain('picture-news');
    expect(readPage(root, 'dist/xuexi/index.html')).not.toContain('entry-thumb');
  });

  it('puts the base path before the covers of a site served from a subfolder', async () => {
    const root = coverSite();
    await builds(root, '--base-url', 'https://example.cn/news/');
    expect(readPage(root, 'dist/index.html')).toContain('<img src="/news/xuexi/2022/03/a7/images/c7.png"');
    expect(readPage(root, 'dist/xuexi/index.html')).toContain(
      '<img src="/news/xuexi/2022/03/a7/images/c7.png"',
    );
  });
});

describe('an incremental rebuild after a change of a cover', () => {
  /** The edits, one after another, each followed by a cached rebuild and a clean build to compare. */
  const EDITS: ReadonlyArray<
    readonly [name: string, edit: Record<string, string | Uint8Array>, shows: string]
  > = [
    [
      'a cover added to an article that had none',
      {
        'content/xuexi/a1.md': articleN(1, 'images/new.png', '新图'),
        'content/xuexi/images/new.png': makePng(64, 48),
      },
      '<img src="/xuexi/2022/03/a1/images/new.png" alt="新图" width="64" height="48"',
    ],
    [
      'its picture replaced by one of another size, under the same name',
      { 'content/xuexi/images/new.png': makePng(96, 40) },
      '<img src="/xuexi/2022/03/a1/images/new.png" alt="新图" width="96" height="40"',
    ],
    [
      'its picture redrawn at the same size',
      { 'content/xuexi/images/new.png': makePng(96, 40, [10, 200, 10]) },
      '<img src="/xuexi/2022/03/a1/images/new.png" alt="新图" width="96" height="40"',
    ],
    [
      'its alt text changed',
      { 'content/xuexi/a1.md': articleN(1, 'images/new.png', '另一句描述') },
      '<img src="/xuexi/2022/03/a1/images/new.png" alt="另一句描述" width="96" height="40"',
    ],
    [
      'another picture chosen as its cover',
      { 'content/xuexi/a1.md': articleN(1, 'images/c2.png', '另一句描述') },
      '<img src="/xuexi/2022/03/a1/images/c2.png" alt="另一句描述" width="60" height="30"',
    ],
    ['its cover removed', { 'content/xuexi/a1.md': articleN(1) }, ''],
  ];

  it('is byte for byte a clean build, with the home page and the lists showing the new cover', async () => {
    const root = coverSite();
    // Four covers (a3–a6): a1's, once it has one, is the fifth in 图片新闻.
    writeFiles(root, { 'content/xuexi/a7.md': articleN(7), 'content/xuexi/a2.md': articleN(2) });
    const clean = path.join(root, 'clean');
    await builds(root);
    for (const [name, edit, shows] of EDITS) {
      writeFiles(root, edit);
      await builds(root);
      await builds(root, '--no-cache', '--out', clean);
      const cached = snapshotDir(path.join(root, 'dist'));
      const fresh = snapshotDir(clean);
      expect([...cached.keys()].sort(), name).toEqual([...fresh.keys()].sort());
      for (const [file, bytes] of fresh)
        expect(cached.get(file)?.equals(bytes), `${name}: ${file}`).toBe(true);
      for (const page of [
        'index.html',
        'xuexi/index.html',
        'tags/jiu-ye/index.html',
        'archive/2022/03/index.html',
      ]) {
        const html = readPage(root, `dist/${page}`);
        if (shows) expect(html, `${name}: ${page}`).toContain(shows);
        else expect(html, `${name}: ${page}`).not.toMatch(/<img src="\/xuexi\/2022\/03\/a1\//);
      }
      rmSync(clean, { recursive: true, force: true });
    }
  });
});

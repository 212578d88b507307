import { cpSync, readFileSync, rmSync, statSync, unlinkSync, utimesSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { THEME_TEMPLATES } from '../../src/paths.js';
import { makePng } from '../helpers/png.js';
import {
  article,
  makeSite,
  neighboursSiteFiles,
  runCli,
  siteYaml,
  snapshotDir,
  writeFiles,
} from '../helpers/site.js';

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

const CATEGORIES = ['学习', '要闻'];
const TAGS = ['就业', '人才', '交通', '教育'];

/** A sentence longer than a summary: what follows it is never in one, as in most real articles. */
const LONG = `${'记者从市人社局获悉，'.repeat(13)}返岗工作有序推进。`;

function articleText(
  n: number,
  version: number,
  tags: readonly string[],
  category: string,
  more = '',
  heading = '',
  day = (n % 27) + 1,
): string {
  return article(
    {
      title: `第${n}篇文章${version > 0 ? `（第${version}稿）` : ''}${heading}`,
      date: `2022-03-${String(day).padStart(2, '0')} ${String(n % 24).padStart(2, '0')}:00`,
      category,
      tags: `[${tags.join(', ')}]`,
      source: '测试市融媒体中心',
    },
    `第${n}篇的正文，第${version}稿。金华市全力保障用工。\n\n${LONG}\n\n## 小标题\n\n第二段。${more}`,
  );
}

/** A site of ten articles in two categories, removed after the tests. */
function tenArticleSite(): string {
  const files: Record<string, string> = { 'site.yaml': siteYaml() };
  for (let n = 0; n < 10; n++)
    files[`content/a${n}.md`] = articleText(n, 0, [TAGS[n % 4] as string], CATEGORIES[n % 2] as string);
  const root = makeSite(files);
  roots.push(root);
  return root;
}

/** Builds the site without its search index, expecting success and silence on stderr; its stdout. */
async function builds(root: string, ...extra: string[]): Promise<string> {
  const run = await runCli(['build', '--root', root, '--no-search', ...extra]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return run.stdout;
}

/** One edit an editor (or a designer) could make between two builds. */
type Edit =
  | { kind: 'body'; n: number }
  | { kind: 'text'; n: number }
  | { kind: 'title'; n: number }
  | { kind: 'date'; n: number; day: number }
  | { kind: 'tags'; n: number; tags: string[] }
  | { kind: 'category'; n: number }
  | { kind: 'add'; n: number }
  | { kind: 'remove'; n: number }
  | { kind: 'draft'; n: number }
  | { kind: 'touch'; n: number }
  | { kind: 'template' }
  | { kind: 'config' }
  | { kind: 'public' };

const edits: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('body' as const), n: fc.nat(11) }),
  fc.record({ kind: fc.constant('text' as const), n: fc.nat(11) }),
  fc.record({ kind: fc.constant('title' as const), n: fc.nat(11) }),
  fc.record({ kind: fc.constant('date' as const), n: fc.nat(11), day: fc.integer({ min: 1, max: 28 }) }),
  fc.record({ kind: fc.constant('tags' as const), n: fc.nat(11), tags: fc.subarray(TAGS) }),
  fc.record({ kind: fc.constant('category' as const), n: fc.nat(11) }),
  fc.record({ kind: fc.constant('add' as const), n: fc.integer({ min: 12, max: 15 }) }),
  fc.record({ kind: fc.constant('remove' as const), n: fc.nat(15) }),
  fc.record({ kind: fc.constant('draft' as const), n: fc.nat(11) }),
  fc.record({ kind: fc.constant('touch' as const), n: fc.nat(11) }),
  fc.constant({ kind: 'template' as const }),
  fc.constant({ kind: 'config' as const }),
  fc.constant({ kind: 'public' as const }),
);

describe('the build cache', () => {
  it('a cached rebuild after random edits is byte for byte a clean build', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(edits, { minLength: 3, maxLength: 6 }), async (steps) => {
        const files: Record<string, string> = { 'site.yaml': siteYaml() };
        const state = new Map<
          number,
          {
            version: number;
            tags: string[];
            category: string;
            draft: boolean;
            more?: string;
            heading?: string;
            day?: number;
          }
        >();
        for (let n = 0; n < 12; n++)
          state.set(n, {
            version: 0,
            tags: [TAGS[n % 4] as string],
            category: CATEGORIES[n % 2] as string,
            draft: false,
          });
        const write = (root: string, n: number) => {
          const s = state.get(n);
          const rel = `content/a${n}.md`;
          if (!s) {
            rmSync(path.join(root, rel), { force: true });
            return;
          }
          const text = articleText(n, s.version, s.tags, s.category, s.more, s.heading, s.day);
          writeFiles(root, { [rel]: s.draft ? text.replace('---\n\n', 'draft: true\n---\n\n') : text });
        };
        const root = makeSite(files);
        roots.push(root);
        for (const n of state.keys()) write(root, n);
        const build = (...extra: string[]) => builds(root, '--quiet', ...extra);
        await build();
        let version = 0;
        for (const edit of steps) {
          version++;
          const s = 'n' in edit ? state.get(edit.n) : undefined;
          if (edit.kind === 'body' && s) s.version = version;
          // Only the text further down: the title and summary stay, so only the article's page changes.
          if (edit.kind === 'text' && s) s.more = `${s.more ?? ''}\n\n第${version}次补充。`;
          // A new title only: every article keeps its place, so the stored surroundings are used.
          if (edit.kind === 'title' && s) s.heading = `（更正${version}）`;
          // A new date: the order of the articles may change, and the whole site is planned again.
          if (edit.kind === 'date' && s) s.day = edit.day;
          if (edit.kind === 'tags' && s) s.tags = edit.tags;
          if (edit.kind === 'category' && s) s.category = s.category === '学习' ? '要闻' : '学习';
          if (edit.kind === 'draft' && s) s.draft = !s.draft;
          if (edit.kind === 'add' && !s)
            state.set(edit.n, { version, tags: ['人才'], category: '要闻', draft: false });
          if (edit.kind === 'remove') state.delete(edit.n);
          if ('n' in edit && edit.kind !== 'touch') write(root, edit.n);
          if (edit.kind === 'touch' && s) {
            // Same bytes, new mtime: read again, found the same, nothing re-rendered for it.
            const file = path.join(root, `content/a${edit.n}.md`);
            const now = Date.now() / 1000;
            utimesSync(file, now, now);
          }
          if (edit.kind === 'template') {
            const theme = readFileSync(path.join(THEME_TEMPLATES, 'article.njk'), 'utf8');
            writeFiles(root, {
              'templates/article.njk': theme.replace('</article>', `</article><!-- ${version} -->`),
            });
          }
          if (edit.kind === 'config')
            writeFiles(root, { 'site.yaml': siteYaml(`description: 第${version}版`) });
          if (edit.kind === 'public') writeFiles(root, { 'public/notice.txt': `第${version}版` });
          await build();
          await build('--out', path.join(root, 'clean'), '--no-cache');
          expect(snapshotDir(path.join(root, 'dist'))).toEqual(snapshotDir(path.join(root, 'clean')));
        }
      }),
      { numRuns: 8, seed: 20261201 },
    );
  }, 120_000);

  it('a build with nothing changed leaves the site alone and says so', async () => {
    const root = makeSite({
      'site.yaml': siteYaml(),
      'content/a.md': articleText(1, 0, ['就业'], '学习'),
      'content/b.md': articleText(2, 0, ['就业'], '要闻'),
    });
    roots.push(root);
    const dist = path.join(root, 'dist');
    // Files written in the 50 ms before a build starts are read again by the next one, in case
    // they changed after being read (see BuildCache.unchanged): give the clock a moment.
    await new Promise((r) => setTimeout(r, 100));
    expect((await runCli(['build', '--root', root, '--no-search'])).code).toBe(0);
    const before = statSync(dist).ino;
    const again = await runCli(['build', '--root', root, '--no-search']);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^up to date: 2 articles, \d+ pages, nothing changed/);
    // Not even swapped: the very same folder.
    expect(statSync(dist).ino).toBe(before);

    // A deleted output folder is not "up to date", even with the cache saying all is known.
    const copy = path.join(root, 'copy');
    cpSync(dist, copy, { recursive: true });
    rmSync(dist, { recursive: true });
    const rebuilt = await runCli(['build', '--root', root, '--no-search']);
    expect(rebuilt.stdout).toMatch(/^built 2 articles/);
    expect(snapshotDir(dist)).toEqual(snapshotDir(copy));
  });

  it('one article changed: only the pages that show it are rendered', async () => {
    const root = tenArticleSite();
    const first = await runCli(['build', '--root', root, '--no-search']);
    const all = Number(/\((\d+) rendered\)/.exec(first.stdout)?.[1]);
    writeFiles(root, { 'content/a3.md': articleText(3, 1, [TAGS[3] as string], CATEGORIES[1] as string) });
    const second = await runCli(['build', '--root', root, '--no-search']);
    const rendered = Number(/\((\d+) rendered\)/.exec(second.stdout)?.[1]);
    expect(rendered).toBeGreaterThan(0);
    // Its page, its neighbours (they show its title), the lists and tags that show it; not the rest.
    expect(rendered).toBeLessThan(all / 2);
    unlinkSync(path.join(root, 'content/a3.md'));
    expect((await runCli(['build', '--root', root, '--no-search'])).code).toBe(0);
  });

  it('an edit of only an article’s text renders its page alone, and the site is still a clean build', async () => {
    const root = tenArticleSite();
    const dist = path.join(root, 'dist');
    writeFiles(root, { 'content/images/chart.png': makePng(40, 30) });
    await builds(root);
    const listed = statSync(path.join(dist, 'index.html')).mtimeMs;
    const clean = async () => {
      await builds(root, '--out', path.join(root, 'clean'), '--no-cache');
      expect(snapshotDir(dist)).toEqual(snapshotDir(path.join(root, 'clean')));
    };
    const more = '\n\n记者从市人社局获悉，返岗工作仍在推进。';
    writeFiles(root, {
      'content/a3.md': articleText(3, 0, [TAGS[3] as string], CATEGORIES[1] as string, more),
    });
    const text = await builds(root, '--list-changes');
    expect(text).toMatch(/\(1 rendered\)/);
    expect(text.split('\n').filter((l) => /^[MAD] /.test(l))).toEqual(['M yaowen/2022/03/a3/index.html']);
    expect(statSync(path.join(dist, 'index.html')).mtimeMs).toBe(listed);
    await clean();
    // Only that article's page was planned; a new title is planned with the whole site.
    const planned = async (text: string) => {
      writeFiles(root, { 'content/a3.md': text });
      const report = await build({ root, search: false });
      return report.timings.map(([name]) => name).filter((name) => name.startsWith('plan'));
    };
    const again = articleText(3, 0, [TAGS[3] as string], CATEGORIES[1] as string, `${more}再补一句。`);
    expect(await planned(again)).toEqual(['plan the edited articles']);
    // A new title shows on other pages: the whole site is planned again.
    expect(await planned(again.replace('title: 第3篇文章', 'title: 第3篇文章（更正）'))).toEqual([
      'plan the site',
    ]);
    await clean();
    // A new date may move the article among the others: the whole site is planned again.
    expect(await planned(again.replace('date: 2022-03-04', 'date: 2022-03-20'))).toEqual(['plan the site']);
    await planned(articleText(3, 0, [TAGS[3] as string], CATEGORIES[1] as string, more));
    await clean();

    // An image the text now shows is copied beside the page; one that is not there is an error.
    const shown = `${more}\n\n![图表](images/chart.png)`;
    writeFiles(root, {
      'content/a3.md': articleText(3, 0, [TAGS[3] as string], CATEGORIES[1] as string, shown),
    });
    expect(await builds(root, '--list-changes')).toMatch(/^A yaowen\/2022\/03\/a3\/images\/chart\.png$/m);
    await clean();
    const missing = `${more}\n\n![图表](images/none.png)`;
    writeFiles(root, {
      'content/a3.md': articleText(3, 0, [TAGS[3] as string], CATEGORIES[1] as string, missing),
    });
    const failed = await runCli(['build', '--root', root, '--no-search']);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/^content\/a3\.md:\d+:\d+: error: .*none\.png/m);
    // Put back as it was two builds ago: the spare has that page as it is, and the image goes.
    writeFiles(root, {
      'content/a3.md': articleText(3, 0, [TAGS[3] as string], CATEGORIES[1] as string, more),
    });
    expect(await builds(root, '--list-changes')).toMatch(/^D yaowen\/2022\/03\/a3\/images\/chart\.png$/m);
    await clean();
  });

  it('a new title reaches every page that shows the article: its neighbours and related reading', async () => {
    const files = neighboursSiteFiles();
    const root = makeSite(files);
    roots.push(root);
    const dist = path.join(root, 'dist');
    await builds(root);
    const page = (file: string) => readFileSync(path.join(dist, file), 'utf8');
    const shows = (html: string, title: string) => html.includes(`>${title}</a>`);
    const prev = 'xuexi/2022/03/p/index.html';
    const next = 'xuexi/2022/03/n/index.html';
    const related = 'yaowen/2022/03/r1/index.html';
    expect(shows(page(prev), '原来的标题')).toBe(true);
    expect(shows(page(next), '原来的标题')).toBe(true);
    expect(shows(page(related), '原来的标题')).toBe(true);
    expect(page(related)).not.toContain('>前一篇<');

    writeFiles(root, {
      'content/x.md': (files['content/x.md'] as string).replace('原来的标题', '更正后的标题'),
    });
    const report = await build({ root, search: false });
    expect(report.timings.map(([name]) => name)).toContain('plan the site');
    for (const file of [prev, next, related]) {
      expect(shows(page(file), '更正后的标题')).toBe(true);
      expect(page(file)).not.toContain('原来的标题');
    }
    expect(page('xuexi/2022/03/x/index.html')).toContain('>更正后的标题</h1>');
    await builds(root, '--out', path.join(root, 'clean'), '--no-cache');
    expect(snapshotDir(dist)).toEqual(snapshotDir(path.join(root, 'clean')));
  });

  it('keeps the site it replaces untouched, as the spare the next build starts from', async () => {
    const root = tenArticleSite();
    const dist = path.join(root, 'dist');
    const spare = path.join(root, '.dist.gazette-spare');
    const build = (...extra: string[]) => builds(root, '--list-changes', ...extra);
    await build();
    const untouched = path.join(dist, '404.html');
    const mtime = statSync(untouched).mtimeMs;
    writeFiles(root, { 'content/a3.md': articleText(3, 1, [TAGS[3] as string], CATEGORIES[1] as string) });
    await build();
    const second = snapshotDir(dist);
    // The third build starts from the first site (the spare) and must replace, never write into, the
    // files it shares with the second, live one (hard links of unchanged pages).
    writeFiles(root, { 'content/a3.md': articleText(3, 2, [TAGS[3] as string], CATEGORIES[1] as string) });
    unlinkSync(path.join(root, 'content/a5.md'));
    const listed = await build();
    expect(snapshotDir(spare)).toEqual(second);
    await runCli(['build', '--root', root, '--no-search', '--out', path.join(root, 'clean'), '--no-cache']);
    expect(snapshotDir(dist)).toEqual(snapshotDir(path.join(root, 'clean')));
    expect(statSync(untouched).mtimeMs).toBe(mtime);
    // Changes are told against the live site, not the spare the build started from.
    expect(listed).toMatch(/^D yaowen\/2022\/03\/a5\/index\.html$/m);
    expect(listed).not.toMatch(/^. 404\.html$/m);

    // A spare changed by hand is not the one the cache knows: it is thrown away, not built on.
    writeFiles(root, {
      '.dist.gazette-spare/stray.html': '手工放入',
      'content/a4.md': articleText(4, 3, [], '学习'),
    });
    await build();
    await runCli(['build', '--root', root, '--no-search', '--out', path.join(root, 'clean'), '--no-cache']);
    expect(snapshotDir(dist)).toEqual(snapshotDir(path.join(root, 'clean')));
  });
});

it('counts in the summary line: one article, not "1 articles"', async () => {
  const root = makeSite({ 'site.yaml': siteYaml(), 'content/a.md': articleText(1, 0, ['就业'], '学习') });
  roots.push(root);
  // As above: a file written just before a build starts is read again by the next build.
  await new Promise((r) => setTimeout(r, 100));
  const run = await runCli(['build', '--root', root, '--no-search']);
  expect(run.stdout).toMatch(/^built 1 article into \d+ pages \(\d+ rendered\) and \d+ static files in /);
  await new Promise((r) => setTimeout(r, 100));
  expect((await runCli(['build', '--root', root, '--no-search'])).stdout).toMatch(
    /^up to date: 1 article, \d+ pages,/,
  );
});

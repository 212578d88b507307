import { rmSync, statSync, unlinkSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { article, makeSite, runCli, siteYaml, snapshotDir, writeFiles } from '../helpers/site.js';

const root = makeSite({
  'site.yaml': siteYaml(),
  'content/xuexi/a.md': article({ title: '甲', date: '2022-03-01 09:00', category: '学习' }, '甲的正文。'),
  'content/xuexi/b.md': article({ title: '乙', date: '2022-03-02 09:00', category: '学习' }, '乙的正文。'),
  'content/yaowen/c.md': article({ title: '丙', date: '2022-03-03 09:00', category: '要闻' }, '丙的正文。'),
});
const dist = path.join(root, 'dist');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const mtimes = () =>
  new Map([...snapshotDir(dist).keys()].map((f) => [f, statSync(path.join(dist, f)).mtimeMs]));

it('leaves unchanged files alone (same mtime) and lists what changed', async () => {
  expect((await runCli(['build', '--root', root, '--no-search'])).code).toBe(0);
  // Age every file, so that a rewrite would show as a new mtime.
  for (const f of snapshotDir(dist).keys()) utimesSync(path.join(dist, f), 1_000_000, 1_000_000);
  const before = mtimes();

  writeFiles(root, {
    'content/yaowen/c.md': article(
      { title: '丙', date: '2022-03-03 09:00', category: '要闻' },
      '丙的正文，改过。',
    ),
  });
  unlinkSync(path.join(root, 'content/xuexi/b.md'));
  const run = await runCli(['build', '--root', root, '--list-changes', '--no-search']);
  expect(run.code).toBe(0);
  const lines = run.stdout.split('\n');
  expect(lines.filter((l) => /^[AMD] /.test(l))).toEqual([
    // Home (both), 甲 (its 下一篇 is gone), the lists, archives, feeds and site maps that showed 乙 or
    // 丙's summary, and 丙 itself. Nothing else: the other pages keep their bytes and mtimes.
    'M archive/2022/03/index.html',
    'M archive/2022/index.html',
    'M archive/index.html',
    'M atom.xml',
    'M feed.xml',
    'M index.html',
    'M sitemap.xml',
    'M sitemap/index.html',
    'M xuexi/2022/03/a/index.html',
    'M xuexi/atom.xml',
    'M xuexi/feed.xml',
    'M xuexi/index.html',
    'M yaowen/2022/03/c/index.html',
    'M yaowen/atom.xml',
    'M yaowen/feed.xml',
    'M yaowen/index.html',
    'D archive/2022/03/page/2/index.html',
    'D xuexi/2022/03/b/index.html',
  ]);
  expect(lines.at(-1)).toMatch(/; 16 changed, 0 added, 2 removed, 8 unchanged$/);

  const after = mtimes();
  for (const [file, mtime] of after) {
    const changed = lines.includes(`M ${file}`);
    expect([file, mtime === before.get(file)]).toEqual([file, !changed]);
  }
});

it('gives the same bytes as a build from scratch', async () => {
  const fresh = path.join(root, 'fresh');
  expect((await runCli(['build', '--root', root, '--out', fresh, '--no-search'])).code).toBe(0);
  expect(snapshotDir(dist)).toEqual(snapshotDir(fresh));
});

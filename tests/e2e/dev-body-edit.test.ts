import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { createMemorySite } from '../../src/memory/memory-site.js';
import { article, makeSite, removeSite, runCli, siteYaml, snapshotDir, writeFiles } from '../helpers/site.js';

const text = (n: number, extra = '') =>
  article(
    { title: `第${n}篇`, date: `2022-03-0${n} 09:00`, category: '学习', tags: '[就业]' },
    // An opening paragraph longer than a summary: the summary is cut from it alone.
    `第${n}篇的开头一段。${'金华市全力保障企业用工，帮助企业解决招工难题。'.repeat(8)}\n\n## 小标题\n\n后面的正文。${extra}`,
  );
const root = makeSite({
  'site.yaml': siteYaml(),
  'content/xuexi/a1.md': text(1),
  'content/xuexi/a2.md': text(2),
  'content/xuexi/a3.md': text(3),
});
afterAll(() => removeSite(root));

/** The dev site's files, compared with a fresh full build of the same sources (no search index). */
async function expectSameAsFullBuild(site: ReturnType<typeof createMemorySite>) {
  const out = path.join(root, 'fresh');
  const run = await runCli(['build', '--root', root, '--out', out, '--no-search', '--no-cache', '--quiet']);
  expect(run.code).toBe(0);
  const built = snapshotDir(out);
  expect(new Map([...site.files].map(([k, v]) => [k, Buffer.from(v)]))).toEqual(built);
}

it('an edit of an article’s text further down re-renders only its page, and the site stays a full build', async () => {
  const site = createMemorySite({ root, exclude: [path.join(root, 'fresh'), path.join(root, 'dist')] });
  expect((await site.rebuild()).ok).toBe(true);
  const file = path.join(root, 'content/xuexi/a2.md');

  writeFiles(root, { 'content/xuexi/a2.md': text(2, '\n\n补充了一段新的内容。') });
  const body = await site.rebuild([file]);
  expect(body.ok).toBe(true);
  // The summary (its first paragraph) is the same: lists, feeds and neighbours show nothing new.
  expect(body.changed).toEqual(['xuexi/2022/03/a2/index.html']);
  expect(Buffer.from(site.files.get('xuexi/2022/03/a2/index.html') ?? '').toString()).toContain(
    '补充了一段新的内容',
  );
  await expectSameAsFullBuild(site);

  // A new title shows in lists and in its neighbours' 上一篇/下一篇: those change too.
  writeFiles(root, {
    'content/xuexi/a2.md': text(2, '\n\n补充了一段新的内容。').replace('title: 第2篇', 'title: 第二篇'),
  });
  const title = await site.rebuild([file]);
  expect(title.changed).toContain('xuexi/index.html');
  expect(title.changed).toContain('xuexi/2022/03/a1/index.html');
  await expectSameAsFullBuild(site);

  // After a full rebuild, a body edit takes the quick way again; then another article's.
  writeFiles(root, {
    'content/xuexi/a2.md': text(2, '\n\n又改了一次。').replace('title: 第2篇', 'title: 第二篇'),
  });
  expect((await site.rebuild([file])).changed).toEqual(['xuexi/2022/03/a2/index.html']);
  writeFiles(root, { 'content/xuexi/a1.md': text(1, '\n\n第一篇也改了。') });
  expect((await site.rebuild([path.join(root, 'content/xuexi/a1.md')])).changed).toEqual([
    'xuexi/2022/03/a1/index.html',
  ]);
  await expectSameAsFullBuild(site);
});

import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { createDevSite } from '../../src/dev/dev-site.js';
import { article, makeSite, removeSite, runCli, siteYaml, snapshotDir, writeFiles } from '../helpers/site.js';

// In 学习, oldest first: P, X, N, each with a tag only five articles of 要闻 share, so that P's page
// shows X only as 下一篇, N's only as 上一篇, and r1's (要闻, 人才) only in 相关阅读.
const files: Record<string, string> = { 'site.yaml': siteYaml() };
const add = (name: string, title: string, day: number, category: string, tag: string) => {
  const date = `2022-03-${String(day).padStart(2, '0')} 08:00`;
  files[`content/${name}.md`] = article({ title, date, category, tags: `[${tag}]` }, `${title}的正文。`);
};
add('p', '前一篇', 1, '学习', '教育');
add('x', '原来的标题', 2, '学习', '人才');
add('n', '后一篇', 3, '学习', '交通');
for (let i = 1; i <= 5; i++) {
  add(`r${i}`, `人才${i}`, 10 + i, '要闻', '人才');
  add(`t${i}`, `交通${i}`, 20 + i, '要闻', '交通');
  add(`e${i}`, `教育${i}`, 20 + i, '要闻', '教育');
}
const root = makeSite(files);
afterAll(() => removeSite(root));

it('a new title re-renders the pages that show the article, and the others stay as a full build has them', async () => {
  const site = createDevSite({ root, exclude: [path.join(root, 'fresh')] });
  expect((await site.rebuild()).ok).toBe(true);
  const x = (title: string) => (files['content/x.md'] as string).replace('原来的标题', title);
  for (const [n, title] of ['更正后的标题', '再次更正'].entries()) {
    writeFiles(root, { 'content/x.md': x(title) });
    const report = await site.rebuild([path.join(root, 'content/x.md')]);
    expect(report.ok).toBe(true);
    for (const page of ['p', 'x', 'n'].map((a) => `xuexi/2022/03/${a}/index.html`))
      expect(report.changed).toContain(page);
    expect(report.changed).toContain('yaowen/2022/03/r1/index.html');
    // Articles that show neither X nor anything around it are not made again.
    expect(report.changed).not.toContain('yaowen/2022/03/t1/index.html');
    const out = path.join(root, 'fresh');
    const run = await runCli(['build', '--root', root, '--out', out, '--no-search', '--no-cache', '--quiet']);
    expect(run.code, `after edit ${n + 1}`).toBe(0);
    expect(new Map([...site.files].map(([k, v]) => [k, Buffer.from(v)]))).toEqual(snapshotDir(out));
  }
});

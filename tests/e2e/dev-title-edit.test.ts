import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { createMemorySite } from '../../src/memory/memory-site.js';
import {
  makeSite,
  neighboursSiteFiles,
  removeSite,
  runCli,
  snapshotDir,
  writeFiles,
} from '../helpers/site.js';

const files = neighboursSiteFiles();
const root = makeSite(files);
afterAll(() => removeSite(root));

it('a new title re-renders the pages that show the article, and the others stay as a full build has them', async () => {
  const site = createMemorySite({ root, exclude: [path.join(root, 'fresh')] });
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

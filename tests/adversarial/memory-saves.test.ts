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

it('an article saved while site.yaml does not load is served as saved once it loads again', async () => {
  const site = createMemorySite({ root, exclude: [path.join(root, 'fresh')] });
  expect((await site.rebuild()).ok).toBe(true);
  writeFiles(root, { 'site.yaml': 'title: [没有闭合\n' });
  expect((await site.rebuild([path.join(root, 'site.yaml')])).ok).toBe(false);
  const edited = (files['content/x.md'] as string).replace('原来的标题', '坏配置时改的标题');
  writeFiles(root, { 'content/x.md': edited });
  expect((await site.rebuild([path.join(root, 'content/x.md')])).ok).toBe(false);
  writeFiles(root, { 'site.yaml': files['site.yaml'] as string });
  const fixed = await site.rebuild([path.join(root, 'site.yaml')]);
  expect(fixed.ok).toBe(true);
  const page = Buffer.from(site.files.get('xuexi/2022/03/x/index.html') ?? []).toString();
  expect(page).toContain('坏配置时改的标题');
  const out = path.join(root, 'fresh');
  const run = await runCli(['build', '--root', root, '--out', out, '--no-search', '--no-cache', '--quiet']);
  expect(run.code).toBe(0);
  expect(new Map([...site.files].map(([k, v]) => [k, Buffer.from(v)]))).toEqual(snapshotDir(out));
});

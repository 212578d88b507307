import { unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { createMemorySite } from '../../src/memory/memory-site.js';
import { makePng } from '../helpers/png.js';
import { article, makeSite, removeSite, siteYaml } from '../helpers/site.js';

const root = makeSite({
  'site.yaml': siteYaml(),
  'content/xuexi/a.md': article(
    { title: '图片', date: '2022-03-01 10:00', category: '学习' },
    '![桥](images/b.png)',
  ),
  'content/xuexi/images/b.png': makePng(40, 30),
});
afterAll(() => removeSite(root));

const PAGE = 'xuexi/2022/03/a/index.html';
const IMAGE = 'xuexi/2022/03/a/images/b.png';

it('serves article images from memory, and re-renders pages when an image changes or goes', async () => {
  const site = createMemorySite({ root });
  const html = () => Buffer.from(site.files.get(PAGE) ?? '').toString('utf8');
  expect((await site.rebuild()).ok).toBe(true);
  expect(html()).toContain('width="40" height="30"');
  expect(site.files.get(IMAGE)).toEqual(makePng(40, 30));

  const image = path.join(root, 'content/xuexi/images/b.png');
  writeFileSync(image, makePng(80, 20));
  const changed = await site.rebuild([image]);
  expect(changed.ok).toBe(true);
  expect(changed.changed).toEqual(expect.arrayContaining([PAGE, IMAGE]));
  expect(html()).toContain('width="80" height="20"');

  unlinkSync(image);
  const broken = await site.rebuild([image]);
  expect(broken.ok).toBe(false);
  expect(broken.diagnostics.map((d) => `${d.file}:${d.position?.line}:${d.position?.column}`)).toEqual([
    'content/xuexi/a.md:7:6',
  ]);
  // The last good site stays.
  expect(html()).toContain('width="80" height="20"');
});

import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { createMemorySite } from '../../src/memory/memory-site.js';
import {
  article,
  makeSite,
  readPage,
  removeSite,
  runCli,
  siteYaml,
  snapshotDir,
  writeFiles,
} from '../helpers/site.js';

// A theme's list template that shows more of each article than the built-in one: its source and its
// cover's text. (Its links, which only an article's own page is given, a list may not read: GZ0402,
// tests/adversarial/dev-stale.test.ts.)
const LIST = `{% extends "base.njk" %}
{% block content %}
<ul class="deps">{% for e in list.entries %}<li>{{ e.title }}|source={{ e.source }}|cover={{ e.cover.alt | default('') }}</li>{% endfor %}</ul>
{% endblock %}
`;
const text = (n: number, fm: Record<string, string> = {}, body = '') =>
  article(
    { title: `第${n}篇`, date: `2022-03-0${n} 09:00`, category: '学习', source: '新华社', ...fm },
    // An opening paragraph longer than a summary: the summary is cut from it alone.
    `第${n}篇的开头一段。${'金华市全力保障企业用工，帮助企业解决招工难题。'.repeat(8)}\n\n后面的正文。${body}`,
  );
const roots: string[] = [];
afterAll(() => roots.forEach(removeSite));

function site() {
  const root = makeSite({
    'site.yaml': siteYaml(),
    'templates/category.njk': LIST,
    'content/xuexi/a1.md': text(1),
    'content/xuexi/a2.md': text(2),
  });
  roots.push(root);
  return root;
}

/** A clean build of the same sources, without the cache. */
async function clean(root: string): Promise<Map<string, Buffer>> {
  const out = path.join(root, 'clean');
  const run = await runCli(['build', '--root', root, '--out', out, '--no-search', '--no-cache', '--quiet']);
  expect(run.code).toBe(0);
  return snapshotDir(out);
}

it('a list that shows an article’s source is made again when only the source changed', async () => {
  const root = site();
  await build({ root, search: false });
  expect(readPage(root, 'dist/xuexi/index.html')).toContain('第2篇|source=新华社');
  writeFiles(root, { 'content/xuexi/a2.md': text(2, { source: '金华日报' }) });
  const report = await build({ root, search: false });
  expect(readPage(root, 'dist/xuexi/index.html')).toContain('第2篇|source=金华日报');
  expect(report.rendered).toBeGreaterThan(1);
  expect(snapshotDir(path.join(root, 'dist'))).toEqual(await clean(root));
});

it('a list never shows what only an article’s own page is given: a new link in a body changes no list', async () => {
  const root = site();
  await build({ root, search: false });
  const list = readPage(root, 'dist/xuexi/index.html');
  expect(list).toContain('第2篇|source=新华社|cover=</li>');
  writeFiles(root, { 'content/xuexi/a2.md': text(2, {}, '\n\n见[第1篇](/xuexi/2022/03/a1/)。') });
  const report = await build({ root, search: false });
  expect(report.rendered).toBe(1);
  expect(readPage(root, 'dist/xuexi/index.html')).toBe(list);
  expect(snapshotDir(path.join(root, 'dist'))).toEqual(await clean(root));
});

it('the dev server makes the same lists as a clean build after such edits', async () => {
  const root = site();
  const served = createMemorySite({ root, exclude: [path.join(root, 'clean'), path.join(root, 'dist')] });
  expect((await served.rebuild()).ok).toBe(true);
  const file = path.join(root, 'content/xuexi/a1.md');
  for (const next of [text(1, {}, '\n\n见[第2篇](/xuexi/2022/03/a2/)。'), text(1, { source: '人民网' })]) {
    writeFiles(root, { 'content/xuexi/a1.md': next });
    expect((await served.rebuild([file])).ok).toBe(true);
    const files = new Map([...served.files].map(([k, v]) => [k, Buffer.from(v)]));
    expect(files).toEqual(await clean(root));
  }
});

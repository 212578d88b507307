import { readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  article,
  makeSite,
  removeSite,
  runCli,
  snapshotDir,
  taggedSiteFiles,
  writeFiles,
} from '../helpers/site.js';

/**
 * A new article (the usual publish) plans the whole site, and changes what a few other articles'
 * pages show around them (their related reading, a neighbour): the build cache then writes a patch
 * of its details (those lines, and the base's lines taken in runs around the new one), not all of
 * them again; and what the patch says is what the next builds build on.
 */

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) removeSite(r);
});

/** `count` articles in two categories, all tagged 就业, one of seven other tags each (taggedSiteFiles). */
function site(count: number): string {
  const root = makeSite(taggedSiteFiles(count));
  roots.push(root);
  return root;
}

const cacheFile = (root: string, name: string) => path.join(root, '.cache/gazette', name);

/** The built page of the article titled `title`. */
function pageOf(root: string, title: string): string {
  for (const [rel, bytes] of snapshotDir(path.join(root, 'dist')))
    if (rel.endsWith('index.html') && bytes.toString().includes(`<h1 class="article-title">${title}</h1>`))
      return rel;
  throw new Error(`no page of ${title}`);
}

/** Builds with the cache, then without it elsewhere: the two sites must be the same, byte for byte. */
async function buildsAsClean(root: string): Promise<void> {
  const run = await runCli(['build', '--root', root, '--no-search']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const clean = path.join(root, 'clean');
  rmSync(clean, { recursive: true, force: true });
  expect((await runCli(['build', '--root', root, '--no-search', '--no-cache', '--out', clean])).code).toBe(0);
  expect(snapshotDir(path.join(root, 'dist'))).toEqual(snapshotDir(clean));
}

describe('a new article on a site built with the cache', () => {
  it('patches the cache’s details instead of writing them whole, and the next builds build on the patch', async () => {
    const root = site(30);
    expect((await runCli(['build', '--root', root, '--no-search'])).code).toBe(0);
    const details = readFileSync(cacheFile(root, 'details.json'));
    const written = statSync(cacheFile(root, 'details.json')).mtimeMs;

    // Newest of all, with a1's tags: it enters a1's related reading.
    writeFiles(root, {
      'content/xuexi/new.md': article(
        { title: '新发布的文章', date: '2022-03-30 09:00', category: '学习', tags: '[就业, 标签1]' },
        '新发布的正文。',
      ),
    });
    await buildsAsClean(root);
    const a1 = pageOf(root, '第1篇文章');
    expect(readFileSync(path.join(root, 'dist', a1), 'utf8')).toContain('新发布的文章');
    // The base stays as the first build wrote it; the patch holds what changed.
    expect(readFileSync(cacheFile(root, 'details.json'))).toEqual(details);
    expect(statSync(cacheFile(root, 'details.json')).mtimeMs).toBe(written);
    expect(statSync(cacheFile(root, 'details-patch.json')).size).toBeGreaterThan(0);

    // A text edit of a1 plans its page from the surroundings the patch recorded (the new article in them).
    writeFiles(root, {
      'content/xuexi/a1.md': `${readFileSync(path.join(root, 'content/xuexi/a1.md'), 'utf8')}\n补充一段。\n`,
    });
    await buildsAsClean(root);
    expect(readFileSync(path.join(root, 'dist', a1), 'utf8')).toContain('新发布的文章');

    // Another new article, then the first one deleted: lines shift both ways over the same base.
    writeFiles(root, {
      'content/yaowen/b.md': article(
        { title: '又一篇新文章', date: '2022-03-31 09:00', category: '要闻', tags: '[就业, 标签3]' },
        '又一篇的正文。',
      ),
    });
    await buildsAsClean(root);
    rmSync(path.join(root, 'content/xuexi/new.md'));
    await buildsAsClean(root);
    expect(readFileSync(path.join(root, 'dist', a1), 'utf8')).not.toContain('新发布的文章');
    expect(readFileSync(cacheFile(root, 'details.json'))).toEqual(details);

    // And a text edit after it all still sees a1's surroundings as they are now.
    writeFiles(root, {
      'content/xuexi/a1.md': `${readFileSync(path.join(root, 'content/xuexi/a1.md'), 'utf8')}\n再补充一段。\n`,
    });
    await buildsAsClean(root);
  });
});

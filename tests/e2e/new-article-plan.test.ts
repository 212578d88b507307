import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  article,
  makeSite,
  neighboursSiteFiles,
  removeSite,
  runCli,
  siteYaml,
  snapshotDir,
  taggedSiteFiles,
  writeFiles,
} from '../helpers/site.js';

/**
 * A whole-site plan takes the signatures of the article pages it makes as the previous build did
 * (the same article, the same articles and tags around it, each listed as before) from that build
 * instead of signing them again (articlePagesAsBefore). Every other article page is signed: a new
 * article's neighbour, the pages whose related reading takes it in, and the pages that show an
 * article whose title changed in the same build. Each build must make what a clean build makes.
 */

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) removeSite(r);
});

function site(files: Record<string, string>): string {
  const root = makeSite(files);
  roots.push(root);
  return root;
}

/** The built page of the article titled `title`. */
function pageOf(root: string, title: string): string {
  for (const [rel, bytes] of snapshotDir(path.join(root, 'dist')))
    if (rel.endsWith('index.html') && bytes.toString().includes(`<h1 class="article-title">${title}</h1>`))
      return rel;
  throw new Error(`no page of ${title}`);
}

const html = (root: string, title: string) =>
  readFileSync(path.join(root, 'dist', pageOf(root, title)), 'utf8');

/** Builds with the cache, then without it elsewhere: the two sites must be the same, byte for byte. */
async function buildsAsClean(root: string): Promise<void> {
  // A file written within 50 ms of the previous build's record of it counts as changed since
  // (src/fs/file-stamp.ts): a build that soon after another would not trust its output, plan
  // without it, and take none of the paths these tests are about.
  await new Promise((resolve) => setTimeout(resolve, 120));
  const run = await runCli(['build', '--root', root, '--no-search']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const clean = path.join(root, 'clean');
  rmSync(clean, { recursive: true, force: true });
  expect((await runCli(['build', '--root', root, '--no-search', '--no-cache', '--out', clean])).code).toBe(0);
  expect(snapshotDir(path.join(root, 'dist'))).toEqual(snapshotDir(clean));
}

/** The newest article of all in 学习, with a1's tags: 下一篇 of the newest 学习 article before it, and in a1's related reading. */
const NEW_IN_XUEXI = {
  'content/xuexi/new.md': article(
    { title: '新发布的文章', date: '2022-03-30 09:00', category: '学习', tags: '[就业, 标签1]' },
    '新发布的正文。',
  ),
};

describe('the article pages a whole-site plan makes as before', () => {
  it('signs again the pages a new or deleted article changes: its neighbours, the related reading that took it in', async () => {
    const root = site(taggedSiteFiles(30));
    await buildsAsClean(root);
    const a30 = html(root, '第30篇文章');
    writeFiles(root, NEW_IN_XUEXI);
    await buildsAsClean(root);
    expect(html(root, '第1篇文章')).toContain('新发布的文章');
    // An article of 要闻 with other tags: its page is as it was.
    expect(html(root, '第30篇文章')).toBe(a30);
    // A page deleted by hand, of an article whose page is planned as before: made again, whole.
    const a30page = pageOf(root, '第30篇文章');
    rmSync(path.join(root, 'dist', a30page));
    writeFiles(root, {
      'content/yaowen/late.md': article(
        { title: '要闻新稿', date: '2022-03-30 10:00', category: '要闻', tags: '[其他]' },
        '新稿正文。',
      ),
    });
    await buildsAsClean(root);
    expect(readFileSync(path.join(root, 'dist', a30page), 'utf8')).toBe(a30);
    // An article deleted: its neighbours and the related reading that showed it show others, none new.
    rmSync(path.join(root, 'content/xuexi/a28.md'));
    await buildsAsClean(root);
    // Ten builds: a loaded machine takes more than the default 30 s.
  }, 90_000);

  it('signs again the pages that show an article whose title changed in the same build', async () => {
    const root = site(neighboursSiteFiles());
    await buildsAsClean(root);
    // X's new title, and a new article elsewhere: P's 下一篇, N's 上一篇 and r1's 相关阅读 show X.
    const x = readFileSync(path.join(root, 'content/x.md'), 'utf8');
    writeFiles(root, {
      'content/x.md': x.replace('原来的标题', '改过的标题'),
      'content/late.md': article(
        { title: '要闻新稿', date: '2022-03-30 09:00', category: '要闻', tags: '[其他]' },
        '新稿正文。',
      ),
    });
    await buildsAsClean(root);
    for (const title of ['前一篇', '后一篇', '人才1']) expect(html(root, title)).toContain('改过的标题');
  });

  it('keeps in the cache the related reading a new article entered, for the next text edit of that page', async () => {
    // After a new article the cache's details are patched: a line whose result is the same but whose
    // surroundings changed must be written again, or the next text edit, which takes an article's
    // surroundings from the cache, renders the related reading from before the new article.
    const root = site(taggedSiteFiles(30));
    await buildsAsClean(root);
    writeFiles(root, NEW_IN_XUEXI);
    await buildsAsClean(root);
    expect(html(root, '第1篇文章')).toContain('新发布的文章');
    const a1 = path.join(root, 'content/xuexi/a1.md');
    writeFiles(root, { 'content/xuexi/a1.md': `${readFileSync(a1, 'utf8')}\n只改了正文的一句话。\n` });
    await buildsAsClean(root);
    const page = html(root, '第1篇文章');
    expect(page).toContain('只改了正文的一句话。');
    expect(page).toContain('新发布的文章');
  });

  it('signs again the newer neighbour of an article added among older ones, though its related reading stays', async () => {
    // Twelve articles of 学习 that all share 就业: each one's related reading is full of newer ones,
    // so an article added on the 5th enters none of the later ones'. Only its place in the list
    // changes the 6th's page: its 上一篇 (movedByAdditions).
    const files: Record<string, string> = { 'site.yaml': siteYaml() };
    for (let day = 1; day <= 12; day++)
      files[`content/xuexi/d${day}.md`] = article(
        {
          title: `三月${day}日`,
          date: `2022-03-${String(day).padStart(2, '0')} 10:00`,
          category: '学习',
          tags: '[就业]',
        },
        `三月${day}日的正文。`,
      );
    const root = site(files);
    await buildsAsClean(root);
    expect(html(root, '三月6日')).toContain('三月5日');
    writeFiles(root, {
      'content/xuexi/added.md': article(
        { title: '补发的稿件', date: '2022-03-05 18:00', category: '学习', tags: '[就业]' },
        '补发的正文。',
      ),
    });
    await buildsAsClean(root);
    expect(html(root, '三月6日')).toContain('补发的稿件');
    expect(html(root, '三月12日')).not.toContain('补发的稿件');
  });
});

import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildsOk, failsCleanly, PATHOLOGICAL_MS, siteFactory } from '../helpers/adversarial.js';
import { article, readPage, runBin, snapshotDir } from '../helpers/site.js';

const sites = siteFactory();
afterEach(() => sites.cleanup());

const story = (title: string, extra: Record<string, string> = {}) =>
  article({ title, date: '2022-03-05 10:00', category: '学习', ...extra });
const SAME_PAGE = 'writes the same page';
const SLUG = '"slug" may contain only a-z, 0-9, "-", "_" and "."; e.g. slug: jinhua-yonggong';
const isRoot = process.getuid?.() === 0;

describe('two articles at one URL stop the build, naming both files where their address is made', () => {
  it.each([
    [
      'the same slug',
      {
        'content/xuexi/a.md': story('甲', { slug: 'same' }),
        'content/xuexi/b.md': story('乙', { slug: 'same' }),
      },
      `content/xuexi/b.md:5:7: error: ${SAME_PAGE} /xuexi/2022/03/same/ as content/xuexi/a.md:5:7; give one of them another slug (slug: …) or date`,
    ],
    [
      'file names differing only in letter case',
      { 'content/xuexi/News.md': story('甲'), 'content/xuexi/news.md': story('乙') },
      `content/xuexi/news.md:2:8: error: ${SAME_PAGE} /xuexi/2022/03/news/ as content/xuexi/News.md:2:8; the two file names differ only in upper and lower case, which Windows and macOS take for one file: delete or rename one of the two files`,
    ],
    [
      'file names differing only in Unicode normalization (NFC and NFD)',
      { 'content/xuexi/caf\u00e9.md': story('甲'), 'content/xuexi/cafe\u0301.md': story('乙') },
      `content/xuexi/caf\u00e9.md:2:8: error: ${SAME_PAGE} /xuexi/2022/03/cafe/ as content/xuexi/cafe\u0301.md:2:8; the two file names look the same but are written in different Unicode forms (NFC and NFD, e.g. one copied from a Mac): delete or rename one of the two files`,
    ],
    [
      'a Chinese file name and its pinyin',
      { 'content/xuexi/新闻.md': story('甲'), 'content/xuexi/xin-wen.md': story('乙') },
      `content/xuexi/新闻.md:2:8: error: ${SAME_PAGE} /xuexi/2022/03/xin-wen/ as content/xuexi/xin-wen.md:2:8; give one of them another slug (slug: …) or date`,
    ],
    [
      'different folders, one category',
      { 'content/xuexi/a.md': story('甲'), 'content/yaowen/a.md': story('乙') },
      `content/yaowen/a.md:2:8: error: ${SAME_PAGE} /xuexi/2022/03/a/ as content/xuexi/a.md:2:8; give one of them another slug (slug: …) or date`,
    ],
  ])('%s', async (_name, files, expected) => {
    await failsCleanly(sites.make(), files, [expected]);
  });
});

describe('a slug can never leave its folder', () => {
  it.each([
    ['../../etc'],
    ['..'],
    ['a/b'],
    ['/etc'],
    ['"%2e%2e"'],
    ['"..\\\\..\\\\x"'],
    ['café'],
    // "a\u0000b" is no error: the NUL is dropped with a warning (content-inputs.test.ts).
  ])('slug: %s', async (slug) => {
    const run = await failsCleanly(sites.make(), { 'content/xuexi/a.md': story('甲', { slug }) }, [
      `content/xuexi/a.md:5:7: error: ${SLUG}`,
    ]);
    expect(run.stderr.split('\n')).toHaveLength(2);
  });
});

describe('files that cannot or must not be read', () => {
  it('a link pointing outside the content folder is refused, not followed', async () => {
    const root = sites.make();
    const link = (r: string) => {
      symlinkSync('/etc/passwd', path.join(r, 'content/xuexi/passwd.md'));
      symlinkSync('/etc', path.join(r, 'content/etc'));
    };
    const run = await failsCleanly(root, link, [
      'content/etc: error: this link points outside the content folder, so it is not read; copy the file into content/ instead of linking to it',
      'content/xuexi/passwd.md: error: this link points outside the content folder, so it is not read; copy the file into content/ instead of linking to it',
    ]);
    expect(run.stderr).not.toContain('root:');
  });

  it('a dangling link is an error, not a crash', async () => {
    const link = (r: string) =>
      symlinkSync(path.join(r, 'content/xuexi/gone.md'), path.join(r, 'content/xuexi/link.md'));
    await failsCleanly(sites.make(), link, [
      'content/xuexi/link.md: error: this link leads nowhere: the file it points to does not exist; delete the link, or put the article itself in content/',
    ]);
  });

  it('a named pipe is refused at once instead of hanging the build', async () => {
    const pipe = (r: string) => execFileSync('mkfifo', [path.join(r, 'content/xuexi/pipe.md')]);
    const run = await failsCleanly(sites.make(), pipe, [
      'content/xuexi/pipe.md: error: this is not an ordinary file (a pipe, socket or device), so it is not read; replace it with an ordinary .md file',
    ]);
    expect(run.ms).toBeLessThan(PATHOLOGICAL_MS);
  });

  // Root reads every file whatever its mode (as in CI containers): then the builds run as the user
  // nobody, through setpriv, as an editor's would.
  const asNobody = isRoot ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] : [];
  it.skipIf(isRoot && !hasCommand('setpriv'))(
    'a file without read permission (chmod 000) is an error',
    () => {
      const root = sites.make();
      for (const dir of [root, ...listDirs(root)]) chmodSync(dir, 0o777);
      const build = () => runBin(['build', '--lang', 'en', '--root', root], {}, asNobody);
      expect(build().code).toBe(0);
      const before = snapshotDir(path.join(root, 'dist'));
      const file = path.join(root, 'content/xuexi/secret.md');
      writeFileSync(file, story('秘密'));
      chmodSync(file, 0o000);
      const run = build();
      expect(run.code).toBe(1);
      expect(run.stderr.split('\n')).toContain(
        'content/xuexi/secret.md: error: cannot read the file (EACCES); check that it exists and can be read',
      );
      expect(snapshotDir(path.join(root, 'dist'))).toEqual(before);
    },
  );

  it('a link back to a parent folder does not send the build round in circles', async () => {
    const root = sites.make();
    symlinkSync(path.join(root, 'content'), path.join(root, 'content/xuexi/loop'));
    const run = await buildsOk(root);
    expect(run.stderr).toBe('');
  });
});

describe('hidden files and editor leftovers are ignored', () => {
  it('.#a.md, a.md~, .a.md.swp, #a.md#, .DS_Store and hidden folders', async () => {
    const broken = '---\ntitle: [未闭合\n';
    const root = sites.make({
      'content/xuexi/.#a.md': broken,
      'content/xuexi/a.md~': broken,
      'content/xuexi/.a.md.swp': broken,
      'content/xuexi/#a.md#': broken,
      'content/xuexi/a.md.bak': broken,
      'content/.DS_Store': broken,
      'content/.git/x.md': broken,
      'content/xuexi/a.md': story('真的文章'),
    });
    mkdirSync(path.join(root, 'content/.hidden'));
    const run = await buildsOk(root);
    expect(run.stderr).toBe('');
    expect(readPage(root, 'dist/xuexi/2022/03/a/index.html')).toContain('真的文章');
  });
});

function hasCommand(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
}

const listDirs = (root: string): string[] =>
  readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => path.join(e.parentPath, e.name));

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { build as buildSite } from '../../src/build.js';
import { SHARD_MANIFEST, type ShardManifest } from '../../src/search/shard-manifest.js';
import { SHARDS, shardSiteFiles } from '../helpers/shard-site.js';
import { article, makeSite, removeSite, runCli, snapshotDir, writeFiles } from '../helpers/site.js';

// A small site whose index has four shards (see src/search/shard-plan.ts): the first ten days of
// January, February and March 2022, and the newest day, 18 March, in a shard of its own. A site
// this small has one shard, unless told to split from its first article.
beforeAll(() => {
  process.env.GAZETTE_SEARCH_SHARDS_FROM = '1';
});
afterAll(() => {
  delete process.env.GAZETTE_SEARCH_SHARDS_FROM;
});
const FILES = shardSiteFiles();

const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) removeSite(r);
});
const site = () => {
  const root = makeSite(FILES);
  roots.push(root);
  return root;
};
const build = async (root: string) => {
  const run = await runCli(['build', '--root', root]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
};
const shardDir = (root: string, shard: string) => path.join(root, 'dist', 'pagefind', shard);

/** Each file of a shard with its inode and mtime: the same for a file left as it was. */
function identities(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const s = statSync(path.join(dir, f));
    if (s.isFile()) out[f] = `${s.ino} ${s.mtimeMs}`;
  }
  return out;
}

/** Whether every file of the shard is the one its manifest names (length and digest). */
function intact(dir: string): boolean {
  const manifest = JSON.parse(readFileSync(path.join(dir, SHARD_MANIFEST), 'utf8')) as ShardManifest;
  return manifest.files.every(([file, length, sha1]) => {
    const bytes = readFileSync(path.join(dir, file));
    return bytes.length === length && createHash('sha1').update(bytes).digest('hex') === sha1;
  });
}

// Two or three builds with Pagefind each: seconds on a quiet machine, half a minute on a busy one.
describe('the search index in shards', { timeout: 90_000 }, () => {
  it('makes one shard a ten-day period and one for the newest day', async () => {
    const root = site();
    await build(root);
    const bundle = readdirSync(path.join(root, 'dist', 'pagefind'));
    expect(bundle.filter((f) => /^\d/.test(f)).sort()).toEqual(SHARDS);
    for (const shard of SHARDS) expect(intact(shardDir(root, shard))).toBe(true);
    // The module the UI imports starts from the newest shard and merges the others in.
    const loader = readFileSync(path.join(root, 'dist', 'pagefind', 'pagefind.js'), 'utf8');
    expect(loader).toContain(`const SHARDS = ${JSON.stringify([...SHARDS].reverse())};`);
  });

  it('indexes only the newest day’s shard for a new article of that day: the others’ files are untouched', async () => {
    const root = site();
    await build(root);
    const older = SHARDS.slice(0, 3);
    const before = Object.fromEntries(older.map((s) => [s, identities(shardDir(root, s))]));
    const newestManifest = readFileSync(path.join(shardDir(root, '2022-03-18'), SHARD_MANIFEST), 'utf8');

    writeFiles(root, {
      'content/xuexi/e.md': article(
        { title: '新发布', date: '2022-03-18 15:00', category: '学习' },
        '新闻发布。',
      ),
    });
    await build(root);
    for (const s of older) expect(identities(shardDir(root, s))).toEqual(before[s]);
    expect(readFileSync(path.join(shardDir(root, '2022-03-18'), SHARD_MANIFEST), 'utf8')).not.toBe(
      newestManifest,
    );
    expect(intact(shardDir(root, '2022-03-18'))).toBe(true);
  });

  it('indexes again only the period of a deleted article, and a period left empty has no shard', async () => {
    const root = site();
    await build(root);
    const others = ['2022-01-1', '2022-03-1', '2022-03-18'];
    const before = Object.fromEntries(others.map((s) => [s, identities(shardDir(root, s))]));
    const february = readFileSync(path.join(shardDir(root, '2022-02-1'), SHARD_MANIFEST), 'utf8');

    rmSync(path.join(root, 'content/yaowen/b2.md'));
    await build(root);
    for (const s of others) expect(identities(shardDir(root, s))).toEqual(before[s]);
    expect(readFileSync(path.join(shardDir(root, '2022-02-1'), SHARD_MANIFEST), 'utf8')).not.toBe(february);

    rmSync(path.join(root, 'content/yaowen/b1.md'));
    await build(root);
    const bundle = readdirSync(path.join(root, 'dist', 'pagefind'));
    expect(bundle.filter((f) => /^\d/.test(f)).sort()).toEqual(others);
  });

  it('after an edit of an old article’s text, plans only its page and indexes only its period', async () => {
    // Longer than a summary: the edit below, after it, changes nothing any list shows.
    const long = `春风行动。${'为帮助企业稳岗扩岗，县里组织了多场招聘会。'.repeat(8)}`;
    const february = (body: string) => ({
      'content/yaowen/b1.md': article(
        { title: '二月的文章', date: '2022-02-10 10:00', category: '要闻' },
        body,
      ),
    });
    const root = site();
    writeFiles(root, february(long));
    await build(root);
    const others = ['2022-01-1', '2022-03-1', '2022-03-18'];
    const before = Object.fromEntries(others.map((s) => [s, identities(shardDir(root, s))]));
    const manifest = readFileSync(path.join(shardDir(root, '2022-02-1'), SHARD_MANIFEST), 'utf8');

    writeFiles(root, february(`${long}\n\n桂花岛。`));
    const report = await buildSite({ root, jobs: 1 });
    expect(report.timings.map(([step]) => step)).toContain('plan the edited articles');
    expect(report.rendered).toBe(1);
    for (const s of others) expect(identities(shardDir(root, s))).toEqual(before[s]);
    expect(readFileSync(path.join(shardDir(root, '2022-02-1'), SHARD_MANIFEST), 'utf8')).not.toBe(manifest);
    expect(intact(shardDir(root, '2022-02-1'))).toBe(true);
    // The same bytes as a build of the whole site from nothing makes.
    const whole = site();
    writeFiles(whole, february(`${long}\n\n桂花岛。`));
    await build(whole);
    expect(snapshotDir(path.join(root, 'dist', 'pagefind'))).toEqual(
      snapshotDir(path.join(whole, 'dist', 'pagefind')),
    );
  });

  // The staging folder starts as the spare (the site before the last), whose older shards are the
  // very files of dist/: they are looked at there, once, and left where they are.
  it('a shard’s file replaced in the spare is not kept from there: the next site has the shard whole', async () => {
    const root = site();
    await build(root);
    const newArticle = (name: string) =>
      writeFiles(root, {
        [`content/xuexi/${name}.md`]: article(
          { title: `新发布${name}`, date: '2022-03-18 15:00', category: '学习' },
          '新闻发布。',
        ),
      });
    newArticle('e');
    await build(root);
    const inSpare = path.join(root, '.dist.gazette-spare', 'pagefind', '2022-01-1');
    const manifest = JSON.parse(readFileSync(path.join(inSpare, SHARD_MANIFEST), 'utf8')) as ShardManifest;
    const fragment = path.join(inSpare, manifest.files.find(([f]) => f.startsWith('fragment/'))?.[0] ?? '');
    expect(statSync(fragment).ino).toBe(statSync(fragment.replace('.dist.gazette-spare', 'dist')).ino);
    // Another file at its place (a new inode), with other bytes of the same length.
    const bytes = readFileSync(fragment);
    bytes.writeUInt8(bytes.readUInt8(0) ^ 0xff, 0);
    rmSync(fragment);
    writeFileSync(fragment, bytes);

    newArticle('f');
    await build(root);
    expect(intact(shardDir(root, '2022-01-1'))).toBe(true);
  });

  describe('a damaged shard is noticed and made again', () => {
    const damages: [string, (dir: string, manifest: ShardManifest) => void][] = [
      [
        'a file cut short',
        (dir, m) => {
          const file = path.join(dir, m.files.find(([f]) => f.startsWith('index/'))?.[0] ?? '');
          writeFileSync(file, readFileSync(file).subarray(0, 10));
        },
      ],
      [
        'a file of the same length with other bytes',
        (dir, m) => {
          const file = path.join(dir, m.files.find(([f]) => f.startsWith('fragment/'))?.[0] ?? '');
          const bytes = readFileSync(file);
          bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 0xff, bytes.length - 1);
          writeFileSync(file, bytes);
        },
      ],
      ['half-written: no manifest', (dir) => rmSync(path.join(dir, SHARD_MANIFEST))],
      [
        'written by another Pagefind (another digest)',
        (dir, m) => writeFileSync(path.join(dir, SHARD_MANIFEST), JSON.stringify({ ...m, digest: 'other' })),
      ],
      [
        'a manifest that does not parse',
        (dir) => writeFileSync(path.join(dir, SHARD_MANIFEST), '{"digest":'),
      ],
    ];
    // With the build cache: the shard's files are not read, but their stamps (size, modification
    // time, inode) are no longer those the cache recorded when the build wrote them.
    it.each(damages)('%s, noticed by the stamps of the build cache', async (_, damage) => {
      const root = site();
      await build(root);
      const dir = shardDir(root, '2022-01-1');
      const others = ['2022-02-1', '2022-03-1', '2022-03-18'];
      const before = Object.fromEntries(others.map((s) => [s, identities(shardDir(root, s))]));
      const manifest = readFileSync(path.join(dir, SHARD_MANIFEST), 'utf8');
      damage(dir, JSON.parse(manifest) as ShardManifest);

      const again = await runCli(['build', '--root', root]);
      expect(again.stderr).toMatch(
        /^note: 1 file of the output was changed or deleted since the last build \(pagefind\/2022-01-1\/[^)]+\); it was made again$/,
      );
      expect(again.code).toBe(0);
      expect(readFileSync(path.join(dir, SHARD_MANIFEST), 'utf8')).toBe(manifest);
      expect(intact(dir)).toBe(true);
      for (const s of others) expect(identities(shardDir(root, s))).toEqual(before[s]);
    });

    it.each(damages)('%s', async (_, damage) => {
      const root = site();
      await build(root);
      const dir = shardDir(root, '2022-01-1');
      const manifest = readFileSync(path.join(dir, SHARD_MANIFEST), 'utf8');
      // Written in place, as a disk error or a hand would: the file's other links (the spare) see it too.
      damage(dir, JSON.parse(manifest) as ShardManifest);

      // Without the build cache, which notices any file of the site changed since the last build:
      // then the shard's own manifest is what tells.
      const again = await runCli(['build', '--root', root, '--no-cache']);
      expect(again.stderr).toBe('');
      expect(again.code).toBe(0);
      expect(readFileSync(path.join(dir, SHARD_MANIFEST), 'utf8')).toBe(manifest);
      expect(intact(dir)).toBe(true);
    });
  });
});

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statfsSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { leftovers, siteFactory } from '../helpers/adversarial.js';
import { article, REPO, runBin, snapshotDir, writeFiles } from '../helpers/site.js';

// Each case runs four or five builds as child processes (as another user, on small disks): 6–12 s
// on a quiet machine, over 30 s when the machine is busy.
vi.setConfig({ testTimeout: 90_000 });

// The build cache (.cache/gazette) cannot be written: a build still succeeds with the same site
// as a clean build, says so in a warning, never fails after dist/ was replaced, and leaves a cache
// that is either absent or whole. The builds run as the CLI does, in a child process.

const sites = siteFactory();
/** Undone after each test, last first, before the site is removed: mounts, immutable flags. */
const undo: Array<() => void> = [];
afterEach(() => {
  for (const step of undo.splice(0).reverse()) step();
  sites.cleanup();
});

const isRoot = process.getuid?.() === 0;
const hasCommand = (name: string) => spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
const sh = (command: string, ...args: string[]) => spawnSync(command, args, { encoding: 'utf8' });
/** Root may write any folder whatever its mode: a build that must be refused runs as nobody then. */
const asNobody = isRoot ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] : [];

interface Run {
  readonly code: number | null;
  readonly stderr: string;
}

/** `gazette build` as the CLI runs it (without the search index, which is not at stake here). */
const build = (
  root: string,
  args: readonly string[] = [],
  user: readonly string[] = [],
  env: Record<string, string> = {},
): Run => runBin(['build', '--lang', 'en', '--root', root, '--no-search', '--quiet', ...args], env, user);

/** The site a clean build makes of `root` as it is now (without the cache, into another folder). */
function cleanSite(root: string): Map<string, Buffer> {
  const out = mkdtempSync(path.join(os.tmpdir(), 'gazette-clean-'));
  try {
    const r = build(root, ['--out', out, '--no-cache']);
    expect(r.code, r.stderr).toBe(0);
    return snapshotDir(out);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** A site of a few articles with tags, so that there are article pages, lists and tag pages. */
function makeSite(): string {
  const files: Record<string, string> = {};
  for (let i = 1; i <= 12; i++)
    files[`content/xuexi/a${i}.md`] = article(
      {
        title: `第${i}篇文章`,
        date: `2022-03-${String(i + 1).padStart(2, '0')} 10:00`,
        category: '学习',
        tags: `[就业, 标签${i % 3}]`,
      },
      `第${i}篇正文。${'这是一段用于测试的正文内容。'.repeat(30)}`,
    );
  return sites.make(files);
}

const THEME_ARTICLE = readFileSync(path.join(REPO, 'templates/article.njk'), 'utf8');

/** The two kinds of rebuild: one that only renders again, one that must load (and pack) an article. */
const EDITS: ReadonlyArray<readonly [string, (root: string) => void]> = [
  [
    'a template edit',
    (root) =>
      writeFiles(root, {
        'templates/article.njk': THEME_ARTICLE.replace('</article>', '</article><!-- 新版 -->'),
      }),
  ],
  [
    'a new article',
    (root) =>
      writeFiles(root, {
        'content/xuexi/new.md': article(
          { title: '新文章', date: '2022-03-20 10:00', category: '学习', tags: '[就业]' },
          `新的正文。${'又一段正文内容。'.repeat(40)}`,
        ),
      }),
  ],
];

const FIX_PERMISSION = 'make .cache/gazette a folder you may write (deleting it is safe)';
const FIX_SPACE = 'free some space on the disk';
const cacheWarning = (reason: string, fix = FIX_PERMISSION) =>
  `.cache/gazette: warning: cannot save the build cache: ${reason}; the site is built, but the next build cannot reuse its work; ${fix}, or build with --no-cache`;

/**
 * The build of `root` after an edit, with the cache in its way: it exits 0, prints `warning`,
 * makes the site a clean build makes, and so does the build after it.
 */
function expectBuiltDespiteCache(root: string, warning: string, run: () => Run): void {
  const edited = run();
  expect(edited.stderr).not.toMatch(/internal error|\n\s+at /);
  expect(edited.code, edited.stderr).toBe(0);
  expect(edited.stderr.split('\n')).toContain(warning);
  const clean = cleanSite(root);
  expect(snapshotDir(path.join(root, 'dist'))).toEqual(clean);
  expect(leftovers(root)).toEqual([]);
  const next = run();
  expect(next.stderr).not.toMatch(/internal error|\n\s+at /);
  expect(next.code, next.stderr).toBe(0);
  expect(snapshotDir(path.join(root, 'dist'))).toEqual(clean);
}

/** Every folder under `dir`, `dir` first. */
const foldersUnder = (dir: string): string[] => [
  dir,
  ...readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => path.join(e.parentPath, e.name)),
];

/** Probes, once: what this machine lets a test do to a folder. */
const probe = mkdtempSync(path.join(os.tmpdir(), 'gazette-probe-'));
const canRunAsNobody =
  !isRoot || (hasCommand('setpriv') && sh('setpriv', '--reuid=65534', 'true').status === 0);
const canMount =
  isRoot && sh('mount', '--bind', probe, probe).status === 0 && sh('umount', probe).status === 0;
const canChattr =
  hasCommand('chattr') && sh('chattr', '+i', probe).status === 0 && sh('chattr', '-i', probe).status === 0;
const canTmpfs =
  isRoot &&
  sh('mount', '-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe).status === 0 &&
  sh('umount', probe).status === 0;
rmSync(probe, { recursive: true, force: true });

interface Obstacle {
  readonly name: string;
  readonly possible: boolean;
  /** The user the site's builds run as. */
  readonly user: readonly string[];
  /** Puts the obstacle in place once the site was built with its cache. */
  readonly put: (root: string) => void;
  readonly warning: string;
}

const OBSTACLES: readonly Obstacle[] = [
  {
    name: 'folders the build may not write (another owner, mode 555)',
    possible: canRunAsNobody,
    user: asNobody,
    put: (root) => {
      for (const dir of foldersUnder(path.join(root, '.cache'))) chmodSync(dir, 0o555);
    },
    warning: cacheWarning('permission denied (EACCES)'),
  },
  {
    name: 'a read-only mount',
    possible: canMount,
    user: [],
    put: (root) => {
      const cache = path.join(root, '.cache');
      expect(sh('mount', '--bind', cache, cache).status).toBe(0);
      undo.push(() => sh('umount', cache));
      expect(sh('mount', '-o', 'remount,bind,ro', cache, cache).status).toBe(0);
    },
    warning: cacheWarning('the file system is read-only (EROFS)'),
  },
  {
    name: 'immutable folders (chattr +i)',
    possible: canChattr,
    user: [],
    put: (root) => {
      const cache = path.join(root, '.cache');
      expect(sh('chattr', '-R', '+i', cache).status).toBe(0);
      undo.push(() => sh('chattr', '-R', '-i', cache));
    },
    warning: cacheWarning('permission denied (EPERM)'),
  },
  {
    name: '.cache a file, not a folder',
    possible: true,
    user: [],
    put: (root) => {
      rmSync(path.join(root, '.cache'), { recursive: true });
      writeFileSync(path.join(root, '.cache'), '不是文件夹\n');
    },
    warning: cacheWarning('a file is where a folder should be (ENOTDIR)'),
  },
];

/** Lets `user` write every folder of the site (a site made by root is root's, mode 700). */
function openTo(root: string, user: readonly string[]): void {
  if (user.length > 0) for (const dir of foldersUnder(root)) chmodSync(dir, 0o777);
}

describe('a build cache that cannot be written is a warning, never a failed build', () => {
  for (const obstacle of OBSTACLES)
    for (const [edit, apply] of EDITS)
      it.skipIf(!obstacle.possible)(`${obstacle.name}, after ${edit}`, () => {
        const root = makeSite();
        openTo(root, obstacle.user);
        const first = build(root, [], obstacle.user);
        expect(first.code, first.stderr).toBe(0);
        expect(existsSync(path.join(root, '.cache/gazette/manifest.json'))).toBe(true);
        obstacle.put(root);
        apply(root);
        expectBuiltDespiteCache(root, obstacle.warning, () => build(root, [], obstacle.user));
      });

  it.skipIf(!canRunAsNobody)(
    'a damaged cache in a folder that cannot be removed (rmdir fails) is emptied, and a new one saved there',
    () => {
      const root = makeSite();
      openTo(root, asNobody);
      expect(build(root, [], asNobody).code).toBe(0);
      const bodies = path.join(root, '.cache/gazette/bodies');
      const firstPacks = readdirSync(bodies);
      writeFileSync(path.join(root, '.cache/gazette/manifest.json'), '损坏的清单');
      // .cache/gazette itself may be written, but not removed from .cache.
      chmodSync(path.join(root, '.cache'), 0o555);
      EDITS[0]?.[1](root);
      expectBuiltDespiteCache(
        root,
        'note: the build cache was not used (it is damaged); everything was built anew',
        () => build(root, [], asNobody),
      );
      expect(cacheOnDisk(root)).toBe('whole');
      for (const run of firstPacks) expect(readdirSync(bodies)).not.toContain(run);
    },
  );
});

// A nearly full disk under the cache: a tmpfs of its own at .cache (needs root; skipped elsewhere).
// tmpfs counts whole pages of 4 KiB.
const PAGE = 4096;

/** Mounts a small tmpfs at ROOT/`name` (the cache's .cache, or a temporary folder), unmounted after the test. */
function smallDiskAt(root: string, name = '.cache'): string {
  const dir = path.join(root, name);
  mkdirSync(dir);
  expect(sh('mount', '-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', dir).status).toBe(0);
  undo.push(() => sh('umount', dir));
  return dir;
}

/** Fills the disk of `dir` but for `pages` free pages. */
function fillUpTo(dir: string, pages: number): void {
  const { bavail, bsize } = statfsSync(dir);
  expect(bsize).toBe(PAGE);
  writeFileSync(path.join(dir, 'filler'), Buffer.alloc((bavail - pages) * PAGE));
  expect(statfsSync(dir).bavail).toBe(pages);
}

/**
 * What is on disk of the cache: 'absent' (no manifest), 'whole' (the manifest's own digest and
 * that of the details and patch it names are right), or 'damaged'.
 */
function cacheOnDisk(root: string): 'absent' | 'whole' | 'damaged' {
  const dir = path.join(root, '.cache/gazette');
  const sha1 = (data: Buffer | string) => createHash('sha1').update(data).digest('hex');
  const read = (name: string) => {
    const file = path.join(dir, name);
    return existsSync(file) ? readFileSync(file) : undefined;
  };
  const manifest = read('manifest.json')?.toString();
  if (manifest === undefined) return 'absent';
  const newline = manifest.indexOf('\n');
  const body = manifest.slice(newline + 1);
  if (newline < 0 || manifest.slice(0, newline) !== sha1(body)) return 'damaged';
  const { details, patch } = JSON.parse(body) as { details: string; patch?: string };
  const detailsBytes = read('details.json');
  if (!detailsBytes || sha1(detailsBytes) !== details) return 'damaged';
  const patchBytes = read('details-patch.json');
  if (patch !== undefined && (!patchBytes || sha1(patchBytes) !== patch)) return 'damaged';
  return 'whole';
}

describe('the disk under the build cache fills up', () => {
  it.skipIf(!canTmpfs).each([
    ['one thread', ['--jobs', '1']],
    ['worker threads', ['--jobs', '2']],
  ])('while a new article is packed (%s): a warning, and the site built without the cache', (_, jobs) => {
    const root = makeSite();
    const cache = smallDiskAt(root);
    expect(build(root, jobs).code).toBe(0);
    const before = cacheOnDisk(root);
    expect(before).toBe('whole');
    fillUpTo(cache, 1);
    writeFiles(root, {
      'content/xuexi/big.md': article(
        { title: '长文章', date: '2022-03-21 10:00', category: '学习' },
        '很长的正文。'.repeat(2_000),
      ),
    });
    expectBuiltDespiteCache(root, cacheWarning('the disk is full (ENOSPC)', FIX_SPACE), () =>
      build(root, jobs),
    );
    expect(cacheOnDisk(root)).toBe('whole');
  });

  it.skipIf(!canTmpfs)(
    'while the cache is saved, after dist/ was replaced: a warning, and no cache rather than half of one',
    () => {
      const root = makeSite();
      const cache = smallDiskAt(root);
      expect(build(root).code).toBe(0);
      fillUpTo(cache, 0);
      EDITS[0]?.[1](root);
      expectBuiltDespiteCache(root, cacheWarning('the disk is full (ENOSPC)', FIX_SPACE), () => build(root));
      expect(cacheOnDisk(root)).not.toBe('damaged');
    },
  );

  // The details (or their patch) are written in a few large writes: on a nearly full disk the last one is cut short
  // (the kernel writes what fits and says how much), with no error.
  it.skipIf(!canTmpfs)(
    'a page short of room for the cache’s details: a warning, and no cache rather than truncated details',
    () => {
      const root = makeSite();
      const cache = smallDiskAt(root);
      expect(build(root).code).toBe(0);
      const size = readFileSync(path.join(cache, 'gazette/details.json')).length;
      expect(size).toBeGreaterThan(3 * PAGE);
      // The edit changes the pages' signatures, and every article is touched (read again, the same
      // bytes): every line is written again, in a patch of the details (see saveBuildCache) about as
      // long as they are, less their first line (the signatures of all pages, under a page).
      EDITS[0]?.[1](root);
      const later = new Date(Date.now() + 2000);
      for (let i = 1; i <= 12; i++) utimesSync(path.join(root, `content/xuexi/a${i}.md`), later, later);
      fillUpTo(cache, Math.ceil(size / PAGE) - 2);
      const edited = build(root);
      expect(edited.code, edited.stderr).toBe(0);
      expect(edited.stderr.split('\n')).toContain(cacheWarning('the disk is full (ENOSPC)', FIX_SPACE));
      expect(cacheOnDisk(root)).not.toBe('damaged');
      const clean = cleanSite(root);
      expect(snapshotDir(path.join(root, 'dist'))).toEqual(clean);
      // The next build, the disk still full, neither trips over what the last one left nor crashes.
      const next = build(root);
      expect(next.code, next.stderr).toBe(0);
      expect(next.stderr).not.toMatch(/not used|internal error/);
      expect(snapshotDir(path.join(root, 'dist'))).toEqual(clean);
      expect(cacheOnDisk(root)).not.toBe('damaged');
    },
  );

  // Without the cache, bodies are packed in a temporary folder: if that cannot be written either,
  // the build cannot go on, and says so like any failure to write.
  it.skipIf(!canTmpfs)(
    'in the temporary folder of a build without the cache: an error, dist/ as it was',
    () => {
      const root = makeSite();
      expect(build(root, ['--no-cache']).code).toBe(0);
      const before = snapshotDir(path.join(root, 'dist'));
      const temporary = smallDiskAt(root, 'tmp');
      fillUpTo(temporary, 0);
      EDITS[1]?.[1](root);
      const full = build(root, ['--no-cache'], [], { TMPDIR: temporary });
      expect(full.code).toBe(1);
      expect(full.stderr.split('\n')).toEqual([
        `${temporary}: error: cannot write the articles' bodies into a temporary folder: the disk is full (ENOSPC); free some space there, or set TMPDIR to another folder, then build again; the previous site was left as it was`,
        'gazette build: failed with 1 error(s); the previous output was left as it was',
        '',
      ]);
      expect(snapshotDir(path.join(root, 'dist'))).toEqual(before);
    },
  );
});

import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statfsSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { leftovers, snapshotOutside } from '../helpers/adversarial.js';
import { brokenLinks, htmlFiles } from '../helpers/links.js';
import {
  article,
  BIN,
  makeSite,
  REPO,
  removeSite,
  runBin,
  runCli,
  searchableSite,
  siteYaml,
  snapshotDir,
  taggedSiteFiles,
  withoutCodes,
  writeFiles,
} from '../helpers/site.js';

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) removeSite(r);
});

/** A site of one article with a word to search for in its body. */
function oneArticleSite(): string {
  const root = searchableSite('好文章');
  roots.push(root);
  return root;
}

/** A site of `count` articles in two categories, with tags (taggedSiteFiles). */
function bigSite(count: number): string {
  const root = makeSite(taggedSiteFiles(count));
  roots.push(root);
  return root;
}

/** One digest of every file under `dir` (path and bytes), or undefined if there is no `dir`. */
function digestOf(dir: string): string | undefined {
  if (!existsSync(dir)) return undefined;
  const hash = createHash('sha1');
  for (const [rel, bytes] of [...snapshotDir(dir)].sort(([a], [b]) => (a < b ? -1 : 1)))
    hash.update(rel).update('\0').update(bytes).update('\0');
  return hash.digest('hex');
}

interface Finished {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
  readonly ms: number;
}

/** Starts `gazette build` in a child process, as a terminal or CI would. */
function startBuild(root: string, args: string[] = []) {
  const start = performance.now();
  const child = spawn(process.execPath, [BIN, 'build', '--root', root, '--quiet', ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const done = new Promise<Finished>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stderr, ms: performance.now() - start })),
  );
  return { child, done };
}

const FAILED_LINE = 'gazette build: failed with 1 error(s); the previous output was left as it was';
const lockMessage = (pid: number | string, root: string) =>
  `dist: error: another build (process ${pid}) is writing ${path.join(root, 'dist')} right now; wait until it has finished, then build again; if no build is running, delete .dist.gazette-lock`;

describe('a build killed at any moment (SIGKILL) never damages the site', () => {
  it('the previous dist/ stays complete and the next build needs no clean-up', {
    timeout: 180_000,
  }, async () => {
    const root = bigSite(200);
    const first = await startBuild(root).done;
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const old = digestOf(path.join(root, 'dist'));
    // Every page of the next build differs from the last.
    writeFiles(root, { 'site.yaml': siteYaml().replace('测试新闻网', '新的新闻网') });

    const seen: Array<{ delay: number; state: string }> = [];
    const observed = new Set<string | undefined>();
    const kills = 4;
    for (let i = 0; i < kills; i++) {
      // Spread over the whole build, from reading content to swapping the folders in, and past it.
      const delay = Math.round(((i + Math.random()) / kills) * first.ms * 1.4);
      const build = startBuild(root);
      const timer = setTimeout(() => build.child.kill('SIGKILL'), delay);
      const end = await build.done;
      clearTimeout(timer);
      const dist = digestOf(path.join(root, 'dist'));
      if (dist === undefined) {
        // Killed between the two renames of the swap: the old site is whole beside it, and the
        // next build puts it back before anything else.
        expect(digestOf(path.join(root, '.dist.gazette-old'))).toBe(old);
        seen.push({ delay, state: 'between the renames' });
      } else {
        observed.add(dist);
        seen.push({
          delay,
          state: end.signal ? (dist === old ? 'killed: old site' : 'killed: new site') : 'finished',
        });
      }
    }
    console.log(`SIGKILL after: ${seen.map((s) => `${s.delay} ms (${s.state})`).join(', ')}`);

    const last = runBin(['build', '--root', root, '--quiet']);
    expect(last.stderr).toBe('');
    expect(last.code).toBe(0);
    const fresh = digestOf(path.join(root, 'dist'));
    // Only ever the whole old site or the whole new one: never a mix, never half a page.
    for (const d of observed) expect([old, fresh]).toContain(d);
    expect(leftovers(root)).toEqual([]);
  });
});

describe('what a killed build leaves behind, state by state', () => {
  // The random kills above land where they land; these are the states a kill can leave, each made
  // by hand: the next build must start from each without help.
  it.each([
    ['while writing the new site: a half-written .dist.gazette-new', false],
    ['between the two renames of the swap: no dist/, the old site in .dist.gazette-old', true],
  ])('%s', async (_name, betweenRenames) => {
    const root = bigSite(3);
    expect((await runCli(['build', '--root', root])).code).toBe(0);
    const old = snapshotDir(path.join(root, 'dist'));
    writeFiles(root, { '.dist.gazette-new/xuexi/index.html': '<!DOCTYPE html><html><body>半页' });
    if (betweenRenames) renameSync(path.join(root, 'dist'), path.join(root, '.dist.gazette-old'));
    // Even a build that fails on an article puts the old site back first.
    writeFiles(root, { 'content/xuexi/bad.md': '---\ntitle: [\n---\n' });
    expect((await runCli(['build', '--root', root])).code).toBe(1);
    expect(snapshotDir(path.join(root, 'dist'))).toEqual(old);
    rmSync(path.join(root, 'content/xuexi/bad.md'));
    const run = await runCli(['build', '--root', root]);
    expect(run.code).toBe(0);
    expect(snapshotDir(path.join(root, 'dist'))).toEqual(old);
    expect(leftovers(root)).toEqual([]);
  });
});

// A real full disk: a 1 MB tmpfs (needs root, as in CI containers; skipped elsewhere).
const disk = mkdtempSync(path.join(os.tmpdir(), 'gazette-disk-'));
const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', disk]).status === 0;
afterAll(() => {
  if (mounted) spawnSync('umount', [disk]);
  rmSync(disk, { recursive: true, force: true });
});

describe('the disk fills up while the site is written', () => {
  it.skipIf(!mounted)('an error, the old dist/ intact, and the next build works once there is room', () => {
    const root = makeSite({
      'site.yaml': siteYaml(),
      'content/xuexi/a.md': article({ title: '好文章', date: '2022-03-01 10:00', category: '学习' }),
    });
    roots.push(root);
    // Without the search index, which has a test of its own below.
    const out = path.join(disk, 'dist');
    expect(runBin(['build', '--root', root, '--out', out, '--no-search']).code).toBe(0);
    const before = snapshotDir(out);

    // One page of 1.5 MB does not fit in what is left.
    writeFiles(root, {
      'content/xuexi/big.md': article(
        { title: '大文章', date: '2022-03-02 10:00', category: '学习' },
        '很长的正文。'.repeat(90_000),
      ),
    });
    const outside = snapshotOutside(root);
    const full = runBin(['build', '--root', root, '--out', out, '--no-search']);
    expect(full.code).toBe(1);
    expect(full.stderr.split('\n')).toEqual([
      `${out}: error: cannot write the new site: the disk is full (ENOSPC); free some space on the disk, then build again; the previous site was left as it was`,
      'gazette build: failed with 1 error(s); the previous output was left as it was',
      '',
    ]);
    expect(snapshotDir(out)).toEqual(before);
    expect(spawnSync('ls', ['-A', disk], { encoding: 'utf8' }).stdout.trim()).toBe('dist');
    expect(snapshotOutside(root)).toEqual(outside);

    rmSync(path.join(root, 'content/xuexi/big.md'));
    writeFiles(root, {
      'content/xuexi/b.md': article({ title: '又一篇', date: '2022-03-03 10:00', category: '学习' }),
    });
    const again = runBin(['build', '--root', root, '--out', out, '--no-search']);
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    expect(existsSync(path.join(out, 'xuexi/2022/03/b/index.html'))).toBe(true);
  });
});

// The search index on a full disk: a 2 MB tmpfs of its own, where a site with its index fits twice
// over (the new site is written beside the old one) until a filler takes the room.
const searchDisk = mkdtempSync(path.join(os.tmpdir(), 'gazette-disk-'));
const searchMounted =
  mounted && spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', searchDisk]).status === 0;
afterAll(() => {
  if (searchMounted) spawnSync('umount', [searchDisk]);
  rmSync(searchDisk, { recursive: true, force: true });
});

describe('the disk fills up while the search index is written', () => {
  it.skipIf(!searchMounted)(
    'a plain error and no Pagefind backtrace, the old dist/ intact, and the next build works once there is room',
    () => {
      const root = oneArticleSite();
      const out = path.join(searchDisk, 'dist');
      // In shards from the first article (see src/search/shard-plan.ts): a new period is a new shard.
      const sharded = { GAZETTE_SEARCH_SHARDS_FROM: '1' };
      const first = runBin(['build', '--root', root, '--out', out], sharded);
      expect(first.stderr).toBe('');
      expect(first.code).toBe(0);
      const before = snapshotDir(out);
      const bundle = [...before.entries()].filter(([f]) => f.startsWith('pagefind/'));
      const bundleBytes = bundle.reduce((sum, [, bytes]) => sum + bytes.byteLength, 0);

      // Other words in the body, and a month later: the index is made again, into a new shard (see
      // src/search/shard-plan.ts), none of whose files can be linked from the previous site. Room is
      // left for the pages (they are few, and the unchanged ones are hard links), not for half of the index.
      writeFiles(root, {
        'content/xuexi/a.md': article(
          { title: '好文章', date: '2022-04-01 10:00', category: '学习' },
          '员工返岗率达99%。',
        ),
      });
      const filler = path.join(searchDisk, 'filler');
      const { bavail, bsize } = statfsSync(searchDisk);
      writeFileSync(filler, Buffer.alloc(bavail * bsize - Math.round(bundleBytes / 2)));
      const outside = snapshotOutside(root);
      const full = runBin(['build', '--root', root, '--out', out], sharded);
      expect(full.stderr.split('\n')).toEqual([
        `${out}: error: cannot write the new site: the disk is full (ENOSPC); free some space on the disk, then build again; the previous site was left as it was`,
        'gazette build: failed with 1 error(s); the previous output was left as it was',
        '',
      ]);
      expect(full.code).toBe(1);
      expect(snapshotDir(out)).toEqual(before);
      expect(spawnSync('ls', ['-A', searchDisk], { encoding: 'utf8' }).stdout.split('\n')).toEqual([
        'dist',
        'filler',
        '',
      ]);
      expect(snapshotOutside(root)).toEqual(outside);
      // It was the index that did not fit: the same build without it does.
      const pagesOnly = runBin(['build', '--root', root, '--out', out, '--no-search'], sharded);
      expect(pagesOnly.code).toBe(0);

      rmSync(filler);
      const again = runBin(['build', '--root', root, '--out', out], sharded);
      expect(again.stderr).toBe('');
      expect(again.code).toBe(0);
      expect(existsSync(path.join(out, 'pagefind/pagefind-ui.js'))).toBe(true);
    },
  );
});

describe('Pagefind itself fails', () => {
  it('a Pagefind that panics: its message in one plain error, no backtrace, exit 1, the old dist/ intact', async () => {
    const root = oneArticleSite();
    expect((await runCli(['build', '--root', root])).code).toBe(0);
    const before = snapshotDir(path.join(root, 'dist'));
    writeFiles(root, {
      'content/xuexi/a.md': article(
        { title: '好文章', date: '2022-03-01 10:00', category: '学习' },
        '员工返岗率达99%。',
      ),
    });
    // In place of Pagefind's binary: one that reads the first request, then panics as Rust does.
    const bin = mkdtempSync(path.join(os.tmpdir(), 'gazette-pagefind-'));
    roots.push(bin);
    writeFileSync(
      path.join(bin, 'panic.txt'),
      [
        '',
        "thread 'main' (4242) panicked at pagefind/src/service/mod.rs:88:14:",
        'called `Option::unwrap()` on a `None` value',
        'stack backtrace:',
        '   0: rust_begin_unwind',
        '   1: core::panicking::panic_fmt',
        'note: Some details are omitted, run with `RUST_BACKTRACE=full` for a verbose backtrace.',
        '',
      ].join('\n'),
    );
    const panicking = path.join(bin, 'pagefind_extended');
    writeFileSync(panicking, `#!/bin/sh\nhead -c 1 >/dev/null\ncat '${bin}/panic.txt' >&2\nexit 101\n`, {
      mode: 0o755,
    });
    const run = runBin(['build', '--root', root], { PAGEFIND_EXTENDED_BINARY_PATH: panicking });
    expect(run.stderr.split('\n')).toEqual([
      'search index: error: Pagefind stopped: called `Option::unwrap()` on a `None` value; build with --no-search to skip it',
      'gazette build: failed with 1 error(s); the previous output was left as it was',
      '',
    ]);
    expect(run.code).toBe(1);
    expect(snapshotDir(path.join(root, 'dist'))).toEqual(before);
    expect(leftovers(root)).toEqual([]);

    const again = await runCli(['build', '--root', root]);
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
  });
});

describe('two builds of one site at once', () => {
  it('one refuses with a clear message (or they run one after the other); the output is never mixed', {
    timeout: 120_000,
  }, async () => {
    const root = bigSite(100);
    const builds = [startBuild(root), startBuild(root)];
    const results = await Promise.all(builds.map((b) => b.done));
    const codes = results.map((r) => r.code);
    expect(codes).toContain(0);
    results.forEach((r, i) => {
      if (r.code === 0) {
        expect(r.stderr).toBe('');
      } else {
        expect(r.code).toBe(1);
        // It names the other build.
        expect(withoutCodes(r.stderr.split('\n')[0] ?? '')).toBe(
          lockMessage(builds[1 - i]?.child.pid ?? 0, root),
        );
      }
    });
    console.log(`two builds at once: exit codes ${codes.join(' and ')}`);
    // A complete site: every article's page, every page whole, every link leading somewhere.
    const dist = path.join(root, 'dist');
    for (let i = 1; i <= 100; i++)
      expect(existsSync(path.join(dist, `${i % 3 ? 'xuexi' : 'yaowen'}/2022/03`))).toBe(true);
    const pages = htmlFiles(dist);
    expect(pages.length).toBeGreaterThan(100);
    for (const page of pages) expect(readFileSync(page, 'utf8').endsWith('</html>\n')).toBe(true);
    expect(brokenLinks(dist)).toEqual([]);
    expect(leftovers(root)).toEqual([]);
  });

  it('a lock held by a running process: the build refuses and touches nothing', async () => {
    const root = bigSite(3);
    expect((await runCli(['build', '--root', root])).code).toBe(0);
    const before = snapshotDir(path.join(root, 'dist'));
    // A process that runs stands in for a build that is still writing.
    const owner = spawn('sleep', ['60']);
    const lock = path.join(root, '.dist.gazette-lock');
    writeFileSync(lock, `${owner.pid}\n`);
    try {
      const run = await runCli(['build', '--root', root]);
      expect(run.code).toBe(1);
      expect(run.stderr.split('\n')).toEqual([lockMessage(owner.pid ?? 0, root), FAILED_LINE]);
      expect(snapshotDir(path.join(root, 'dist'))).toEqual(before);
      expect(readFileSync(lock, 'utf8')).toBe(`${owner.pid}\n`);
    } finally {
      owner.kill();
    }
  });

  it.each([
    ['a process that has ended', () => String(spawnSync(process.execPath, ['-e', '']).pid)],
    ['garbage', () => 'not a pid'],
    ['nothing (an empty file)', () => ''],
  ])('a stale lock naming %s is taken over', async (_name, owner) => {
    const root = bigSite(3);
    writeFileSync(path.join(root, '.dist.gazette-lock'), `${owner()}\n`);
    const run = await runCli(['build', '--root', root]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(leftovers(root)).toEqual([]);
  });
});

describe('the build cache is damaged or from another gazette', () => {
  const cache = (root: string) => path.join(root, '.cache', 'gazette');
  const manifest = (root: string) => path.join(cache(root), 'manifest.json');
  const packs = (root: string) =>
    readdirSync(path.join(cache(root), 'bodies'), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.pack'))
      .map((f) => path.join(cache(root), 'bodies', f));
  /** Makes every page render again while every article stays cached: their bodies are read back. */
  const editTemplate = (root: string) =>
    writeFiles(root, {
      'templates/article.njk': readFileSync(path.join(REPO, 'templates/article.njk'), 'utf8').replace(
        '</article>',
        '</article><!-- 改版 -->',
      ),
    });
  /** Overwrites bytes `from`–`to` of `file` with `byte`: damage that keeps the length. */
  const spoil = (file: string, from: number, to: number, byte: number) => {
    const bytes = readFileSync(file);
    bytes.fill(byte, from, to);
    writeFileSync(file, bytes);
  };
  const rewriteManifest = (root: string, edit: (m: Record<string, unknown>) => void) => {
    const text = readFileSync(manifest(root), 'utf8');
    const m = JSON.parse(text.slice(text.indexOf('\n') + 1));
    edit(m);
    const body = JSON.stringify(m);
    writeFileSync(manifest(root), `${createHash('sha1').update(body).digest('hex')}\n${body}`);
  };

  it('a pack deleted while worker threads render: noticed there too, the same site', async () => {
    const root = bigSite(6);
    expect((await runCli(['build', '--root', root, '--no-search', '--jobs', '2'])).code).toBe(0);
    editTemplate(root);
    for (const p of packs(root)) rmSync(p);
    const run = await runCli(['build', '--root', root, '--no-search', '--jobs', '2']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^note: the build cache was not used \(.*lost or damaged an article body.*\)/);
    const clean = path.join(root, 'clean');
    expect((await runCli(['build', '--root', root, '--no-search', '--no-cache', '--out', clean])).code).toBe(
      0,
    );
    expect(snapshotDir(path.join(root, 'dist'))).toEqual(snapshotDir(clean));
  });

  it.each<[string, (root: string) => void, RegExp]>([
    [
      'garbage instead of the manifest',
      (r) => writeFileSync(manifest(r), 'ceci n’est pas un manifeste'),
      /damaged/,
    ],
    [
      'a half-written manifest',
      (r) => writeFileSync(manifest(r), readFileSync(manifest(r)).subarray(0, 200)),
      /damaged/,
    ],
    [
      'a manifest of another gazette version',
      (r) => rewriteManifest(r, (m) => Object.assign(m, { tool: 'gazette 0.0.1' })),
      /another version of gazette/,
    ],
    [
      'a manifest of an older format',
      (r) => rewriteManifest(r, (m) => Object.assign(m, { format: 0 })),
      /another version of gazette/,
    ],
    [
      'details.json deleted',
      (r) => {
        editTemplate(r);
        rmSync(path.join(cache(r), 'details.json'));
      },
      /lost or damaged its details/,
    ],
    [
      'details.json damaged',
      (r) => {
        writeFiles(r, {
          'content/xuexi/a1.md': `${readFileSync(path.join(r, 'content/xuexi/a1.md'), 'utf8')}\n补充。\n`,
        });
        spoil(path.join(cache(r), 'details.json'), 100, 120, 0x20);
      },
      /lost or damaged its details/,
    ],
    [
      'a pack of article bodies deleted',
      (r) => {
        editTemplate(r);
        for (const p of packs(r)) rmSync(p);
      },
      /lost or damaged an article body/,
    ],
    [
      'a pack cut short',
      (r) => {
        editTemplate(r);
        for (const p of packs(r)) writeFileSync(p, readFileSync(p).subarray(0, 100));
      },
      /lost or damaged an article body/,
    ],
    [
      'a pack with bytes changed, same length',
      (r) => {
        editTemplate(r);
        for (const p of packs(r)) spoil(p, 50, 60, 0x41);
      },
      /lost or damaged an article body/,
    ],
  ])('%s: noticed, thrown away, everything built anew, the same site', async (_name, damage, why) => {
    const root = bigSite(6);
    expect((await runCli(['build', '--root', root, '--no-search'])).code).toBe(0);
    damage(root);
    const run = await runCli(['build', '--root', root, '--no-search']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(
      new RegExp(`^note: the build cache was not used \\(.*${why.source}.*\\); everything was built anew$`),
    );
    const clean = await runCli([
      'build',
      '--root',
      root,
      '--no-search',
      '--no-cache',
      '--out',
      path.join(root, 'clean'),
    ]);
    expect(clean.code).toBe(0);
    expect(snapshotDir(path.join(root, 'dist'))).toEqual(snapshotDir(path.join(root, 'clean')));
    // And the cache made anew works: the next build finds nothing to do.
    await new Promise((r) => setTimeout(r, 100));
    expect((await runCli(['build', '--root', root, '--no-search'])).stdout).toMatch(/^(up to date|built)/);
  });

  it.each<[string, (root: string) => void]>([
    ['details-patch.json deleted', (r) => rmSync(path.join(cache(r), 'details-patch.json'))],
    ['details-patch.json damaged', (r) => spoil(path.join(cache(r), 'details-patch.json'), 10, 20, 0x20)],
    [
      'details.json, the base the patch applies to, damaged',
      (r) => spoil(path.join(cache(r), 'details.json'), 100, 120, 0x20),
    ],
  ])(
    'the details written as a patch after a text edit, %s: noticed, the same site',
    async (_name, damage) => {
      const root = bigSite(6);
      const a1 = path.join(root, 'content/xuexi/a1.md');
      const edit = (n: number) =>
        writeFiles(root, { 'content/xuexi/a1.md': `${readFileSync(a1, 'utf8')}\n补充${n}。\n` });
      expect((await runCli(['build', '--root', root, '--no-search'])).code).toBe(0);
      edit(1);
      expect((await runCli(['build', '--root', root, '--no-search'])).code).toBe(0);
      // Only the patch was written: the base stays as the first build left it.
      expect(existsSync(path.join(cache(root), 'details-patch.json'))).toBe(true);
      edit(2);
      expect((await runCli(['build', '--root', root, '--no-search'])).stderr).toBe('');
      damage(root);
      edit(3);
      const run = await runCli(['build', '--root', root, '--no-search']);
      expect(run.code).toBe(0);
      expect(run.stderr).toMatch(/^note: the build cache was not used \(.*lost or damaged its details.*\)/);
      const clean = path.join(root, 'clean');
      expect(
        (await runCli(['build', '--root', root, '--no-search', '--no-cache', '--out', clean])).code,
      ).toBe(0);
      expect(snapshotDir(path.join(root, 'dist'))).toEqual(snapshotDir(clean));
    },
  );
});

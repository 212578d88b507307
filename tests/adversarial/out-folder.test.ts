import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { GazetteError } from '../../src/errors/diagnostic.js';
import { CATALOG } from '../../src/messages/catalog.js';
import { outputPlaceProblem } from '../../src/output/output-place.js';
import { THEME_PUBLIC, THEME_TEMPLATES } from '../../src/paths.js';
import { buildsOk, GOOD, leftovers, siteFactory, snapshotOutside } from '../helpers/adversarial.js';
import { article, removeSite, runCli, siteYaml, snapshotDir, writeFiles } from '../helpers/site.js';

const sites = siteFactory();
const folders: string[] = [];
afterEach(() => {
  sites.cleanup();
  for (const f of folders.splice(0)) removeSite(f);
});

/** A throw-away folder outside any site. */
function tempFolder(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gazette-out-'));
  folders.push(dir);
  return dir;
}

/** A site with sources in every folder a site may have: content/, public/ and templates/. */
const SOURCES = {
  'public/files/note.txt': '附件\n',
  'templates/unused.njk': '<p>未用的模板</p>\n',
};

/** Every entry of a folder, for "nothing was touched" (see snapshotOutside), without leaving any out. */
const everything = (dir: string) => snapshotOutside(dir, '');

describe('--out may be neither the site nor any of its sources (issue 15, fault 1)', () => {
  // Each case: the --out given, for a site at `root`; what the message must say.
  const cases: Array<[string, (root: string) => string, RegExp]> = [
    ['the site folder', (r) => r, /is the site's folder/],
    ['the site folder with a trailing slash', (r) => `${r}/`, /is the site's folder/],
    ['the site folder as dist/..', (r) => `${r}/dist/..`, /is the site's folder/],
    ['content/', (r) => path.join(r, 'content'), /is the site's content folder/],
    ['content/ with a trailing slash', (r) => `${r}/content/`, /is the site's content folder/],
    ['content/ reached through dist/..', (r) => `${r}/dist/../content`, /is the site's content folder/],
    ['a folder of content/', (r) => path.join(r, 'content/xuexi'), /is inside the site's content folder/],
    ['a new folder inside content/', (r) => path.join(r, 'content/dist'), /is inside the site's content/],
    ['public/', (r) => path.join(r, 'public'), /is the site's public folder/],
    ['a folder of public/', (r) => path.join(r, 'public/files'), /is inside the site's public folder/],
    ['templates/', (r) => path.join(r, 'templates'), /is the site's templates folder/],
    ['site.yaml', (r) => path.join(r, 'site.yaml'), /is the site's site\.yaml/],
    ['the build cache', (r) => path.join(r, '.cache/gazette'), /is the site's build cache/],
    ['the folder of the build cache', (r) => path.join(r, '.cache'), /holds the site's build cache/],
    [
      'a link to content/',
      (r) => {
        symlinkSync(path.join(r, 'content'), path.join(r, 'www'));
        return path.join(r, 'www');
      },
      /is the site's content folder/,
    ],
    [
      'a folder inside a link to content/',
      (r) => {
        symlinkSync('content', path.join(r, 'www'));
        return path.join(r, 'www/new');
      },
      /is inside the site's content folder/,
    ],
  ];

  it.each(cases)('%s: exit 2, and the sources and dist/ stay as they were', async (_, outOf, message) => {
    const root = sites.make(SOURCES);
    await buildsOk(root, ['--no-search']);
    const dist = snapshotDir(path.join(root, 'dist'));
    const out = outOf(root);
    const outside = everything(root);

    const run = await runCli(['build', '--root', root, '--out', out, '--no-search']);

    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/^gazette build: the output folder \/.+; choose a folder of its own/);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.split('\n')).toHaveLength(1);
    expect(everything(root)).toEqual(outside);
    expect(snapshotDir(path.join(root, 'dist'))).toEqual(dist);
  });

  it('a folder that holds the site: exit 2, and nothing in or beside the site is touched', async () => {
    const outer = tempFolder();
    const root = path.join(outer, 'site');
    writeFiles(root, { 'site.yaml': siteYaml(), 'content/xuexi/good.md': GOOD, ...SOURCES });
    await buildsOk(root, ['--no-search']);
    const before = everything(outer);

    const run = await runCli(['build', '--root', root, '--out', outer, '--no-search']);

    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/^gazette build: the output folder \/.+ holds the site's folder/);
    expect(everything(outer)).toEqual(before);
    expect(readdirSync(path.dirname(outer)).filter((n) => n.startsWith(`.${path.basename(outer)}.`))).toEqual(
      [],
    );
  });

  it('a site whose templates/ does not exist yet: it is still no output folder', async () => {
    const root = sites.make();
    await buildsOk(root, ['--no-search']);
    const outside = everything(root);

    const run = await runCli(['build', '--root', root, '--out', path.join(root, 'templates'), '--no-search']);

    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/is the site's templates folder/);
    expect(everything(root)).toEqual(outside);
  });

  it('a folder that holds content/, which is a link to elsewhere: exit 2, the articles stay', async () => {
    const elsewhere = tempFolder();
    writeFiles(elsewhere, { 'articles/xuexi/good.md': GOOD });
    const root = sites.make();
    removeSite(path.join(root, 'content'));
    symlinkSync(path.join(elsewhere, 'articles'), path.join(root, 'content'));
    await buildsOk(root, ['--no-search']);
    const before = everything(elsewhere);

    const run = await runCli(['build', '--root', root, '--out', elsewhere, '--no-search']);

    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/holds the site's content folder/);
    expect(everything(elsewhere)).toEqual(before);
  });

  it.each([
    ['templates', THEME_TEMPLATES, /is gazette's built-in templates folder/],
    ['public', THEME_PUBLIC, /is gazette's built-in public folder/],
    ['a folder of its public', path.join(THEME_PUBLIC, 'css'), /is inside gazette's built-in public folder/],
  ])(
    "gazette's own (the built-in theme's) %s: exit 2, the theme stays as it was",
    async (_, out, message) => {
      const root = sites.make();
      const theme = [snapshotDir(THEME_TEMPLATES), snapshotDir(THEME_PUBLIC)];

      const run = await runCli(['build', '--root', root, '--out', out, '--no-search']);

      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toMatch(message);
      expect([snapshotDir(THEME_TEMPLATES), snapshotDir(THEME_PUBLIC)]).toEqual(theme);
      expect(readdirSync(path.dirname(path.resolve(out))).filter((n) => n.includes('.gazette-'))).toEqual([]);
    },
  );

  it('a program that calls build() with such a folder gets an error, and nothing is touched', async () => {
    const root = sites.make(SOURCES);
    await buildsOk(root, ['--no-search']);
    const outside = everything(root);

    const built = build({ root, out: path.join(root, 'content'), search: false });

    await expect(built).rejects.toBeInstanceOf(GazetteError);
    await expect(built).rejects.toThrow(
      /is the site's content folder: a build replaces its output folder whole/,
    );
    expect(everything(root)).toEqual(outside);
  });

  it('a folder beside the sources (dist/, or any other) is still fine', async () => {
    const root = sites.make(SOURCES);
    await buildsOk(root, ['--no-search', '--out', path.join(root, 'site-out')]);
    expect(existsSync(path.join(root, 'site-out/index.html'))).toBe(true);
  });

  it('gazette dev takes no output folder and writes nothing: --out is refused before serving', async () => {
    const root = sites.make(SOURCES);
    const outside = everything(root);

    const run = await runCli(['dev', '--root', root, '--port', '0', '--out', path.join(root, 'content')]);

    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^gazette dev: Unknown option '--out'/);
    expect(run.stdout).not.toMatch(/serving/);
    expect(everything(root)).toEqual(outside);
  });
});

describe('the rule itself, over real paths (for every command that writes an output folder)', () => {
  const place = (out: string) => ({
    out,
    root: '/s',
    kept: [
      { kind: 'site' as const, path: '/s' },
      { kind: 'content' as const, path: '/s/content' },
      { kind: 'theme public' as const, path: '/g/public' },
    ],
  });
  it.each([
    ['/', "holds the site's folder (/s)"],
    ['/s', "is the site's folder"],
    ['/s/content/a', "is inside the site's content folder (/s/content)"],
    ['/g', "holds gazette's built-in public folder (/g/public)"],
  ])('%s: refused', (out, says) => {
    const values = outputPlaceProblem(place(out));
    expect(values && CATALOG.GZ0511.en(values)).toEqual({
      message: `the output folder ${out} ${says}: a build replaces its output folder whole`,
      hint: 'choose a folder of its own, such as /s/dist',
    });
  });
  it.each(['/s/dist', '/s/contents', '/s/content-out', '/g/public2', '/t'])('%s: fine', (out) => {
    expect(outputPlaceProblem(place(out))).toBeUndefined();
  });
});

describe('an output folder that is a symlink stays one: the folder it points to is replaced (fault 8)', () => {
  /** A web root `www/` with the old site in `real/` and `site` linking to it (`target` as written). */
  function webRoot(target: (www: string) => string = () => 'real') {
    const www = tempFolder();
    writeFiles(www, { 'real/old.html': '<p>旧网站</p>\n' });
    const site = path.join(www, 'site');
    symlinkSync(target(www), site);
    return { www, site, real: path.join(www, 'real') };
  }

  it.each([
    ['a relative link', () => 'real'],
    ['an absolute link', (www: string) => path.join(www, 'real')],
  ])('%s: kept, and the site it points to is the new one, build after build', async (_, target) => {
    const root = sites.make();
    const { www, site, real } = webRoot(target);
    const link = readlinkSync(site);

    await buildsOk(root, ['--no-search', '--out', site]);

    expect(lstatSync(site).isSymbolicLink()).toBe(true);
    expect(readlinkSync(site)).toBe(link);
    expect(existsSync(path.join(real, 'old.html'))).toBe(false);
    expect(readFileSync(path.join(real, 'index.html'), 'utf8')).toContain('好文章');

    writeFiles(root, { 'content/xuexi/good.md': GOOD.replace('好文章', '改过的标题') });
    await buildsOk(root, ['--no-search', '--out', site]);

    expect(lstatSync(site).isSymbolicLink()).toBe(true);
    expect(readlinkSync(site)).toBe(link);
    expect(readFileSync(path.join(site, 'index.html'), 'utf8')).toContain('改过的标题');
    // Only the link, the site and the build's scratch beside it: the spare for the next build, and
    // what a detached `rm` may still be deleting.
    expect(
      readdirSync(www)
        .filter((n) => !n.startsWith('.real.gazette-trash-'))
        .sort(),
    ).toEqual(['.real.gazette-spare', 'real', 'site']);
  });

  it('a link to a folder that does not exist yet: kept, and the site is built there', async () => {
    const root = sites.make();
    const www = tempFolder();
    const site = path.join(www, 'site');
    symlinkSync('releases/current', site);

    await buildsOk(root, ['--no-search', '--out', site]);

    expect(lstatSync(site).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(www, 'releases/current/index.html'), 'utf8')).toContain('好文章');
  });

  it('the default dist/ as a link elsewhere: kept too', async () => {
    const root = sites.make();
    const { real } = webRoot();
    symlinkSync(real, path.join(root, 'dist'));

    await buildsOk(root, ['--no-search']);
    await buildsOk(root, ['--no-search', '--no-cache']);

    expect(lstatSync(path.join(root, 'dist')).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(real, 'index.html'), 'utf8')).toContain('好文章');
    expect(existsSync(path.join(real, 'old.html'))).toBe(false);
  });

  it('a failed build leaves the link and the site it points to as they were', async () => {
    const root = sites.make();
    const { site, real } = webRoot();
    await buildsOk(root, ['--no-search', '--out', site]);
    const before = snapshotDir(real);
    writeFiles(root, {
      'content/xuexi/bad.md': article({ title: '坏', date: '2022-02-30 10:00', category: '学习' }),
    });

    const run = await runCli(['build', '--root', root, '--no-search', '--out', site]);

    expect(run.code, run.stderr).toBe(1);
    expect(lstatSync(site).isSymbolicLink()).toBe(true);
    expect(snapshotDir(real)).toEqual(before);
  });
});

describe('what taking the build lock leaves when killed is cleaned by the next build (fault 10a)', () => {
  /** The pid of a process that has ended. */
  const deadPid = (): number => {
    const child = spawnSync(process.execPath, ['-e', '']);
    return child.pid as number;
  };

  it("a lock's temporary file, and one moved aside, of a dead process are removed", async () => {
    const root = sites.make();
    const pid = deadPid();
    const names = [`.dist.gazette-lock.${pid}.k3j2h1x`, `.dist.gazette-lock.stale.${pid}`];
    for (const n of names) writeFileSync(path.join(root, n), `${pid} 12345\n`);

    await buildsOk(root, ['--no-search']);

    for (const n of names) expect(existsSync(path.join(root, n)), n).toBe(false);
    expect(readFileSync(path.join(root, 'dist/index.html'), 'utf8')).toContain('好文章');
  });

  it('those of a process that still runs are left alone (it may be taking the lock right now)', async () => {
    const root = sites.make();
    const alive = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      const name = `.dist.gazette-lock.${alive.pid}.k3j2h1x`;
      writeFileSync(path.join(root, name), `${alive.pid}\n`);

      const run = await runCli(['build', '--root', root, '--no-search']);

      expect(run.code, run.stderr).toBe(0);
      expect(existsSync(path.join(root, name))).toBe(true);
      expect(leftovers(root)).toEqual([name]);
    } finally {
      alive.kill();
    }
  });

  it('a leftover beside a folder that is not the output is none of its business', async () => {
    const root = sites.make();
    const pid = deadPid();
    mkdirSync(path.join(root, 'other'));
    const name = `.other.gazette-lock.${pid}.k3j2h1x`;
    writeFileSync(path.join(root, name), `${pid}\n`);

    await buildsOk(root, ['--no-search']);

    expect(existsSync(path.join(root, name))).toBe(true);
  });
});

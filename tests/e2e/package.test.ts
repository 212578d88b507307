import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { article, REPO, siteYaml, writeFiles } from '../helpers/site.js';

// gazette as a news office gets it: `npm pack` of the repository, installed from the tarball into an
// empty folder, each command run there with npx. Slow (a compile and an install): one pack for all.

/** What a fresh clone has: the repository less what .gitignore keeps out of it (lib/ above all). */
const NOT_IN_A_CLONE = new Set([
  '.git',
  'node_modules',
  'lib',
  'dist',
  '.cache',
  'test-results',
  'test-artifacts',
]);

let work: string;
let office: string;
let tarball: string;
let entries: string[];

/**
 * The environment of a user's shell: none of the npm_* settings that `npm test` passes down, and not
 * this repository's node_modules/.bin on the PATH.
 */
const userEnv = (): NodeJS.ProcessEnv => ({
  ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_'))),
  PATH: (process.env.PATH ?? '')
    .split(path.delimiter)
    .filter((dir) => !dir.startsWith(REPO))
    .join(path.delimiter),
});

const run = (command: string, args: string[], cwd: string) => {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', env: userEnv() });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
};
const gazette = (...args: string[]) => run('npx', ['gazette', ...args], office);

beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'gazette-package-'));
  const clone = path.join(work, 'clone');
  cpSync(REPO, clone, { recursive: true, filter: (from) => !NOT_IN_A_CLONE.has(path.relative(REPO, from)) });
  // The repository's own dependencies, as after `npm ci` (prepack compiles with its TypeScript).
  symlinkSync(path.join(REPO, 'node_modules'), path.join(clone, 'node_modules'));
  // A compiled file whose source is gone: a pack must not ship it.
  writeFiles(clone, { 'lib/left-over.js': 'export {};\n' });

  const pack = run('npm', ['pack', '--json', '--pack-destination', work], clone);
  if (pack.code !== 0) throw new Error(`npm pack failed:\n${pack.stderr}`);
  const [info] = JSON.parse(pack.stdout) as [{ filename: string }];
  tarball = path.join(work, info.filename);
  entries = run('tar', ['tzf', tarball], work).stdout.trim().split('\n');

  office = path.join(work, 'office');
  mkdirSync(office);
  // As the README says: so that npm installs here, whatever folder above has a package.json.
  const init = run('npm', ['init', '-y'], office);
  if (init.code !== 0) throw new Error(`npm init failed:\n${init.stderr}`);
  const install = run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], office);
  if (install.code !== 0) throw new Error(`npm install of the tarball failed:\n${install.stderr}`);
  writeFiles(office, {
    'site.yaml': siteYaml(),
    'content/xuexi/a.md': article({ title: '安装后的第一篇', date: '2022-03-01 10:00', category: '学习' }),
  });
}, 240_000);
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the tarball of `npm pack`', () => {
  it('holds the compiled code, the built-in theme and the editors’ guide, and no tests, bench or sample', () => {
    for (const file of [
      'bin/gazette.js',
      'lib/cli/main.js',
      'lib/workers/build-worker.js',
      'lib/search/pagefind-child.js',
      'templates/base.njk',
      'templates/partials/header.njk',
      'public/assets/site.css',
      'docs/编辑指南.md',
      'README.md',
      'package.json',
    ])
      expect(entries).toContain(`package/${file}`);
    const outside = entries.filter((e) =>
      /^package\/(tests|bench|src|content|\.ci|\.github)\/|^package\/site\.yaml$|\.map$|^package\/lib\/left-over\.js$/.test(
        e,
      ),
    );
    expect(outside).toEqual([]);
  });

  it('installs with nothing to compile: no TypeScript in the office’s node_modules', () => {
    expect(existsSync(path.join(office, 'node_modules', 'gazette', 'lib', 'cli', 'main.js'))).toBe(true);
    expect(existsSync(path.join(office, 'node_modules', 'typescript'))).toBe(false);
  });
});

// Each command goes through npx, which takes seconds on a loaded machine.
describe('installed from the tarball into an empty folder', { timeout: 60_000 }, () => {
  it('npx gazette --help', () => {
    const r = gazette('--help');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: gazette <command>');
  });

  it('npx gazette build: the site, with the built-in theme from the package and a search index', () => {
    const r = gazette('build', '-q');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const dist = path.join(office, 'dist');
    expect(readFileSync(path.join(dist, 'xuexi/2022/03/a/index.html'), 'utf8')).toContain('安装后的第一篇');
    expect(readFileSync(path.join(dist, 'assets/site.css'))).toEqual(
      readFileSync(path.join(REPO, 'public/assets/site.css')),
    );
    expect(readdirSync(path.join(dist, 'pagefind'))).toContain('pagefind.js');
  });

  it('npx gazette check', () => {
    const r = gazette('check');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^check: 0 errors, 0 warnings in 1 article, /m);
  });

  it('npx gazette new', () => {
    const r = gazette('new', '新的文章', '--category', '学习', '--slug', 'xin');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const made = readdirSync(path.join(office, 'content/xuexi')).filter((f) => f.endsWith('-xin.md'));
    expect(made).toHaveLength(1);
    expect(readFileSync(path.join(office, 'content/xuexi', made[0] as string), 'utf8')).toContain(
      'title: 新的文章',
    );
  });

  it('npx gazette dev serves the site, and stops on Ctrl-C', async () => {
    // Its own process group, which Ctrl-C in a terminal signals whole (npm exec, sh, node).
    const dev = spawn('npx', ['gazette', 'dev', '--port', '0'], {
      cwd: office,
      env: userEnv(),
      detached: true,
    });
    try {
      const url = await servingUrl(dev);
      const home = await fetch(url);
      expect(home.status).toBe(200);
      expect(await home.text()).toContain('安装后的第一篇');
      process.kill(-(dev.pid as number), 'SIGINT');
      await new Promise((resolve) => dev.once('exit', resolve));
      await expect(fetch(url)).rejects.toThrow();
    } finally {
      if (dev.exitCode === null && dev.signalCode === null) process.kill(-(dev.pid as number), 'SIGKILL');
    }
  });
});

/** The address the dev server prints once it serves (`gazette dev: serving … at http://…/`). */
function servingUrl(dev: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    dev.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /serving .* at (http:\/\/\S+)/.exec(out)?.[1];
      if (url) resolve(url);
    });
    dev.once('exit', (code) => reject(new Error(`gazette dev exited with ${code}:\n${out}`)));
  });
}

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
import { parse as parseHtml } from 'node-html-parser';
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
      'lib/gazette.js',
      'lib/gazette-licenses.txt',
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
      /^package\/(tests|bench|scripts|src|content|\.ci|\.github)\/|^package\/site\.yaml$|\.map$|^package\/lib\/left-over\.js$/.test(
        e,
      ),
    );
    expect(outside).toEqual([]);
  });

  it('installs with nothing to compile: no TypeScript in the office’s node_modules', () => {
    expect(existsSync(path.join(office, 'node_modules', 'gazette', 'lib', 'cli', 'main.js'))).toBe(true);
    expect(existsSync(path.join(office, 'node_modules', 'typescript'))).toBe(false);
  });

  it('carries the licences of the packages its bundled command line holds', () => {
    const licences = readFileSync(path.join(office, 'node_modules/gazette/lib/gazette-licenses.txt'), 'utf8');
    const bundled = [...licences.matchAll(/^(\S+) (\d+\.\d+\.\d+\S*) \((.+)\)$/gm)];
    const names = bundled.map((m) => m[1]);
    for (const name of ['markdown-it', 'nunjucks', 'zod', 'yaml', 'luxon', 'gray-matter'])
      expect(names).toContain(name);
    // Left outside the bundle, loaded from node_modules (see scripts/bundle-cli.mjs).
    for (const name of ['pinyin-pro', 'piscina', 'pagefind', 'chokidar']) expect(names).not.toContain(name);
    expect(bundled.filter((m) => m[3] === 'undefined')).toEqual([]);
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
    const r = gazette('new', '新的文章', '--category', '学习', '--slug', 'xin', '--lang', 'zh-CN');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const made = readdirSync(path.join(office, 'content/xuexi')).filter((f) => f.endsWith('-xin.md'));
    expect(made).toHaveLength(1);
    // A draft; the folder has no build script, so gazette runs there through npx.
    expect(r.stdout).toContain(
      `已创建 content/xuexi/${made[0]}（草稿，不会发布）。写好正文后，删除 draft: true 这一行，再运行 npx gazette build 即可发布。`,
    );
    expect(readFileSync(path.join(office, 'content/xuexi', made[0] as string), 'utf8')).toContain(
      'title: 新的文章',
    );
  });

  it('npx gazette dev serves the site, and stops on Ctrl-C', async () => {
    const home = await servedUntilCtrlC(['npx', 'gazette', 'dev', '--port', '0'], office, '');
    expect(home.status).toBe(200);
    expect(home.text).toContain('安装后的第一篇');
  });
});

// Issue 16's "done when", as a news office goes through it with the tarball: a new site made by
// init, installed from the copy of the tarball it carries, built, checked, and an article written
// with `npm run new`, published only once it is written and no draft. One test: each step needs
// the one before.
describe('a new site from npx gazette init, with the npm scripts it writes', () => {
  it('installs, builds, checks, and publishes a new article only once it is written', {
    timeout: 240_000,
  }, async () => {
    const init = gazette(
      'init',
      'portal',
      '--title',
      '金华新闻网',
      '--base-url',
      'https://news.jinhua.example.cn/',
      '--category',
      '要闻:yaowen',
      '--category',
      '通知公告:tzgg',
      '--source',
      '金华市人民政府',
    );
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
    const portal = path.join(office, 'portal');
    const npm = (...args: string[]) => run('npm', args, portal);
    const read = (rel: string) => readFileSync(path.join(portal, rel), 'utf8');

    // gazette as the office installed it: a copy of its tarball in vendor/, installed from there.
    const pinned = `vendor/${path.basename(tarball)}`;
    expect(JSON.parse(read('package.json')).dependencies).toEqual({ gazette: `file:${pinned}` });
    expect(readFileSync(path.join(portal, pinned))).toEqual(readFileSync(tarball));
    const install = npm('install', '--prefer-offline', '--no-audit', '--no-fund');
    expect(install.stderr).not.toMatch(/npm (error|ERR!)/);
    expect(install.code).toBe(0);
    expect(existsSync(path.join(portal, 'node_modules/gazette/lib/cli/main.js'))).toBe(true);
    expect(JSON.parse(read('package-lock.json')).packages['node_modules/gazette'].resolved).toBe(
      `file:${pinned}`,
    );

    // The site as init made it: the home page and the example article, published.
    const build = npm('run', 'build');
    expect(build.code).toBe(0);
    expect(build.stdout).not.toContain('not published');
    expect(read('dist/index.html')).toContain('金华新闻网正式上线运行');
    const [example] = readdirSync(path.join(portal, 'content/yaowen'));
    const [, yyyy, mm] = /^(\d{4})-(\d{2})-\d{2}-wangzhan-shangxian\.md$/.exec(example as string) ?? [];
    const page = parseHtml(read(`dist/yaowen/${yyyy}/${mm}/wangzhan-shangxian/index.html`));
    expect(page.querySelector('h1.article-title')?.text).toBe('金华新闻网正式上线运行');
    expect(page.querySelector('nav.breadcrumb')?.text).toBe('您当前的位置：首页 > 要闻 > 正文');
    expect(page.querySelector('.meta-source')?.text).toBe('来源：金华市人民政府');

    const check = npm('run', 'check');
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/^check: 0 errors, 0 warnings in 1 article, /m);

    // A new article: a draft, which the build names and leaves out.
    const made = npm('run', 'new', '--', '我市召开安全生产工作会议', '--category', '要闻', '--lang', 'zh-CN');
    expect(made.code).toBe(0);
    const rel = /已创建 (content\/yaowen\/\S+?\.md)（草稿，不会发布）。/.exec(made.stdout)?.[1] as string;
    expect(rel).toMatch(
      /^content\/yaowen\/\d{4}-\d{2}-\d{2}-wo-shi-zhao-kai-an-quan-sheng-chan-gong-zuo-hui-yi\.md$/,
    );
    expect(made.stdout).toContain('写好正文后，删除 draft: true 这一行，再运行 npm run build 即可发布。');
    const [, y, m, slug] = /^content\/yaowen\/(\d{4})-(\d{2})-\d{2}-(.+)\.md$/.exec(rel) ?? [];
    const articlePage = `dist/yaowen/${y}/${m}/${slug}/index.html`;
    const drafted = npm('run', 'build');
    expect(drafted.code).toBe(0);
    expect(drafted.stdout).toContain(`not published (draft: true): ${rel}`);
    expect(drafted.stdout).toMatch(/\(skipped 1 draft\(s\)\)/);
    expect(existsSync(path.join(portal, articlePage))).toBe(false);

    // draft: true deleted, the placeholder still there: refused at it, dist/ as it was.
    const text = read(rel);
    writeFiles(portal, { [rel]: text.replace('draft: true\n', '') });
    const unwritten = npm('run', 'build');
    expect(unwritten.code).toBe(1);
    expect(unwritten.stderr).toContain(
      `${rel}:11:1: error: the text still holds the placeholder "在这里写正文。" that gazette new wrote; write the article's text in its place`,
    );
    expect(existsSync(path.join(portal, articlePage))).toBe(false);

    // Written: published.
    writeFiles(portal, {
      [rel]: text.replace('draft: true\n', '').replace('在这里写正文。', '会议部署了全市安全生产重点工作。'),
    });
    const published = npm('run', 'build');
    expect(published.code).toBe(0);
    expect(published.stdout).not.toContain('not published');
    const article = parseHtml(read(articlePage));
    expect(article.querySelector('h1.article-title')?.text).toBe('我市召开安全生产工作会议');
    expect(article.querySelector('.article-body')?.text).toContain('会议部署了全市安全生产重点工作。');

    // The preview serves it, and stops on Ctrl-C.
    const served = await servedUntilCtrlC(
      ['npm', 'run', 'dev', '--', '--port', '0'],
      portal,
      `yaowen/${y}/${m}/${slug}/`,
    );
    expect(served.status).toBe(200);
    expect(served.text).toContain('会议部署了全市安全生产重点工作。');

    // Publishing from GitHub: the build cache kept between runs, and never gazette's own tests.
    const workflow = read('.github/workflows/publish.yml');
    expect(workflow).toMatch(/uses: actions\/cache@v4\n\s+with:\n\s+path: \|\n\s+\.cache\/\n/);
    expect(workflow).toContain('run: npm run build');
    expect(workflow).not.toMatch(/npm test|npm run test|vitest/);
  });
});

/**
 * Starts a dev server with `command` in `cwd`, fetches `page` (relative to its address) once it
 * serves, then stops it as Ctrl-C in a terminal does and checks that it no longer answers.
 */
async function servedUntilCtrlC(command: string[], cwd: string, page: string) {
  const [program, ...args] = command as [string, ...string[]];
  // Its own process group, which Ctrl-C in a terminal signals whole (npm, sh, node).
  const dev = spawn(program, args, { cwd, env: userEnv(), detached: true });
  try {
    const url = await servingUrl(dev);
    const response = await fetch(new URL(page, url));
    const served = { status: response.status, text: await response.text() };
    process.kill(-(dev.pid as number), 'SIGINT');
    await new Promise((resolve) => dev.once('exit', resolve));
    await expect(fetch(url)).rejects.toThrow();
    return served;
  } finally {
    if (dev.exitCode === null && dev.signalCode === null) process.kill(-(dev.pid as number), 'SIGKILL');
  }
}

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

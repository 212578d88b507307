import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = path.join(REPO, 'bin', 'gazette.js');

/** A throw-away site folder: files given as relative path → text (or bytes). */
export function makeSite(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'gazette-test-'));
  writeFiles(root, files);
  return root;
}

export function writeFiles(root: string, files: Record<string, string | Uint8Array>): void {
  for (const [rel, data] of Object.entries(files)) {
    const full = path.join(root, rel);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, data);
  }
}

export const removeSite = (root: string) => rmSync(root, { recursive: true, force: true });

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * The tests of gazette's logic assert its English words, which were written before every
 * diagnostic got its code (` [GZ0201]` at the end of the line): they read the lines without it.
 * The codes themselves are asserted by tests/unit/messages.test.ts and tests/e2e/messages-zh.test.ts,
 * which use `runCliWithCodes`.
 */
export const withoutCodes = (text: string): string => text.replace(/ \[GZ\d{4}\]$/gm, '');

/** Runs the CLI in this process (fast), capturing what it prints, every line as printed. */
export async function runCliWithCodes(args: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

/** Runs the CLI in this process (fast), capturing what it prints, without the diagnostics' codes. */
export async function runCli(args: string[]): Promise<CliRun> {
  const run = await runCliWithCodes(args);
  return { ...run, stdout: withoutCodes(run.stdout), stderr: withoutCodes(run.stderr) };
}

/** Runs the real executable in a child process, as CI and editors do. Needs `npm run compile` first. */
export function runBin(
  args: readonly string[],
  env: Record<string, string> = {},
  /** A command that runs gazette for it, e.g. `setpriv --reuid=65534 …` to build as another user. */
  through: readonly string[] = [],
): CliRun {
  const [command = process.execPath, ...rest] = [...through, process.execPath, BIN, ...args];
  const r = spawnSync(command, rest, {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { code: r.status ?? -1, stdout: withoutCodes(r.stdout ?? ''), stderr: withoutCodes(r.stderr ?? '') };
}

/** Every file under `dir`, as relative path → bytes (for byte-for-byte comparisons). */
export function snapshotDir(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) {
      const full = path.join(e.parentPath, e.name);
      files.set(path.relative(dir, full), readFileSync(full));
    }
  }
  return files;
}

export const readPage = (root: string, rel: string) => readFileSync(path.join(root, rel), 'utf8');

/** A valid site.yaml for tests; `extra` lines are appended. */
export const siteYaml = (extra = '') => `title: 测试新闻网
baseUrl: https://news.example.cn/
footer: 版权所有 © 测试市人民政府
pageSize: 2
categories:
  - name: 学习
    slug: xuexi
  - name: 要闻
    slug: yaowen
${extra}`;

export const article = (fm: Record<string, string>, body = '正文第一段。') =>
  `---\n${Object.entries(fm)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n')}\n---\n\n${body}\n`;

/**
 * The files of a site of `count` articles in two categories (学习 for two of three, 要闻), all tagged
 * 就业 and one of seven other tags each, with bodies of some length: a build takes a second or two at
 * a few hundred.
 */
export function taggedSiteFiles(count: number): Record<string, string> {
  const files: Record<string, string> = { 'site.yaml': siteYaml() };
  for (let i = 1; i <= count; i++)
    files[`content/${i % 3 ? 'xuexi' : 'yaowen'}/a${i}.md`] = article(
      {
        title: `第${i}篇文章`,
        date: `2022-03-${String((i % 28) + 1).padStart(2, '0')} ${String(i % 24).padStart(2, '0')}:00`,
        category: i % 3 ? '学习' : '要闻',
        tags: `[就业, 标签${i % 7}]`,
      },
      `第${i}篇正文。${'这是一段用于测试的正文内容。'.repeat(20)}`,
    );
  return files;
}

/** A site of one article in 学习, titled `title`, whose body has a word to search for (返岗). */
export const searchableSite = (title: string): string =>
  makeSite({
    'site.yaml': siteYaml(),
    'content/xuexi/a.md': article({ title, date: '2022-03-01 10:00', category: '学习' }, '员工返岗率达98%。'),
  });

/**
 * The files of a site made to tell neighbours from related reading. In 学习, oldest first: P, X
 * (titled 原来的标题), N, each with a tag only five articles of 要闻 share, so that P's page shows X
 * only as 下一篇, N's only as 上一篇, and r1's (要闻, 人才) only in 相关阅读.
 */
export function neighboursSiteFiles(): Record<string, string> {
  const files: Record<string, string> = { 'site.yaml': siteYaml() };
  const add = (name: string, title: string, day: number, category: string, tag: string) => {
    const date = `2022-03-${String(day).padStart(2, '0')} 08:00`;
    files[`content/${name}.md`] = article({ title, date, category, tags: `[${tag}]` }, `${title}的正文。`);
  };
  add('p', '前一篇', 1, '学习', '教育');
  add('x', '原来的标题', 2, '学习', '人才');
  add('n', '后一篇', 3, '学习', '交通');
  for (let i = 1; i <= 5; i++) {
    add(`r${i}`, `人才${i}`, 10 + i, '要闻', '人才');
    add(`t${i}`, `交通${i}`, 20 + i, '要闻', '交通');
    add(`e${i}`, `教育${i}`, 20 + i, '要闻', '教育');
  }
  return files;
}

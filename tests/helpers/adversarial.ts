import { isUtf8 } from 'node:buffer';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { article, makeSite, removeSite, runCli, siteYaml, snapshotDir, writeFiles } from './site.js';

/** An article that always builds: every test site starts with it, so that dist/ has pages. */
export const GOOD = article({ title: '好文章', date: '2022-03-01 10:00', category: '学习' });

/** The line a failed build ends with. */
export const FAILED = /^gazette build: failed with \d+ error\(s\); the previous output was left as it was$/;

/** Throw-away sites for one test file: `make` them, `cleanup` in afterEach. */
export function siteFactory() {
  const roots: string[] = [];
  return {
    make(files: Record<string, string | Uint8Array> = {}, yaml = siteYaml()): string {
      const root = makeSite({ 'site.yaml': yaml, 'content/xuexi/good.md': GOOD, ...files });
      roots.push(root);
      return root;
    },
    cleanup(): void {
      for (const r of roots.splice(0)) removeSite(r);
    },
  };
}

/**
 * Every entry under `root` except the output folder `dist/` and the build's scratch space beside it
 * (the spare site, trash): names of folders, links and pipes, bytes of files. A build may write
 * nothing else, not even a leftover beside the output.
 */
export function snapshotOutside(root: string, out = 'dist'): Map<string, string> {
  const entries = new Map<string, string>();
  // Listed by bytes: a name that is not UTF-8 (a test may make one) opens nothing as a string.
  const walk = (dir: Buffer, relDir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true, encoding: 'buffer' })) {
      const name = isUtf8(e.name) ? e.name.toString() : `(bytes ${e.name.toString('hex')})`;
      const full = Buffer.concat([dir, Buffer.from(path.sep), e.name]);
      const rel = relDir === '' ? name : path.join(relDir, name);
      if (rel === out || isScratch(name)) continue;
      if (e.isDirectory()) {
        entries.set(rel, '(folder)');
        walk(full, rel);
      } else if (e.isFile()) {
        entries.set(rel, readFileSync(full).toString('base64'));
      } else {
        entries.set(rel, e.isSymbolicLink() ? '(link)' : '(other)');
      }
    }
  };
  walk(Buffer.from(root), '');
  return entries;
}

/**
 * The bound a build on pathological input must finish within. Each such input once took minutes or
 * never ended; its fix brings it to a few seconds. The bound is far above that, so that a loaded CI
 * machine (two test workers on two cores, plus builds' own threads) does not fail a healthy build,
 * and far below what a regression costs.
 */
export const PATHOLOGICAL_MS = 30_000;

export interface Outcome {
  readonly stderr: string;
  readonly ms: number;
}

/** Builds `root` (in this process, through the CLI) and expects success. */
export async function buildsOk(root: string, extra: readonly string[] = []): Promise<Outcome> {
  const start = performance.now();
  const run = await runCli(['build', '--root', root, ...extra]);
  const ms = Math.round(performance.now() - start);
  expect(run.code, run.stderr).toBe(0);
  expect(leftovers(root)).toEqual([]);
  return { stderr: run.stderr, ms };
}

/**
 * Builds `root` once (which must succeed), then writes `bad` into it (or lets `bad` do something to
 * it) and builds again: that build
 * must exit 1 printing every line of `expected`, leave dist/ byte for byte as it was, and write
 * nothing anywhere else in the site.
 */
export async function failsCleanly(
  root: string,
  bad: Record<string, string | Uint8Array> | ((root: string) => void),
  expected: readonly string[],
): Promise<Outcome> {
  await buildsOk(root);
  const dist = path.join(root, 'dist');
  const before = snapshotDir(dist);
  if (typeof bad === 'function') bad(root);
  else writeFiles(root, bad);
  const outside = snapshotOutside(root);
  const start = performance.now();
  const run = await runCli(['build', '--root', root]);
  const ms = Math.round(performance.now() - start);
  const lines = run.stderr.split('\n');
  expect(run.code, run.stderr).toBe(1);
  for (const line of expected) expect(lines).toContain(line);
  expect(lines.at(-1)).toMatch(FAILED);
  expect(snapshotDir(dist)).toEqual(before);
  expect(snapshotOutside(root)).toEqual(outside);
  return { stderr: run.stderr, ms };
}

/**
 * What a build left beside dist/ when it did not clean up after itself. By design, and not
 * leftovers: a replaced site kept as the spare (`.dist.gazette-spare`, where the next build starts
 * from), and one renamed to `.dist.gazette-trash-…` for a detached `rm` that may still be running.
 */
export const leftovers = (root: string): string[] =>
  readdirSync(root).filter((n) => /^\.dist\.gazette-/.test(n) && !isScratch(n));

/** The build's scratch space beside dist/: trash being deleted, and the spare site. */
const isScratch = (name: string) => /^\.[^/]*\.gazette-(trash-|spare$)/.test(name);

/** Timings of pathological inputs, printed once at the end of a test file (for the record). */
export function timingLog(title: string) {
  const rows: Array<[string, number]> = [];
  return {
    add(name: string, ms: number) {
      rows.push([name, ms]);
    },
    print() {
      if (rows.length === 0) return;
      const width = Math.max(...rows.map(([n]) => n.length));
      console.log(`${title}\n${rows.map(([n, ms]) => `  ${n.padEnd(width)}  ${ms} ms`).join('\n')}`);
    },
  };
}

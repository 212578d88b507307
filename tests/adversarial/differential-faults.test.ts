import { mkdtempSync, readFileSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { buildsOk, siteFactory } from '../helpers/adversarial.js';
import { runCli, snapshotDir } from '../helpers/site.js';

// Faults the differential test (tests/e2e/differential.test.ts) found, each as the smallest case.

const sites = siteFactory();
const outs: string[] = [];
afterEach(() => {
  sites.cleanup();
  for (const o of outs.splice(0)) rmSync(o, { recursive: true, force: true });
});

/** A clean build of `root` (no cache), outside it: what the incremental build must equal. */
async function cleanBuild(root: string): Promise<Map<string, Buffer>> {
  const parent = mkdtempSync(path.join(os.tmpdir(), 'gazette-clean-'));
  outs.push(parent);
  const run = await runCli([
    'build',
    '--root',
    root,
    '--out',
    path.join(parent, 'site'),
    '--no-cache',
    '--quiet',
  ]);
  expect(run.code, run.stderr).toBe(0);
  return snapshotDir(path.join(parent, 'site'));
}

// Seed 102 of `npm run differential`, step 67: a byte of dist/pagefind/pagefind-component-ui.css
// changed by hand; the next build copied the previous search bundle, the change with it.
it('a file of the search bundle changed or deleted in dist/ is made again, though the articles are the same', async () => {
  const root = sites.make();
  const dist = path.join(root, 'dist');
  await buildsOk(root, ['--quiet']);
  const css = path.join(dist, 'pagefind/pagefind-ui.css');
  const was = statSync(css);
  const bytes = readFileSync(css);
  bytes[10] = (bytes[10] ?? 0) ^ 1;
  // In place, with as many bytes and the modification time kept: only the change time tells.
  writeFileSync(css, bytes);
  utimesSync(css, was.atime, was.mtime);
  unlinkSync(path.join(dist, 'pagefind/pagefind-ui.js'));
  const rebuilt = await buildsOk(root, ['--quiet']);
  expect(rebuilt.stderr).toMatch(/^note: 2 files of the output were changed or deleted since the last build/);
  expect(snapshotDir(dist)).toEqual(await cleanBuild(root));
});

// Found with the fault above: a file of the search bundle deleted from dist/, then the index made
// again (a new title), failed the build (ENOENT) when the new bundle was compared with the old.
it('a file of the search bundle deleted in dist/, then a new title: the build makes the bundle anew', async () => {
  const root = sites.make();
  const dist = path.join(root, 'dist');
  await buildsOk(root, ['--quiet']);
  unlinkSync(path.join(dist, 'pagefind/pagefind-ui.js'));
  const good = path.join(root, 'content/xuexi/good.md');
  writeFileSync(good, readFileSync(good, 'utf8').replace('好文章', '更正后的好文章'));
  await buildsOk(root, ['--quiet']);
  expect(snapshotDir(dist)).toEqual(await cleanBuild(root));
});

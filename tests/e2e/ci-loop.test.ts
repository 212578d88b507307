import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { article, runCli, siteYaml, snapshotDir, writeFiles } from '../helpers/site.js';

// What the site's workflow (starter/github/workflows/publish.yml) does on GitHub Actions: each run
// checks the sources out into a new folder at the same path, and actions/cache unpacks `.cache/` and
// `dist/` from the previous run's archive (made with `tar --posix`), so that every file has a new
// inode and ctime, the sources new mtimes too.

const temp = mkdtempSync(path.join(os.tmpdir(), 'gazette-ci-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const CATEGORIES = ['学习', '要闻'];

const articleText = (n: number) =>
  article(
    {
      title: `第${n}篇文章`,
      date: `2022-03-${String((n % 27) + 1).padStart(2, '0')} ${String(n % 24).padStart(2, '0')}:00`,
      category: CATEGORIES[n % 2] as string,
      tags: `[标签${n % 5}]`,
    },
    `第${n}篇的正文。金华市全力保障用工。\n\n## 小标题\n\n第二段。`,
  );

/** The sources of a site of `count` articles: what git checks out. */
function sources(count: number): Record<string, string> {
  // Ten articles to a list page, as a real site has (the tests' usual two would shift every list).
  const files: Record<string, string> = { 'site.yaml': siteYaml().replace('pageSize: 2', 'pageSize: 10') };
  for (let n = 0; n < count; n++) files[`content/a${n}.md`] = articleText(n);
  return files;
}

let sites = 0;
/** A new site folder, built once (as the previous CI run did); its path. */
async function builtSite(): Promise<string> {
  const root = path.join(temp, `site${sites++}`);
  writeFiles(root, sources(40));
  await builds(root);
  return root;
}

/** Builds the site, expecting success; stdout and stderr. */
async function builds(root: string, ...extra: string[]) {
  const run = await runCli(['build', '--root', root, ...extra]);
  expect(run.code, run.stderr).toBe(0);
  return run;
}

/** The pages a build rendered, from its summary line. */
const renderedOf = (stdout: string): number => Number(/\((\d+) rendered\)/.exec(stdout)?.[1] ?? Number.NaN);

/**
 * The next CI run: the previous run's `.cache/` and `dist/` archived with system tar (`--posix` as
 * actions/cache does, unless `format` says otherwise), the folder moved away, the sources checked
 * out anew at the same path, and the archive unpacked into it.
 */
function nextRun(root: string, format: 'posix' | 'gnu' = 'posix'): void {
  const archive = `${root}.tar`;
  execFileSync('tar', [`--format=${format}`, '-cf', archive, '-C', root, '.cache', 'dist']);
  renameSync(root, `${root}.before`);
  // A checkout: the same bytes in new files, with new times.
  writeFiles(root, sources(40));
  execFileSync('tar', ['-xf', archive, '-C', root]);
  rmSync(`${root}.before`, { recursive: true, force: true });
  rmSync(archive);
}

/** The site as a build without any cache makes it from the same sources. */
async function cleanBuildOf(root: string): Promise<Map<string, Buffer>> {
  const out = mkdtempSync(path.join(temp, 'clean-'));
  await builds(root, '--no-cache', '--out', out);
  return snapshotDir(out);
}

const A_PAGE = 'dist/xuexi/2022/03/a4/index.html';

describe('a CI run with the cache restored', () => {
  it('renders only the pages a new article affects, and the site is the one a clean build makes', async () => {
    // The same edit on a machine that keeps its folder: the pages it affects.
    const local = await builtSite();
    writeFiles(local, { 'content/new.md': articleText(40) });
    const affected = renderedOf((await builds(local)).stdout);
    const root = await builtSite();
    nextRun(root);
    writeFiles(root, { 'content/new.md': articleText(40) });
    // A file changed less than 50 ms before a build is read again by the next (see unchangedSince).
    await new Promise((resolve) => setTimeout(resolve, 100));
    const run = await builds(root);
    expect(run.stderr).toBe('');
    const pages = Number(/into (\d+) pages/.exec(run.stdout)?.[1]);
    expect(renderedOf(run.stdout)).toBe(affected);
    expect(affected).toBeLessThan(pages / 2);
    expect(snapshotDir(path.join(root, 'dist'))).toEqual(await cleanBuildOf(root));
    // The site it left is the one the cache now describes: the next build has nothing to do.
    expect((await builds(root)).stdout).toMatch(/^up to date: 41 articles/);
  });

  it('a restored file whose size or time is not the recorded one is made again', async () => {
    const root = await builtSite();
    nextRun(root);
    const page = path.join(root, A_PAGE);
    const bytes = readFileSync(page);
    // The same size, another time (an ordinary edit); and another size with the recorded time.
    writeFileSync(page, Buffer.from(bytes).fill(0x20, bytes.length - 20, bytes.length - 8));
    const sitemap = path.join(root, 'dist/sitemap.xml');
    keepingTime(sitemap, () =>
      writeFileSync(sitemap, Buffer.concat([readFileSync(sitemap), Buffer.from('<!-- -->')])),
    );
    const run = await builds(root);
    expect(run.stderr).toMatch(/^note: 2 files of the output were changed or deleted since the last build/);
    expect(snapshotDir(path.join(root, 'dist'))).toEqual(await cleanBuildOf(root));
  });

  it('the limit: a restored file given other bytes of the recorded size and time (touch -r) is kept', async () => {
    // CI restores only what the previous run saved; such a file takes a deliberate forgery.
    const root = await builtSite();
    nextRun(root);
    const page = path.join(root, A_PAGE);
    const forged = Buffer.from(readFileSync(page)).fill(0x20, 0, 15);
    keepingTime(page, () => writeFileSync(page, forged));
    writeFiles(root, { 'content/new.md': articleText(40) });
    await builds(root);
    expect(readFileSync(page)).toEqual(forged);
  });

  it('a restore that keeps whole seconds only (GNU tar format) makes every page again, correctly', async () => {
    const root = await builtSite();
    nextRun(root, 'gnu');
    writeFiles(root, { 'content/new.md': articleText(40) });
    const run = await builds(root);
    const pages = Number(/into (\d+) pages/.exec(run.stdout)?.[1]);
    expect(renderedOf(run.stdout)).toBe(pages);
    expect(snapshotDir(path.join(root, 'dist'))).toEqual(await cleanBuildOf(root));
  });
});

/** Runs `change` on `file` and gives the file back its times, to the nanosecond (`touch -r`). */
function keepingTime(file: string, change: () => void): void {
  const reference = `${file}.time`;
  writeFileSync(reference, '');
  execFileSync('touch', ['-r', file, reference]);
  change();
  execFileSync('touch', ['-r', reference, file]);
  rmSync(reference);
}

import { appendFileSync, readFileSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { createMemorySite } from '../../src/memory/memory-site.js';
import { buildsOk, siteFactory } from '../helpers/adversarial.js';
import { makePng } from '../helpers/png.js';
import { article, runCli, snapshotDir, writeFiles } from '../helpers/site.js';

const sites = siteFactory();
afterEach(() => sites.cleanup());

const PEIXUN = 'content/xuexi/2022-02-10-peixun.md';
const PAGE = 'xuexi/2022/02/peixun/index.html';
const CHART = 'content/xuexi/images/chart.png';
const SCAN = 'content/xuexi/images/scan.bmp';
const CHART_OUT = 'xuexi/2022/02/peixun/images/chart.png';
const SCAN_OUT = 'xuexi/2022/02/peixun/images/scan.bmp';

const peixun = (more = '') =>
  article(
    { title: '培训', date: '2022-02-10 09:00', category: '学习', tags: '[培训]' },
    `培训班开班。\n\n![图表](images/chart.png)\n\n![扫描件](images/scan.bmp)${more}`,
  );

/** A BMP header followed by `fill`: a type gazette does not measure, copied as it is. */
const bmp = (fill: number, length = 200) => {
  const bytes = Buffer.alloc(length, fill);
  bytes.write('BM', 0, 'latin1');
  return bytes;
};

/** A site of four articles, one of them showing a photo and a scan, built once >50 ms after it was written. */
async function newsSite(): Promise<{ root: string; dist: string }> {
  const root = sites.make({
    [PEIXUN]: peixun(),
    [CHART]: makePng(40, 30, [160, 20, 30]),
    [SCAN]: bmp(1),
    [KAIBAN]: kaiban('开班了。'),
    'content/yaowen/2022-02-12-huiyi.md': article({
      title: '会议',
      date: '2022-02-12 09:00',
      category: '要闻',
    }),
  });
  // A file changed in the 50 ms before a build is read again by the next one, whatever its status
  // (see BuildCache.unchanged): wait, so that the next build trusts what it finds.
  await settle();
  await buildsOk(root, ['--no-search']);
  await settle();
  return { root, dist: path.join(root, 'dist') };
}

const settle = () => new Promise((r) => setTimeout(r, 120));

/** Builds and expects success; its stdout. */
async function builds(root: string, ...extra: string[]): Promise<string> {
  const run = await runCli(['build', '--root', root, '--no-search', ...extra]);
  expect(run.code, run.stderr).toBe(0);
  return run.stdout;
}

/** dist/ equals what a clean build (no cache, no previous site) makes, byte for byte. */
async function expectClean(root: string): Promise<void> {
  const clean = path.join(root, 'clean');
  await builds(root, '--out', clean, '--no-cache');
  expect(snapshotDir(path.join(root, 'dist'))).toEqual(snapshotDir(clean));
}

const KAIBAN = 'content/xuexi/2022-02-11-kaiban.md';
const HUIYI_PAGE = 'yaowen/2022/02/huiyi/index.html';

/** An article with a summary of its own: a change of its body is an edit of its text alone. */
const kaiban = (body: string) =>
  article({ title: '开班', date: '2022-02-11 09:00', category: '学习', summary: '开班摘要。' }, body);

const bytesOf = (dir: string, rel: string) => readFileSync(path.join(dir, rel));

/** Overwrites `rel` in place with `bytes`, keeping its modification time, as `cp -p` does. */
function replaceKeepingTime(root: string, rel: string, bytes: Buffer): void {
  const file = path.join(root, rel);
  const { atime, mtime } = statSync(file);
  writeFileSync(file, bytes);
  utimesSync(file, atime, mtime);
}

describe('a copied file is an input by its bytes', () => {
  it('a photo replaced by another of the same size is published, not "up to date"', async () => {
    const { root, dist } = await newsSite();
    const corrected = makePng(40, 30, [20, 160, 30]);
    expect(corrected.length).toBe(bytesOf(root, CHART).length);
    writeFiles(root, { [CHART]: corrected });
    const out = await builds(root);
    expect(out).not.toMatch(/^up to date/);
    expect(bytesOf(dist, CHART_OUT)).toEqual(corrected);
    await expectClean(root);
    await settle();
    expect(await builds(root)).toMatch(/^up to date/);
    // A photo touched, its bytes the same, is no change.
    const later = new Date(Date.now() - 1000);
    utimesSync(path.join(root, CHART), later, later);
    expect(await builds(root)).toMatch(/^up to date/);
    expect(await builds(root)).toMatch(/^up to date/);
  });

  it('a same-size replacement whose modification time was kept (cp -p) is published', async () => {
    const { root, dist } = await newsSite();
    const corrected = makePng(40, 30, [30, 20, 160]);
    replaceKeepingTime(root, CHART, corrected);
    expect(await builds(root)).not.toMatch(/^up to date/);
    expect(bytesOf(dist, CHART_OUT)).toEqual(corrected);
    await expectClean(root);
  });

  it('a file of a type gazette does not measure (.bmp) is published when it changes, same size or not', async () => {
    const { root, dist } = await newsSite();
    replaceKeepingTime(root, SCAN, bmp(2));
    expect(await builds(root)).not.toMatch(/^up to date/);
    expect(bytesOf(dist, SCAN_OUT)).toEqual(bmp(2));
    await settle();
    writeFiles(root, { [SCAN]: bmp(3, 500) });
    expect(await builds(root)).not.toMatch(/^up to date/);
    expect(bytesOf(dist, SCAN_OUT)).toEqual(bmp(3, 500));
    await expectClean(root);
  });

  it('a photo replaced together with an edit of another article’s text is published too', async () => {
    const { root, dist } = await newsSite();
    const corrected = makePng(40, 30, [161, 20, 30]);
    writeFiles(root, {
      [CHART]: corrected,
      [KAIBAN]: kaiban('开班了，有补充。'),
    });
    await builds(root);
    expect(bytesOf(dist, CHART_OUT)).toEqual(corrected);
    await expectClean(root);
  });

  it('the dev server serves a photo replaced by another of the same size', async () => {
    const { root } = await newsSite();
    const site = createMemorySite({ root, exclude: [path.join(root, 'dist')] });
    expect((await site.rebuild()).ok).toBe(true);
    const corrected = makePng(40, 30, [20, 160, 30]);
    replaceKeepingTime(root, CHART, corrected);
    const report = await site.rebuild([path.join(root, CHART)]);
    expect(report.ok).toBe(true);
    expect(report.changed).toContain(CHART_OUT);
    expect(Buffer.from(site.files.get(CHART_OUT) ?? [])).toEqual(corrected);
    replaceKeepingTime(root, SCAN, bmp(4));
    expect((await site.rebuild([path.join(root, SCAN)])).changed).toContain(SCAN_OUT);
    expect(Buffer.from(site.files.get(SCAN_OUT) ?? [])).toEqual(bmp(4));
  });
});

describe('a file of dist/ that is not what the build wrote is written again', () => {
  it('a deleted page is restored at once, and no later build fails', async () => {
    const { root, dist } = await newsSite();
    unlinkSync(path.join(dist, PAGE));
    const run = await runCli(['build', '--root', root, '--no-search']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^built 4 articles/);
    expect(run.stderr).toBe(
      `note: 1 file of the output was changed or deleted since the last build (${PAGE}); it was made again`,
    );
    await expectClean(root);
    // An edit after that (the issue: every build then failed with ENOENT).
    writeFiles(root, { [PEIXUN]: peixun('\n\n补充一段。') });
    await settle();
    await builds(root);
    await expectClean(root);
    await settle();
    expect(await builds(root)).toMatch(/^up to date/);
  });

  it('a page deleted before an edit of another article’s text is restored', async () => {
    const { root, dist } = await newsSite();
    unlinkSync(path.join(dist, HUIYI_PAGE));
    unlinkSync(path.join(dist, CHART_OUT));
    writeFiles(root, { [KAIBAN]: kaiban('开班了，有补充。') });
    await builds(root);
    await expectClean(root);
    await builds(root);
  });

  it('a page edited in place in dist/ (and so in the spare beside it) is restored', async () => {
    const { root, dist } = await newsSite();
    const spare = path.join(root, '.dist.gazette-spare');
    // A second build, so that a spare sharing its files with dist/ exists.
    writeFiles(root, {
      'content/yaowen/2022-02-12-huiyi.md': article(
        { title: '会议', date: '2022-02-12 09:00', category: '要闻' },
        '会议召开。',
      ),
    });
    await builds(root);
    await settle();
    const page = path.join(dist, PAGE);
    const ino = statSync(page).ino;
    expect(statSync(path.join(spare, PAGE)).ino).toBe(ino);
    appendFileSync(page, '<p>手工改动</p>');
    expect(statSync(page).ino).toBe(ino);
    expect(await builds(root)).not.toMatch(/^up to date/);
    await expectClean(root);
    // Two more edits: each build starts from the spare, which had the edited file.
    for (const more of ['\n\n一', '\n\n二']) {
      writeFiles(root, {
        'content/yaowen/2022-02-12-huiyi.md': article(
          { title: '会议', date: '2022-02-12 09:00', category: '要闻' },
          `会议召开。${more}`,
        ),
      });
      await builds(root);
      await expectClean(root);
    }
  });

  it('a page deleted from the spare is not missing from the next site', async () => {
    const { root } = await newsSite();
    const spare = path.join(root, '.dist.gazette-spare');
    const huiyi = (body: string) =>
      writeFiles(root, {
        'content/yaowen/2022-02-12-huiyi.md': article(
          { title: '会议', date: '2022-02-12 09:00', category: '要闻' },
          body,
        ),
      });
    huiyi('会议召开。');
    await builds(root);
    unlinkSync(path.join(spare, PAGE));
    huiyi('会议召开。再补一句。');
    await builds(root);
    await expectClean(root);
  });

  it('with the search index built: a deleted page is restored and later builds succeed', async () => {
    const { root, dist } = await newsSite();
    unlinkSync(path.join(dist, PAGE));
    const report = await build({ root });
    expect(report.upToDate).toBeUndefined();
    expect(bytesOf(dist, PAGE).length).toBeGreaterThan(0);
    writeFiles(root, { [PEIXUN]: peixun('\n\n补充一段。') });
    await build({ root });
    expect(bytesOf(dist, PAGE).toString()).toContain('补充一段');
  }, 60_000);
});

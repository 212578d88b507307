import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { afterEach, describe, expect, it } from 'vitest';
import { humanSize } from '../../src/attachments/human-size.js';
import { createMemorySite } from '../../src/memory/memory-site.js';
import { buildsOk, failsCleanly, siteFactory } from '../helpers/adversarial.js';
import { article, REPO, readPage, runCli, snapshotDir, writeFiles } from '../helpers/site.js';

const sites = siteFactory();
afterEach(() => sites.cleanup());

const NOTICE = 'content/xuexi/2022-03-01-tongzhi.md';
const PAGE = 'xuexi/2022/03/tongzhi/index.html';
/** Front matter on lines 1–5, a blank line: the body starts on line 7. */
const notice = (body: string) =>
  article({ title: '停电通知', date: '2022-03-01 09:00', category: '学习' }, body);

/** Bytes that start as a PDF does, `length` long, filled with `fill`. */
const pdf = (length: number, fill = 0x20) => {
  const bytes = Buffer.alloc(length, fill);
  bytes.write('%PDF-1.4\n', 0, 'latin1');
  return bytes;
};

const attachmentsOf = (html: string) =>
  parse(html)
    .querySelectorAll('.attachments li')
    .map((li) => ({
      href: li.querySelector('a')?.getAttribute('href'),
      text: li.querySelector('a')?.text,
      info: li.querySelector('.attachment-info')?.text,
    }));

describe('attachments beside an article', () => {
  it('are copied next to its page, linked there, and listed under 附件 with their type and size', async () => {
    const root = sites.make({
      'content/xuexi/files/停电路段.pdf': pdf(1234567),
      'content/xuexi/fujian2.docx': pdf(365_000),
      'content/xuexi/biao.XLSX': pdf(900),
      'content/xuexi/gongwen.ofd': pdf(2048),
      'public/files/shared.zip': pdf(10 * 1024),
      [NOTICE]: notice(
        [
          '附件：[停电路段一览](files/停电路段.pdf)，又见[同一文件](./files/停电路段.pdf#page=2)。',
          '',
          '[报名表](fujian2.docx) [统计表](biao.XLSX) [公文](gongwen.ofd "版式文件") [共用](/files/shared.zip)',
          '',
          '[另一篇](/xuexi/) [外站](https://www.gov.cn/a.pdf)',
        ].join('\n'),
      ),
    });
    await buildsOk(root, ['--no-search']);
    const dist = path.join(root, 'dist');
    const html = readPage(dist, PAGE);
    expect(attachmentsOf(html)).toEqual([
      {
        href: '/xuexi/2022/03/tongzhi/files/%E5%81%9C%E7%94%B5%E8%B7%AF%E6%AE%B5.pdf',
        text: '停电路段一览',
        info: '（PDF，1.2 MB）',
      },
      { href: '/xuexi/2022/03/tongzhi/fujian2.docx', text: '报名表', info: '（Word，356 KB）' },
      { href: '/xuexi/2022/03/tongzhi/biao.XLSX', text: '统计表', info: '（Excel，900 B）' },
      { href: '/xuexi/2022/03/tongzhi/gongwen.ofd', text: '公文', info: '（OFD，2 KB）' },
      { href: '/files/shared.zip', text: '共用', info: '（ZIP，10 KB）' },
    ]);
    expect(parse(html).querySelector('.attachments h2')?.text).toBe('附件');
    // The body's links lead to the copies, as its images do; other links are as written.
    const body = parse(html)
      .querySelectorAll('.article-body a')
      .map((a) => a.getAttribute('href'));
    expect(body).toEqual([
      '/xuexi/2022/03/tongzhi/files/%E5%81%9C%E7%94%B5%E8%B7%AF%E6%AE%B5.pdf',
      '/xuexi/2022/03/tongzhi/files/%E5%81%9C%E7%94%B5%E8%B7%AF%E6%AE%B5.pdf#page=2',
      '/xuexi/2022/03/tongzhi/fujian2.docx',
      '/xuexi/2022/03/tongzhi/biao.XLSX',
      '/xuexi/2022/03/tongzhi/gongwen.ofd',
      '/files/shared.zip',
      '/xuexi/',
      'https://www.gov.cn/a.pdf',
    ]);
    expect(readFileSync(path.join(dist, 'xuexi/2022/03/tongzhi/files/停电路段.pdf'))).toEqual(pdf(1234567));
    for (const f of ['fujian2.docx', 'biao.XLSX', 'gongwen.ofd'])
      expect(existsSync(path.join(dist, 'xuexi/2022/03/tongzhi', f))).toBe(true);
    // A page without attachments has no 附件 section.
    expect(readPage(dist, 'xuexi/2022/03/good/index.html')).not.toContain('class="attachments"');
    // `check` follows the links to the copies.
    const checked = await runCli(['check', '--root', root]);
    expect(checked.stdout).toMatch(/^check: 0 errors, 0 warnings/m);
    expect(checked.code).toBe(0);
  });

  it('adds the base path of a site in a subfolder', async () => {
    const root = sites.make({
      'content/xuexi/a.pdf': pdf(100),
      [NOTICE]: notice('[通知全文](a.pdf)'),
    });
    await buildsOk(root, ['--no-search', '--base-url', 'https://a.cn/news/']);
    const html = readPage(path.join(root, 'dist'), PAGE);
    expect(attachmentsOf(html)[0]?.href).toBe('/news/xuexi/2022/03/tongzhi/a.pdf');
    expect(parse(html).querySelector('.article-body a')?.getAttribute('href')).toBe(
      '/news/xuexi/2022/03/tongzhi/a.pdf',
    );
  });

  it('stops the build at a missing attachment, at its line and column, and leaves dist/ as it was', async () => {
    const root = sites.make({ 'content/xuexi/a.pdf': pdf(100), [NOTICE]: notice('[通知全文](a.pdf)') });
    await failsCleanly(
      root,
      { [NOTICE]: notice('第一段。\n\n见附件 [通知全文](A.pdf)，[共用](/files/none.docx)') },
      [
        'content/xuexi/2022-03-01-tongzhi.md:9:12: error: attachment "A.pdf" is not in the site; there is no file content/xuexi/A.pdf; fix the path or put the file there',
        'content/xuexi/2022-03-01-tongzhi.md:9:24: error: attachment "/files/none.docx" is not in the site; there is no file public/files/none.docx; fix the path or put the file there',
      ],
    );
  });

  it('refuses an attachment outside the article folder', async () => {
    const root = sites.make({
      'content/xuexi/a.pdf': pdf(100),
      'content/xuexi/sub/a.md': notice('[通知](../a.pdf)'),
    });
    const run = await runCli(['build', '--root', root, '--no-search']);
    expect(run.code).toBe(1);
    expect(run.stderr.split('\n')[0]).toBe(
      `content/xuexi/sub/a.md:7:6: error: attachment "../a.pdf" is outside the article's folder; put it in content/xuexi/sub/ (or a folder inside it); an attachment of several articles goes in public/, linked from the site root, like /files/a.pdf`,
    );
  });

  it('check reports a missing attachment as a build does', async () => {
    const root = sites.make({ [NOTICE]: notice('[通知全文](fujian.pdf)') });
    const run = await runCli(['check', '--root', root]);
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n')[0]).toBe(
      'content/xuexi/2022-03-01-tongzhi.md:7:8: error: attachment "fujian.pdf" is not in the site; there is no file content/xuexi/fujian.pdf; fix the path or put the file there',
    );
  });

  it('the dev server serves the copy beside the page', async () => {
    const root = sites.make({ 'content/xuexi/a.pdf': pdf(100), [NOTICE]: notice('[通知全文](a.pdf)') });
    const site = createMemorySite({ root, exclude: [path.join(root, 'dist')] });
    expect((await site.rebuild()).ok).toBe(true);
    expect(Buffer.from(site.files.get('xuexi/2022/03/tongzhi/a.pdf') ?? [])).toEqual(pdf(100));
    // An edit of the body alone that links one more attachment: served too.
    writeFiles(root, { 'content/xuexi/b.docx': pdf(200) });
    expect((await site.rebuild([path.join(root, 'content/xuexi/b.docx')])).ok).toBe(true);
    writeFiles(root, { [NOTICE]: notice('[通知全文](a.pdf)\n\n[报名表](b.docx)') });
    expect((await site.rebuild([path.join(root, NOTICE)])).ok).toBe(true);
    expect(Buffer.from(site.files.get('xuexi/2022/03/tongzhi/b.docx') ?? [])).toEqual(pdf(200));
    expect(attachmentsOf(Buffer.from(site.files.get(PAGE) ?? []).toString())).toHaveLength(2);
  });
});

describe('incremental builds of attachments', () => {
  const settle = () => new Promise((r) => setTimeout(r, 120));

  async function builtOnce(files: Record<string, string | Uint8Array>) {
    const root = sites.make(files);
    await settle();
    await buildsOk(root, ['--no-search']);
    await settle();
    return { root, dist: path.join(root, 'dist') };
  }

  /** dist/ equals what a build without the cache and without a previous site makes, byte for byte. */
  async function expectClean(root: string) {
    await buildsOk(root, ['--no-search', '--out', path.join(root, 'clean'), '--no-cache']);
    expect(snapshotDir(path.join(root, 'dist'))).toEqual(snapshotDir(path.join(root, 'clean')));
  }

  it('an attachment replaced by one of the same size and time (cp -p) is copied again', async () => {
    const { root, dist } = await builtOnce({
      'content/xuexi/a.pdf': pdf(3000, 1),
      [NOTICE]: notice('[通知](a.pdf)'),
    });
    const file = path.join(root, 'content/xuexi/a.pdf');
    const { atime, mtime } = statSync(file);
    writeFileSync(file, pdf(3000, 2));
    utimesSync(file, atime, mtime);
    await buildsOk(root, ['--no-search']);
    expect(readFileSync(path.join(dist, 'xuexi/2022/03/tongzhi/a.pdf'))).toEqual(pdf(3000, 2));
    await expectClean(root);
  });

  it('an attachment replaced by a larger one is listed with its new size', async () => {
    const { root, dist } = await builtOnce({
      'content/xuexi/a.pdf': pdf(3000),
      [NOTICE]: notice('[通知](a.pdf)'),
    });
    writeFiles(root, { 'content/xuexi/a.pdf': pdf(3 * 1024 * 1024) });
    await buildsOk(root, ['--no-search']);
    expect(attachmentsOf(readPage(dist, PAGE))[0]?.info).toBe('（PDF，3.0 MB）');
    await expectClean(root);
  });

  it('an edit of only the text that links a new attachment copies it', async () => {
    // With a summary of its own, an edit of the body changes nothing that other pages show.
    const summed = (body: string) =>
      article({ title: '停电通知', date: '2022-03-01 09:00', category: '学习', summary: '停电。' }, body);
    const { root, dist } = await builtOnce({
      'content/xuexi/a.pdf': pdf(3000),
      [NOTICE]: summed('通知正文。'),
    });
    writeFiles(root, { [NOTICE]: summed('通知正文。\n\n[附件](a.pdf)') });
    await buildsOk(root, ['--no-search']);
    expect(existsSync(path.join(dist, 'xuexi/2022/03/tongzhi/a.pdf'))).toBe(true);
    expect(attachmentsOf(readPage(dist, PAGE))).toHaveLength(1);
    await expectClean(root);
  });
});

describe('humanSize', () => {
  it('writes lengths as Chinese sites do', () => {
    expect(
      [0, 1023, 1024, 364_544, 1_048_500, 1_258_291, 10 * 1024 * 1024, 5 * 1024 ** 3].map(humanSize),
    ).toEqual(['0 B', '1023 B', '1 KB', '356 KB', '1.0 MB', '1.2 MB', '10.0 MB', '5.0 GB']);
  });
});

describe('the sample site', () => {
  it('lists the PDF beside the 老旧小区 article and copies it, a valid PDF (scripts/sample-attachment.mjs)', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'gazette-attachments-'));
    try {
      const run = await runCli(['build', '--root', REPO, '--out', out, '--no-cache', '--no-search']);
      expect(run.code, run.stderr).toBe(0);
      const page = 'minsheng/2022/03/laojiu-xiaoqu/';
      expect(attachmentsOf(readPage(out, `${page}index.html`))).toEqual([
        {
          href: `/${page}files/laojiu-xiaoqu-qingdan.pdf`,
          text: '2022年市区老旧小区改造项目清单',
          info: '（PDF，2 KB）',
        },
      ]);
      const bytes = readFileSync(path.join(out, page, 'files/laojiu-xiaoqu-qingdan.pdf'));
      expect(bytes).toEqual(
        readFileSync(path.join(REPO, 'content/minsheng/files/laojiu-xiaoqu-qingdan.pdf')),
      );
      // Valid as PDF readers read it: from the end, startxref leads to the table, whose every entry
      // leads to its object.
      const text = bytes.toString('latin1');
      expect(text.startsWith('%PDF-1.4\n')).toBe(true);
      expect(text.endsWith('%%EOF\n')).toBe(true);
      const xref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)?.[1]);
      expect(text.slice(xref, xref + 5)).toBe('xref\n');
      const entries = [...text.slice(xref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
      expect(entries).toHaveLength(8);
      entries.forEach((offset, i) => {
        expect(text.slice(offset, offset + 8)).toBe(`${i + 1} 0 obj\n`);
      });
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

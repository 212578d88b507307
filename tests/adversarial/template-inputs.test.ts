import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDevSite } from '../../src/dev/dev-site.js';
import { formatDiagnostic } from '../../src/errors/diagnostic.js';
import { buildsOk, failsCleanly, siteFactory } from '../helpers/adversarial.js';
import { readPage, writeFiles } from '../helpers/site.js';

const sites = siteFactory();
afterEach(() => sites.cleanup());

/** The theme's footer, overridden by the site: `include` names the partial that shows the notice. */
const footer = (include: string) =>
  `<footer class="site-footer">\n${include}\n<p>{{ site.footer }}</p>\n</footer>\n`;
const notice = (text: string) => `<p class="notice">${text}</p>\n`;

describe('a template that is not UTF-8 is refused, never shown garbled', () => {
  const gbk = Buffer.concat([
    Buffer.from('<div>\n<p>'),
    Buffer.from([0xbd, 0xf0, 0xbb, 0xaa]),
    Buffer.from('</p>\n</div>\n'),
  ]);
  const EXPECTED =
    'templates/partials/notice.njk:2:4: error: the file is not valid UTF-8 (perhaps saved as GBK or GB18030); save the file as UTF-8 (in VS Code: "Save with Encoding" → UTF-8)';
  const files = {
    'templates/partials/footer.njk': footer('{% include "partials/notice.njk" %}'),
    'templates/partials/notice.njk': notice('通知'),
  };

  it('build: exit 1 at the first wrong byte, dist/ as it was', async () => {
    await failsCleanly(sites.make(files), { 'templates/partials/notice.njk': gbk }, [EXPECTED]);
  });

  it('a template no page uses is refused too', async () => {
    await failsCleanly(sites.make(), { 'templates/partials/spare.njk': gbk }, [
      EXPECTED.replace('notice.njk', 'spare.njk'),
    ]);
  });

  it('dev site: the rebuild fails with the same error, and the last good pages stay', async () => {
    const root = sites.make(files);
    const site = createDevSite({ root });
    expect((await site.rebuild()).ok).toBe(true);
    const before = Buffer.from(site.files.get('index.html') ?? []);
    const full = path.join(root, 'templates/partials/notice.njk');
    writeFileSync(full, gbk);
    const report = await site.rebuild([full]);
    expect(report.ok).toBe(false);
    expect(report.diagnostics.map(formatDiagnostic)).toEqual([EXPECTED]);
    expect(Buffer.from(site.files.get('index.html') ?? [])).toEqual(before);
  });
});

describe('links in public/', () => {
  it('a link to a file or a folder inside the site is followed: its bytes are copied, and edits follow', async () => {
    const root = sites.make({ 'shared/logo.txt': '标志\n', 'shared/docs/a.txt': '文件甲\n' });
    mkdirSync(path.join(root, 'public'));
    symlinkSync('../shared/logo.txt', path.join(root, 'public/logo.txt'));
    symlinkSync(path.join(root, 'shared/docs'), path.join(root, 'public/docs'));
    await buildsOk(root, ['--no-search']);
    expect(readPage(root, 'dist/logo.txt')).toBe('标志\n');
    expect(readPage(root, 'dist/docs/a.txt')).toBe('文件甲\n');
    writeFiles(root, { 'shared/logo.txt': '新标志\n' });
    await buildsOk(root, ['--no-search']);
    expect(readPage(root, 'dist/logo.txt')).toBe('新标志\n');
  });

  const refused: Array<[name: string, link: (root: string) => void, expected: string]> = [
    [
      'a link out of the site',
      (r) => symlinkSync('/etc/passwd', path.join(r, 'public/passwd')),
      'public/passwd: error: this link points outside the site folder, so it is not copied; copy the file into the site instead of linking to it',
    ],
    [
      'a link that leads nowhere',
      (r) => symlinkSync('../gone.txt', path.join(r, 'public/gone.txt')),
      'public/gone.txt: error: this link leads nowhere: what it points to does not exist; delete the link, or put the file itself in public/',
    ],
    [
      'a link to the folder it is in',
      (r) => symlinkSync('..', path.join(r, 'public/files/loop')),
      'public/files/loop: error: this link leads back to a folder it is in, so its files would never end; delete the link, or point it at a folder that does not contain it',
    ],
    [
      'links that lead into each other',
      (r) => {
        mkdirSync(path.join(r, 'public/a'));
        mkdirSync(path.join(r, 'public/c'));
        symlinkSync('../c', path.join(r, 'public/a/b'));
        symlinkSync('../a', path.join(r, 'public/c/d'));
      },
      'public/a/b/d: error: this link leads back to a folder it is in, so its files would never end; delete the link, or point it at a folder that does not contain it',
    ],
    [
      'a named pipe',
      (r) => execFileSync('mkfifo', [path.join(r, 'public/files/pipe')]),
      'public/files/pipe: error: this is not an ordinary file (a pipe, socket or device), so it is not copied; replace it with an ordinary file',
    ],
    [
      'a link to the site itself',
      (r) => symlinkSync(r, path.join(r, 'public/site')),
      'public/site: error: this link leads back to a folder it is in, so its files would never end; delete the link, or point it at a folder that does not contain it',
    ],
  ];

  it.each(refused)('%s is an error naming it', async (_name, link, expected) => {
    const root = sites.make({ 'public/files/note.txt': '附件\n' });
    const run = await failsCleanly(root, link, [expected]);
    expect(run.stderr).not.toContain('root:');
    expect(run.ms).toBeLessThan(10_000);
  });

  it('dev site: a link out of the site fails the rebuild with the same error', async () => {
    const root = sites.make({ 'public/files/note.txt': '附件\n' });
    const site = createDevSite({ root });
    expect((await site.rebuild()).ok).toBe(true);
    const link = path.join(root, 'public/files/passwd');
    symlinkSync('/etc/passwd', link);
    const report = await site.rebuild([link]);
    expect(report.ok).toBe(false);
    expect(report.diagnostics.map(formatDiagnostic)).toEqual([
      refused[0]?.[2].replace('public/', 'public/files/'),
    ]);
    expect(site.files.has('files/passwd')).toBe(false);
  });
});

import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startDevServer } from '../../src/dev/dev-server.js';
import { formatDiagnostic } from '../../src/errors/diagnostic.js';
import { createMemorySite } from '../../src/memory/memory-site.js';
import { buildsOk, failsCleanly, PATHOLOGICAL_MS, siteFactory } from '../helpers/adversarial.js';
import { readPage, runCli, withoutCodes, writeFiles } from '../helpers/site.js';

const sites = siteFactory();
afterEach(() => sites.cleanup());

/** The theme's footer, overridden by the site: `include` names the partial that shows the notice. */
const footer = (include: string) =>
  `<footer class="site-footer">\n${include}\n<p>{{ site.footer }}</p>\n</footer>\n`;
const notice = (text: string) => `<p class="notice">${text}</p>\n`;
const shown = (html: string) => /<p class="notice">([^<]*)<\/p>/.exec(html)?.[1];

describe('a template named by an expression is a dependency of the pages that use it', () => {
  const BY_LANGUAGE = '{% include "partials/notice-" + site.language + ".njk" %}';

  it('build: after an edit of the partial that site.language picks, the pages show the new text', async () => {
    const root = sites.make({
      'templates/partials/footer.njk': footer(BY_LANGUAGE),
      'templates/partials/notice-zh-CN.njk': notice('旧的通知'),
    });
    await buildsOk(root, ['--no-search']);
    expect(shown(readPage(root, 'dist/index.html'))).toBe('旧的通知');

    writeFiles(root, { 'templates/partials/notice-zh-CN.njk': notice('新的通知') });
    const run = await runCli(['build', '--root', root, '--no-search', '--list-changes']);
    expect(run.code, run.stderr).toBe(0);
    for (const page of ['index.html', 'xuexi/index.html', 'xuexi/2022/03/good/index.html']) {
      expect(shown(readPage(root, `dist/${page}`)), page).toBe('新的通知');
      expect(run.stdout.split('\n')).toContain(`M ${page}`);
    }
    expect(run.stdout).not.toMatch(/\(0 rendered\)/);
  });

  // Each way a template can name another: editing the one named re-renders the page that uses it.
  const forms: Array<[name: string, files: Record<string, string>, edited: string]> = [
    [
      'include of a concatenation',
      { 'templates/partials/footer.njk': footer(BY_LANGUAGE), 'templates/partials/notice-zh-CN.njk': '' },
      'templates/partials/notice-zh-CN.njk',
    ],
    [
      'include of a conditional, its else branch',
      {
        'templates/partials/footer.njk': footer(
          '{% include "partials/notice-a.njk" if site.icp else "partials/notice-b.njk" %}',
        ),
        'templates/partials/notice-a.njk': '',
        'templates/partials/notice-b.njk': '',
      },
      'templates/partials/notice-b.njk',
    ],
    [
      'include of a variable set in the template',
      {
        'templates/partials/footer.njk': footer(
          '{% set which = "partials/notice-x.njk" %}{% include which %}',
        ),
        'templates/partials/notice-x.njk': '',
      },
      'templates/partials/notice-x.njk',
    ],
    [
      'include of a filtered name',
      {
        'templates/partials/footer.njk': footer('{% include "PARTIALS/NOTICE-F.NJK" | lower %}'),
        'templates/partials/notice-f.njk': '',
      },
      'templates/partials/notice-f.njk',
    ],
    [
      'include … ignore missing',
      {
        'templates/partials/footer.njk': footer('{% include "partials/notice-m.njk" ignore missing %}'),
        'templates/partials/notice-m.njk': '',
      },
      'templates/partials/notice-m.njk',
    ],
    [
      'extends of a variable',
      {
        'templates/home.njk':
          '{% set layout = "layout.njk" %}{% extends layout %}{% block content %}<p>首页</p>{% endblock %}\n',
        'templates/layout.njk':
          '<!DOCTYPE html>\n<main>{% block content %}{% endblock %}</main>\n<p class="notice"></p>\n',
      },
      'templates/layout.njk',
    ],
    [
      'import … as',
      {
        'templates/partials/footer.njk': footer('{% import "partials/macros.njk" as m %}{{ m.notice() }}'),
        'templates/partials/macros.njk': '{% macro notice() %}<p class="notice"></p>{% endmacro %}\n',
      },
      'templates/partials/macros.njk',
    ],
    [
      'from … import, the name concatenated',
      {
        'templates/partials/footer.njk': footer(
          '{% from "partials/" + "macros.njk" import notice %}{{ notice() }}',
        ),
        'templates/partials/macros.njk': '{% macro notice() %}<p class="notice"></p>{% endmacro %}\n',
      },
      'templates/partials/macros.njk',
    ],
  ];

  it.each(forms)('dev site: %s', async (_name, files, edited) => {
    const root = sites.make(files);
    const site = createMemorySite({ root });
    const first = await site.rebuild();
    expect(first.ok, first.diagnostics.map(formatDiagnostic).map(withoutCodes).join('\n')).toBe(true);
    const full = path.join(root, edited);
    const text = readFileSync(full, 'utf8');
    writeFileSync(
      full,
      text.includes('<p class="notice"></p>') ? text.replace('></p>', '>改过</p>') : notice('改过'),
    );
    const report = await site.rebuild([full]);
    expect(report.ok, report.diagnostics.map(formatDiagnostic).map(withoutCodes).join('\n')).toBe(true);
    expect(report.changed).toContain('index.html');
    expect(shown(Buffer.from(site.files.get('index.html') ?? []).toString())).toBe('改过');
  });

  it('a template named only inside a comment or a raw block is no dependency', async () => {
    const root = sites.make({
      'templates/partials/footer.njk': footer(
        '{# {% include "partials/unused.njk" %} #}{% raw %}{% include "partials/unused.njk" %}{% endraw %}',
      ),
      'templates/partials/unused.njk': notice('没有用到'),
    });
    const site = createMemorySite({ root });
    expect((await site.rebuild()).ok).toBe(true);
    const full = path.join(root, 'templates/partials/unused.njk');
    writeFileSync(full, notice('还是没有用到'));
    const report = await site.rebuild([full]);
    expect(report.ok).toBe(true);
    expect(report.changed).toEqual([]);
  });

  it('dev server: the served page shows the edited partial', async () => {
    const root = sites.make({
      'templates/partials/footer.njk': footer(BY_LANGUAGE),
      'templates/partials/notice-zh-CN.njk': notice('旧的通知'),
    });
    const server = await startDevServer({ root, host: '127.0.0.1', port: 0, log: () => {} });
    try {
      const home = async () => shown(await (await fetch(server.url)).text());
      expect(await home()).toBe('旧的通知');
      writeFiles(root, { 'templates/partials/notice-zh-CN.njk': notice('新的通知') });
      // The watcher reports the save within a moment; the page must follow within seconds.
      const deadline = Date.now() + 10_000;
      while ((await home()) !== '新的通知' && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
      expect(await home()).toBe('新的通知');
    } finally {
      await server.close();
    }
  });
});

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
    const site = createMemorySite({ root });
    expect((await site.rebuild()).ok).toBe(true);
    const before = Buffer.from(site.files.get('index.html') ?? []);
    const full = path.join(root, 'templates/partials/notice.njk');
    writeFileSync(full, gbk);
    const report = await site.rebuild([full]);
    expect(report.ok).toBe(false);
    expect(report.diagnostics.map(formatDiagnostic).map(withoutCodes)).toEqual([EXPECTED]);
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
    expect(run.ms).toBeLessThan(PATHOLOGICAL_MS);
  });

  it('dev site: a link out of the site fails the rebuild with the same error', async () => {
    const root = sites.make({ 'public/files/note.txt': '附件\n' });
    const site = createMemorySite({ root });
    expect((await site.rebuild()).ok).toBe(true);
    const link = path.join(root, 'public/files/passwd');
    symlinkSync('/etc/passwd', link);
    const report = await site.rebuild([link]);
    expect(report.ok).toBe(false);
    expect(report.diagnostics.map(formatDiagnostic).map(withoutCodes)).toEqual([
      refused[0]?.[2].replace('public/', 'public/files/'),
    ]);
    expect(site.files.has('files/passwd')).toBe(false);
  });
});

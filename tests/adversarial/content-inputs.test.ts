import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startDevServer } from '../../src/dev/dev-server.js';
import { formatDiagnostic } from '../../src/errors/diagnostic.js';
import { failsCleanly, siteFactory } from '../helpers/adversarial.js';
import { article, runCli } from '../helpers/site.js';
import { SseClient } from '../helpers/sse.js';

const sites = siteFactory();
afterEach(() => sites.cleanup());

const story = (title: string, fm: Record<string, string> = {}, body = '正文第一段。') =>
  article({ title, date: '2022-03-01 10:00', category: '学习', ...fm }, body);

// Issue 15, fault 4: a name that is not UTF-8 (新闻 in GBK, as a zip made on Windows unpacks it).
// readdir gave it as "\uFFFD\uFFFD", reading that failed with ENOENT, and the file was dropped as
// "gone since listed": the build said nothing and exited 0.
describe('a file name that is not UTF-8 is an error that shows its bytes, never skipped', () => {
  const GBK = Buffer.from([0xd0, 0xc2, 0xce, 0xc5]);
  const SHOWN = String.raw`\xD0\xC2\xCE\xC5`;
  const RENAME = 'names like this come from zip files made on Windows (unzip -O GBK unpacks them right)';
  /** Writes `data` at `dir/<新闻 in GBK><suffix>` (folders made as needed): Node takes a path as bytes. */
  const badName = (root: string, dir: string, suffix: string, data: string | Buffer = story('新闻')) => {
    mkdirSync(path.join(root, dir), { recursive: true });
    const full = Buffer.concat([Buffer.from(`${path.join(root, dir)}/`), GBK, Buffer.from(suffix)]);
    if (suffix.endsWith('/')) {
      mkdirSync(full);
      writeFileSync(Buffer.concat([full, Buffer.from('a.md')]), data);
    } else writeFileSync(full, data);
  };
  const fileLine = (folder: string, suffix: string) =>
    `${folder}: error: the name of a file here is not UTF-8, so it cannot be read: "${SHOWN}${suffix}" (in GBK: "新闻${suffix}"); rename the file, e.g. to "新闻${suffix}"; ${RENAME}`;

  it.each([
    ['an article', 'content/xuexi', '.md', fileLine('content/xuexi', '.md')],
    [
      'an image beside the articles',
      'content/xuexi/images',
      '.png',
      fileLine('content/xuexi/images', '.png'),
    ],
    [
      'a folder of articles',
      'content',
      '/',
      `content: error: the name of a folder here is not UTF-8, so nothing in it can be read: "${SHOWN}" (in GBK: "新闻"); rename the folder, e.g. to "新闻"; ${RENAME}`,
    ],
    ['a static file in public/', 'public', '.png', fileLine('public', '.png')],
    ['a static file deeper in public/', 'public/img', '.png', fileLine('public/img', '.png')],
    ['a template', 'templates/partials', '.njk', fileLine('templates/partials', '.njk')],
  ])('%s: the build fails, dist/ untouched', async (_name, dir, suffix, expected) => {
    const run = await failsCleanly(sites.make(), (root) => badName(root, dir, suffix), [expected]);
    expect(run.stderr).not.toContain('internal error');
  });

  it('gazette check reports it and exits 1', async () => {
    const root = sites.make();
    badName(root, 'content/xuexi', '.md');
    const run = await runCli(['check', '--root', root]);
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n')).toContain(fileLine('content/xuexi', '.md'));
  });

  it('a name that is not GBK either is shown by its bytes alone', async () => {
    const root = sites.make();
    writeFileSync(Buffer.from(`${root}/content/xuexi/a\xff\xfe.md`, 'latin1'), story('新闻'));
    const run = await runCli(['check', '--root', root]);
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n')).toContain(
      String.raw`content/xuexi: error: the name of a file here is not UTF-8, so it cannot be read: "a\xFF\xFE.md"; rename the file with UTF-8 characters; ${RENAME}`,
    );
  });

  it('the dev server shows it, in the terminal and in the browser', async () => {
    const root = sites.make();
    badName(root, 'content/xuexi', '.md');
    const log: string[] = [];
    const server = await startDevServer({ root, host: '127.0.0.1', port: 0, log: (l) => log.push(l) });
    const events = new SseClient(`${server.url}__gazette/events`);
    try {
      const report = await server.lastRebuild();
      expect(report.ok).toBe(false);
      expect(report.diagnostics.map(formatDiagnostic)).toContain(fileLine('content/xuexi', '.md'));
      expect(log).toContain(fileLine('content/xuexi', '.md'));
      const problem = await events.next();
      expect(problem.event).toBe('problem');
      expect(problem.data).toContain(fileLine('content/xuexi', '.md'));
    } finally {
      events.close();
      await server.close();
    }
  });
});

import { readFileSync, utimesSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningDevServer } from '../../src/dev/dev-server.js';
import { EVENTS_PATH } from '../../src/dev/live-reload.js';
import { buildsOk, FAILED, failsCleanly, siteFactory } from '../helpers/adversarial.js';
import { devServers } from '../helpers/dev-servers.js';
import { makePng } from '../helpers/png.js';
import { article, readPage, runCli, siteYaml, snapshotDir, writeFiles } from '../helpers/site.js';

// Faults of issue 18 the dev server and the lists had: a picture replaced with its modification
// time kept, a file of public/ that pages show, and a list's template reading what only an
// article's own page has.

const sites = siteFactory();
const { serve, closeAll } = devServers();
const streams: http.ClientRequest[] = [];
afterEach(async () => {
  for (const s of streams.splice(0)) s.destroy();
  await closeAll();
  sites.cleanup();
});

const bytesAt = async (server: RunningDevServer, rel: string) =>
  Buffer.from(await (await fetch(new URL(rel, server.url))).arrayBuffer());
const textAt = async (server: RunningDevServer, rel: string) => (await bytesAt(server, rel)).toString('utf8');

/** Waits up to `ms` for `ok` to hold; throws with `what` if it never does. */
async function eventually(what: string, ok: () => Promise<boolean>, ms = 8000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > until) throw new Error(`never: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The live-reload events the server sends a page, as they come: each `reload` event's files. */
async function reloads(server: RunningDevServer): Promise<string[][]> {
  const got: string[][] = [];
  await new Promise<void>((resolve, reject) => {
    const req = http.get(new URL(EVENTS_PATH, server.url), (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
        for (let end = text.indexOf('\n\n'); end !== -1; end = text.indexOf('\n\n')) {
          const event = text.slice(0, end);
          text = text.slice(end + 2);
          const data = /^event: reload\ndata: (.*)$/m.exec(event)?.[1];
          if (data) got.push(JSON.parse(data) as string[]);
        }
      });
      resolve();
    });
    req.on('error', reject);
    streams.push(req);
  });
  return got;
}

describe('the dev server after a file is replaced with its length and modification time kept', () => {
  it('serves the new picture and the page with its new size (cp -p of a picture of the same length)', async () => {
    const old = makePng(40, 30);
    const replacement = makePng(20, 63);
    expect(replacement.length).toBe(old.length);
    const root = sites.make({
      'content/xuexi/a.md': article(
        { title: '图片', date: '2022-03-01 10:00', category: '学习' },
        '![桥](images/b.png)',
      ),
      'content/xuexi/images/b.png': old,
    });
    const image = path.join(root, 'content/xuexi/images/b.png');
    const mtime = new Date('2024-01-02T03:04:05Z');
    utimesSync(image, mtime, mtime);
    const server = await serve(root);
    expect((await server.lastRebuild()).ok).toBe(true);
    const page = 'xuexi/2022/03/a/';
    expect(await textAt(server, page)).toContain('width="40" height="30"');
    const events = await reloads(server);

    // As `cp -p other.png b.png` leaves it: new bytes, the old modification time, and an access time
    // after it (the file was read since), which is when chokidar takes the change for a read.
    writeFileSync(image, replacement);
    utimesSync(image, new Date(), mtime);
    await eventually('the new picture is served', async () =>
      (await bytesAt(server, 'xuexi/2022/03/a/images/b.png')).equals(replacement),
    );
    expect(await textAt(server, page)).toContain('width="20" height="63"');
    expect(events.flat()).toEqual(
      expect.arrayContaining(['xuexi/2022/03/a/images/b.png', `${page}index.html`]),
    );
  }, 30_000);
});

describe('the dev server after a file of public/ that pages use changes', () => {
  it('serves a new logo (site.yaml `logo:`) and every page with its new size, and reloads the pages', async () => {
    const root = sites.make({ 'public/logo.png': makePng(40, 30) }, siteYaml('logo: /logo.png\n'));
    const server = await serve(root);
    expect((await server.lastRebuild()).ok).toBe(true);
    expect(await textAt(server, '')).toMatch(
      /<img class="site-logo" src="\/logo.png" alt="" width="40" height="30">/,
    );
    const events = await reloads(server);

    const logo = makePng(120, 20);
    writeFileSync(path.join(root, 'public/logo.png'), logo);
    await eventually('the new logo is served', async () => (await bytesAt(server, 'logo.png')).equals(logo));
    await eventually('the home page shows the new size', async () =>
      (await textAt(server, '')).includes('width="120" height="20"'),
    );
    expect(await textAt(server, 'xuexi/2022/03/good/')).toContain('width="120" height="20"');
    expect(events.flat()).toEqual(expect.arrayContaining(['logo.png', 'index.html']));
  }, 30_000);

  it('serves a new stylesheet of public/ and reloads the pages that use it', async () => {
    const root = sites.make({ 'public/assets/site.css': 'body { color: red; }\n' });
    const server = await serve(root);
    expect((await server.lastRebuild()).ok).toBe(true);
    expect(await textAt(server, '')).toContain('/assets/site.css');
    const events = await reloads(server);

    writeFileSync(path.join(root, 'public/assets/site.css'), 'body { color: blue; }\n');
    await eventually('the new stylesheet is served', async () =>
      (await textAt(server, 'assets/site.css')).includes('blue'),
    );
    // A page reloads on a change of any file that is not a page (live-reload.ts).
    expect(events.flat()).toContain('assets/site.css');
  }, 30_000);
});

/**
 * A theme's category list that links each article's attachments: only their own pages have them, and
 * a loop over what is not there writes nothing (an output of it, `{{ e.attachments }}`, was an error
 * already, GZ0401).
 */
const LISTS_ATTACHMENTS = `{% extends "base.njk" %}
{% block content %}
<ul>
{% for e in list.entries %}<li>{{ e.title }}{% for a in e.attachments %} <a href="{{ a.url }}">{{ a.text }}</a>{% endfor %}</li>{% endfor %}
</ul>
{% endblock %}
`;
const ERROR_LINE =
  `templates/category.njk:4:57: error: an article's "attachments" is only available as article.attachments on its own page,` +
  ' not where other pages show the article (lists, previous and next); leave it out of this template; while rendering /xuexi/';
const NOTICE = article(
  { title: '停电通知', date: '2022-03-02 09:00', category: '学习' },
  '附件：[停电路段一览](files/lu-duan.pdf)。',
);
const noticeFiles = { 'content/xuexi/tongzhi.md': NOTICE, 'content/xuexi/files/lu-duan.pdf': '%PDF-1.4\n' };

describe('a list template that reads what only an article’s own page has', () => {
  it('fails the build at the template’s line, and leaves dist/ as it was', async () => {
    const root = sites.make(noticeFiles);
    await failsCleanly(root, { 'templates/category.njk': LISTS_ATTACHMENTS }, [ERROR_LINE]);
  });

  it('fails the build the same when worker threads render the pages (--jobs 2)', async () => {
    const root = sites.make(noticeFiles);
    await buildsOk(root, ['--jobs', '2']);
    const before = snapshotDir(path.join(root, 'dist'));
    writeFiles(root, { 'templates/category.njk': LISTS_ATTACHMENTS });
    const run = await runCli(['build', '--root', root, '--jobs', '2']);
    expect(run.code, run.stderr).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toContain(ERROR_LINE);
    expect(lines.at(-1)).toMatch(FAILED);
    expect(snapshotDir(path.join(root, 'dist'))).toEqual(before);
  }, 60_000);

  it('fails the dev server’s rebuild with the same error, and keeps serving the last good site', async () => {
    const root = sites.make(noticeFiles);
    const log: string[] = [];
    const server = await serve(root, log);
    expect((await server.lastRebuild()).ok).toBe(true);
    const good = await textAt(server, 'xuexi/');
    writeFiles(root, { 'templates/category.njk': LISTS_ATTACHMENTS });
    await eventually('the rebuild fails', async () => !(await server.lastRebuild()).ok);
    expect(log).toContain(`${ERROR_LINE} [GZ0402]`);
    expect(await textAt(server, 'xuexi/')).toBe(good);
  }, 30_000);

  it('still builds with the built-in theme, whose lists read no such field', async () => {
    const root = sites.make(noticeFiles);
    await buildsOk(root, ['--jobs', '2']);
    expect(readPage(root, 'dist/xuexi/2022/03/tongzhi/index.html')).toContain('lu-duan.pdf');
    expect(readPage(root, 'dist/xuexi/index.html')).toContain('停电通知');
    expect(readFileSync(path.join(root, 'dist/xuexi/2022/03/tongzhi/files/lu-duan.pdf'), 'latin1')).toBe(
      '%PDF-1.4\n',
    );
  }, 60_000);
});

import { mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserProblem } from '../../src/dev/browser-problem.js';
import { type RunningDevServer, startDevServer } from '../../src/dev/dev-server.js';
import { article, makeSite, REPO, runCli, siteYaml, snapshotDir, withoutCodes } from '../helpers/site.js';
import { SseClient } from '../helpers/sse.js';

const a = (n: number, extra: Record<string, string> = {}) =>
  article(
    {
      title: `文章${n}`,
      date: `2022-03-${String(n).padStart(2, '0')} 09:00`,
      category: '学习',
      tags: '[就业]',
      ...extra,
    },
    `第${n}篇正文。`,
  );

let root: string;
let server: RunningDevServer;
let events: SseClient;
const log: string[] = [];

beforeAll(async () => {
  root = makeSite({
    'site.yaml': siteYaml(),
    'content/xuexi/a1.md': a(1),
    'content/xuexi/a2.md': a(2),
    'content/xuexi/a3.md': a(3),
    'content/yaowen/y1.md': article({ title: '要闻一', date: '2022-03-04 10:00', category: '要闻' }),
    'public/files/note.txt': '附件\n',
  });
  server = await startDevServer({ root, host: '127.0.0.1', port: 0, log: (l) => log.push(l) });
  events = new SseClient(`${server.url}__gazette/events`);
  await events.ready;
});
afterAll(async () => {
  events.close();
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

const get = (p: string) => fetch(new URL(p, server.url), { redirect: 'manual' });
const text = async (p: string) => (await get(p)).text();
const h1 = async (p: string) => /<h1 class="article-title">([^<]*)</.exec(await text(p))?.[1];
const write = (rel: string, data: string) => {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  writeFileSync(path.join(root, rel), data);
};

/** Forgets events already received (from earlier edits), so the next one belongs to the next edit. */
async function drain() {
  await new Promise((r) => setTimeout(r, 250));
  while (
    await events.next(1).then(
      () => true,
      () => false,
    )
  );
}

/**
 * Waits for rebuilds until `done` holds: a rename arrives as an add and, chokidar holding unlinks back
 * ~100 ms to recognise atomic saves, a later unlink, so one edit may take two batches.
 */
async function settle(done: () => Promise<boolean>) {
  for (let i = 0; i < 5 && !(await done()); i++) await nextEvent('reload');
  expect(await done()).toBe(true);
}
const status = async (p: string) => (await get(p)).status;

/** Waits for the rebuild that an edit causes, as the browser would see it. */
async function nextEvent(event: 'reload'): Promise<string[]>;
async function nextEvent(event: 'problem'): Promise<BrowserProblem[]>;
async function nextEvent(event: 'reload' | 'problem') {
  for (;;) {
    // On a timeout, say what the server did: the last lines of its log.
    const e = await events.next().catch((cause: Error) => {
      throw new Error(`${cause.message}; the dev server's log ends with:\n${log.slice(-8).join('\n')}`);
    });
    if (e.event === event) return e.data as string[] | BrowserProblem[];
  }
}

describe('serving', () => {
  it('binds to 127.0.0.1 and prints the URL', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(log).toContain(`gazette dev: serving ${root} at ${server.url}`);
  });

  it('serves pages with index.html for folders, correct content types and live reload injected', async () => {
    const res = await get('/xuexi/2022/03/a1/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await res.text();
    expect(html).toContain('<h1 class="article-title">文章1</h1>');
    expect(html).toContain('new EventSource("/__gazette/events")');
    const css = await get('/assets/site.css');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect((await get('/files/note.txt')).headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const redirect = await get('/xuexi');
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/xuexi/');
  });

  it("answers a miss with the site's 404 page", async () => {
    const res = await get('/no/such/page/');
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('抱歉，您访问的页面不存在');
  });

  it('serves nothing outside the site, and stays up', async () => {
    // A link out of the site fails the rebuild (the build refuses it too); the last good pages stay.
    symlinkSync('/etc/passwd', path.join(root, 'public/files/passwd'));
    write('public/files/trigger.txt', 'x');
    const problems = await nextEvent('problem');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      severity: 'error',
      file: 'public/files/passwd',
      message: 'this link points outside the site folder, so it is not copied',
      hint: 'copy the file into the site instead of linking to it',
    });
    const attempts = [
      '/../site.yaml',
      '/%2e%2e/site.yaml',
      '/%2e%2e%2fsite.yaml',
      '/..%2f..%2fetc/passwd',
      '/xuexi/%00',
      '/files/passwd',
      '/content/xuexi/a1.md',
      '/%',
      '//etc/passwd',
    ];
    for (const p of attempts) {
      const res = await rawGet(p);
      expect([p, res.status]).toEqual([p, p === '/%' ? 404 : 404]);
      expect(res.body).not.toContain('root:');
      expect(res.body).not.toContain('title: 测试新闻网');
    }
    expect((await get('/')).status).toBe(200);
    unlinkSync(path.join(root, 'public/files/passwd'));
    await nextEvent('reload');
  });
});

describe('live rebuilds', () => {
  it('re-renders an edited article and only the pages that list it, and tells the browser', async () => {
    await drain();
    write('content/xuexi/a2.md', a(2, { title: '文章2改' }));
    const changed = await nextEvent('reload');
    expect(await h1('/xuexi/2022/03/a2/')).toBe('文章2改');
    // Its neighbours (上一篇/下一篇 and 相关阅读 titles), the list pages it is on (the archive's too),
    // the site map, the home page and the feeds; not page 2 of 学习 or of the tag, which list only
    // 文章1, nor sitemap.xml, whose dates did not change.
    expect(changed).toEqual([
      'archive/2022/03/page/2/index.html',
      'archive/2022/index.html',
      'atom.xml',
      'feed.xml',
      'index.html',
      'sitemap/index.html',
      'tags/jiu-ye/index.html',
      'xuexi/2022/03/a1/index.html',
      'xuexi/2022/03/a2/index.html',
      'xuexi/2022/03/a3/index.html',
      'xuexi/atom.xml',
      'xuexi/feed.xml',
      'xuexi/index.html',
    ]);
    expect(changed).not.toContain('yaowen/2022/03/y1/index.html');
  });

  it('re-renders only the pages whose templates use an edited partial', async () => {
    await drain();
    const theme = readFileSync(path.join(REPO, 'templates/partials/pagination.njk'), 'utf8');
    write('templates/partials/pagination.njk', theme.replaceAll('上一页', '前一页'));
    // The new templates/ folder may arrive as its own event before the file: gather every batch.
    const changed: string[] = [];
    while (!(await text('/xuexi/')).includes('前一页')) changed.push(...(await nextEvent('reload')));
    expect(changed.length).toBeGreaterThan(0);
    // The pagination partial is used by category, tag and archive lists only.
    expect(
      changed.filter(
        (f) => !/^(xuexi|yaowen|tags\/[^/]+|archive(\/\d+)*)\/(page\/\d+\/)?index\.html$/.test(f),
      ),
    ).toEqual([]);
    rmSync(path.join(root, 'templates'), { recursive: true });
    await settle(async () => (await text('/xuexi/')).includes('上一页'));
  });

  it('handles an atomic rename save (vim, VS Code)', async () => {
    const tmp = path.join(root, 'content/xuexi/.a1.md.swp');
    writeFileSync(tmp, a(1, { title: '原子保存' }));
    renameSync(tmp, path.join(root, 'content/xuexi/a1.md'));
    await settle(async () => (await h1('/xuexi/2022/03/a1/')) === '原子保存');
  });

  it('handles a file written in two chunks', async () => {
    const full = a(3, { title: '分两次写入' });
    const fd = path.join(root, 'content/xuexi/a3.md');
    writeFileSync(fd, full.slice(0, 10));
    await new Promise((r) => setTimeout(r, 5));
    writeFileSync(fd, full);
    // The first chunk may or may not be seen on its own; the last state always wins.
    for (let i = 0; i < 3 && (await h1('/xuexi/2022/03/a3/')) !== '分两次写入'; i++) await events.next();
    expect(await h1('/xuexi/2022/03/a3/')).toBe('分两次写入');
  });

  it('updates every listing when a file is added, renamed, deleted, or its folder renamed', async () => {
    write('content/xuexi/a5.md', a(5));
    await settle(async () => (await status('/xuexi/2022/03/a5/')) === 200);

    renameSync(path.join(root, 'content/xuexi/a5.md'), path.join(root, 'content/xuexi/a6.md'));
    await settle(
      async () =>
        (await status('/xuexi/2022/03/a5/')) === 404 && (await status('/xuexi/2022/03/a6/')) === 200,
    );

    unlinkSync(path.join(root, 'content/xuexi/a6.md'));
    await settle(async () => (await status('/xuexi/2022/03/a6/')) === 404);
    expect(await text('/xuexi/')).not.toContain('/xuexi/2022/03/a6/');

    // A renamed folder: the article keeps its URL (the category comes from its front matter).
    renameSync(path.join(root, 'content/yaowen'), path.join(root, 'content/yaowen-old'));
    await settle(async () => (await text('/yaowen/2022/03/y1/')).includes('要闻一'));
    write(
      'content/yaowen-old/y1.md',
      article({ title: '要闻一改', date: '2022-03-04 10:00', category: '要闻' }),
    );
    await settle(async () => (await text('/yaowen/2022/03/y1/')).includes('要闻一改'));
  });

  it('takes a burst of many changed files (a git pull) as one or a few batches', async () => {
    for (let n = 10; n < 30; n++) write(`content/xuexi/pull-${n}.md`, a(n - 2));
    await settle(
      async () =>
        (await status('/xuexi/2022/03/pull-29/')) === 200 &&
        (await status('/xuexi/2022/03/pull-10/')) === 200,
    );
    expect(await text('/xuexi/')).toContain('文章27');
  });

  it('keeps serving the last good pages on an error, shows it, and recovers when fixed', async () => {
    await drain();
    const before = await text('/xuexi/2022/03/a2/');
    write('content/xuexi/a2.md', '---\ntitle: 文章2\ndate: 2022-02-30 09:00\ncategory: 学习\n---\n正文\n');
    // The browser gets each part apart, to lay out; the terminal gets the line editors' tools read.
    const problem = await nextEvent('problem');
    expect(problem).toEqual([
      {
        severity: 'error',
        code: 'GZ0201',
        file: 'content/xuexi/a2.md',
        line: 3,
        column: 7,
        message: '"2022-02-30 09:00" is not a real date and time',
        hint: 'that day does not exist in that month',
        editorUrl: `vscode://file${path.resolve(root)}/content/xuexi/a2.md:3:7`,
      },
    ]);
    expect(withoutCodes(log.at(-2) ?? '')).toBe(
      'content/xuexi/a2.md:3:7: error: "2022-02-30 09:00" is not a real date and time; that day does not exist in that month',
    );
    expect(log.at(-1)).toMatch(
      /^build failed after \d+ ms \(content\/xuexi\/a2\.md\); still serving the last good pages$/,
    );
    expect(await text('/xuexi/2022/03/a2/')).toBe(before);

    // A page opened while the error stands gets the overlay at once.
    const late = new SseClient(`${server.url}__gazette/events`);
    expect((await late.next()).event).toBe('problem');
    late.close();

    write('content/xuexi/a2.md', a(2, { title: '修好了' }));
    await settle(async () => (await h1('/xuexi/2022/03/a2/')) === '修好了');
  });

  it('a template error keeps the last good pages until the template is fixed', async () => {
    write('templates/partials/meta-line.njk', '{% if article.source %}\n');
    const problem = await nextEvent('problem');
    expect(problem[0]).toMatchObject({ severity: 'error', file: 'templates/partials/meta-line.njk' });
    expect(problem[0]?.message).toMatch(/^template error: /);
    // A content edit while the template is broken must not quietly render with the old template.
    write('content/xuexi/a1.md', a(1, { title: '模板坏时的改动' }));
    expect((await nextEvent('problem'))[0]).toEqual(problem[0]);
    rmSync(path.join(root, 'templates'), { recursive: true });
    await settle(async () => (await h1('/xuexi/2022/03/a1/')) === '模板坏时的改动');
  });

  it('after all these edits, serves exactly what a fresh full build gives', async () => {
    const out = path.join(root, 'fresh-build');
    // The dev server writes no search index (its search page says so): compare with a build without.
    const run = await runCli([
      'build',
      '--root',
      root,
      '--out',
      out,
      '--base-url',
      server.url,
      '--no-search',
    ]);
    expect(run.code).toBe(0);
    const built = snapshotDir(out);
    const served = new Map<string, Buffer>();
    for (const rel of built.keys()) {
      const res = await get(`/${rel.split(path.sep).join('/')}`);
      expect(res.status).toBe(200);
      const body = Buffer.from(await res.arrayBuffer());
      served.set(
        rel,
        rel.endsWith('.html')
          ? Buffer.from(body.toString('utf8').replace(/<script>\n\(\(\) => \{[\s\S]*?<\/script>/, ''))
          : body,
      );
    }
    expect(served).toEqual(built);
    expect(readFileSync(path.join(out, 'xuexi/2022/03/a1/index.html'), 'utf8')).toContain('模板坏时的改动');
  });
});

/** A request with the path exactly as given (fetch would normalise `..` away). */
function rawGet(p: string): Promise<{ status: number; body: string }> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), '127.0.0.1', () =>
      socket.write(`GET ${p} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`),
    );
    let data = '';
    socket.setEncoding('utf8');
    socket.on('data', (c) => {
      data += c;
    });
    socket.on('end', () => resolve({ status: Number(/^HTTP\/1\.1 (\d+)/.exec(data)?.[1]), body: data }));
    socket.on('error', reject);
  });
}

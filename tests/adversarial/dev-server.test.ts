import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningDevServer, startDevServer } from '../../src/dev/dev-server.js';
import { GOOD } from '../helpers/adversarial.js';
import { makeSite, removeSite, siteYaml } from '../helpers/site.js';

let root: string;
let server: RunningDevServer;
let port: number;
const log: string[] = [];
const BIG = 4 * 1024 * 1024;

beforeAll(async () => {
  root = makeSite({
    'site.yaml': siteYaml(),
    'content/xuexi/good.md': GOOD,
    'public/files/big.bin': Buffer.alloc(BIG, 7),
    'public/files/note.txt': '附件\n',
  });
  // No links in public/: a build refuses one out of the site, and copies what one inside it points
  // to (tests/adversarial/template-inputs.test.ts). What is asked for here is not in the site at all.
  server = await startDevServer({ root, host: '127.0.0.1', port: 0, log: (l) => log.push(l) });
  port = Number(new URL(server.url).port);
});
afterAll(async () => {
  await server.close();
  removeSite(root);
});

/** Sends `request` as raw bytes and returns everything the server answers until it closes. */
function raw(request: string | Buffer, { timeoutMs = 10_000 } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(request));
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', (e: NodeJS.ErrnoException) =>
      // The server may cut a bad request off with a reset: that is an answer too.
      e.code === 'ECONNRESET' ? resolve(Buffer.concat(chunks).toString('utf8')) : reject(e),
    );
    socket.setTimeout(timeoutMs, () => reject(new Error(`no answer to ${String(request).slice(0, 60)}`)));
  });
}
const get = (target: string) => raw(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
const statusOf = (response: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1] ?? 0);
const stillServing = async () => {
  const res = await fetch(server.url);
  expect(res.status).toBe(200);
  expect(await res.text()).toContain('好文章');
};

/** What no answer may contain: a line of /etc/passwd, site.yaml, an article's source. */
const SECRETS = ['root:', 'baseUrl: https://news.example.cn/', 'title: 好文章'];

describe('requests that try to leave the site', () => {
  // `/..` and `/?../..` are the home page, as a browser resolves them: inside the site.
  it.each(['/..', '/?../../site.yaml'])('%s is the home page', async (target) => {
    const response = await get(target);
    expect(statusOf(response)).toBe(200);
    expect(response).toContain('<title>测试新闻网</title>');
    for (const secret of SECRETS) expect(response).not.toContain(secret);
  });

  it.each([
    '/../site.yaml',
    '/../../../../etc/passwd',
    '/%2e%2e/site.yaml',
    '/%2E%2E%2Fsite.yaml',
    '/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '/.%2e/site.yaml',
    '/..%5c..%5csite.yaml',
    '/%252e%252e/site.yaml',
    '/%c0%ae%c0%ae/site.yaml',
    '/%00',
    '/index.html%00.txt',
    '/files/note.txt%00',
    '//etc/passwd',
    'http://localhost/../../etc/passwd',
    '/\\..\\..\\etc\\passwd',
    '/content/xuexi/good.md',
    '/site.yaml',
    '/files/passwd',
    '/files/site.txt',
    '/%',
    '/%zz',
  ])('%s', async (target) => {
    const response = await get(target);
    expect([400, 404]).toContain(statusOf(response));
    for (const secret of SECRETS) expect(response).not.toContain(secret);
  });

  it('other methods are refused and write nothing', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'TRACE']) {
      const response = await raw(
        `${method} /xuexi/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello`,
      );
      expect([method, statusOf(response)]).toEqual([method, 405]);
    }
    await stillServing();
  });
});

describe('abuse', () => {
  it('headers over 64 KB are refused (431), and the server stays up', async () => {
    const response = await raw(
      `GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'a'.repeat(70 * 1024)}\r\n\r\n`,
    );
    expect(statusOf(response)).toBe(431);
    const many = Array.from({ length: 2000 }, (_, i) => `X-H${i}: ${'b'.repeat(40)}`).join('\r\n');
    expect(statusOf(await raw(`GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n${many}\r\n\r\n`))).toBe(431);
    await stillServing();
  });

  it('garbage instead of HTTP gets a 400, and the server stays up', async () => {
    expect(statusOf(await raw('\u0000\u0001\u0002 nonsense\r\n\r\n'))).toBe(400);
    expect(statusOf(await raw('GET / HTTP/9.9\r\n\r\n'))).toBeGreaterThanOrEqual(400);
    expect(statusOf(await raw(Buffer.from([0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00])))).toBe(400);
    await stillServing();
  });

  it('a thousand concurrent requests are all answered, correctly', { timeout: 60_000 }, async () => {
    const agent = new http.Agent({ keepAlive: false, maxSockets: Number.POSITIVE_INFINITY });
    const one = (i: number) =>
      new Promise<[number, string]>((resolve, reject) => {
        const target = i % 3 === 0 ? '/' : i % 3 === 1 ? '/xuexi/2022/03/good/' : '/files/note.txt';
        http
          .get({ host: '127.0.0.1', port, path: target, agent }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c) => chunks.push(c));
            res.on('end', () => resolve([res.statusCode ?? 0, Buffer.concat(chunks).toString('utf8')]));
          })
          .on('error', reject);
      });
    const answers = await Promise.all(Array.from({ length: 1000 }, (_, i) => one(i)));
    expect(answers.filter(([status]) => status !== 200)).toEqual([]);
    expect(new Set(answers.filter((_, i) => i % 3 === 2).map(([, body]) => body))).toEqual(
      new Set(['附件\n']),
    );
    expect(new Set(answers.filter((_, i) => i % 3 === 1).map(([, body]) => body)).size).toBe(1);
    agent.destroy();
    await stillServing();
  });

  it('clients that go away mid-response or mid-request do not hurt it', async () => {
    for (let i = 0; i < 20; i++) {
      await new Promise<void>((resolve) => {
        const socket = net.connect(port, '127.0.0.1', () =>
          socket.write('GET /files/big.bin HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'),
        );
        socket.once('data', () => {
          socket.destroy();
          resolve();
        });
        socket.on('error', () => resolve());
      });
      // Half a request line, then gone.
      await new Promise<void>((resolve) => {
        const socket = net.connect(port, '127.0.0.1', () => {
          socket.write('GET /xuexi/2022/0');
          socket.destroy();
          resolve();
        });
        socket.on('error', () => resolve());
      });
    }
    // An event stream dropped at once.
    const events = net.connect(port, '127.0.0.1', () =>
      events.end('GET /__gazette/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'),
    );
    events.on('error', () => {});
    const full = await fetch(new URL('/files/big.bin', server.url));
    expect(full.status).toBe(200);
    expect((await full.arrayBuffer()).byteLength).toBe(BIG);
    await stillServing();
    expect(log.filter((l) => /error/i.test(l))).toEqual([]);
  });
});

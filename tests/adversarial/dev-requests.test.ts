import net from 'node:net';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningDevServer, startDevServer } from '../../src/dev/dev-server.js';
import { ReloadHub } from '../../src/dev/live-reload.js';
import { createServer } from '../../src/dev/server.js';
import { GOOD } from '../helpers/adversarial.js';
import { makeSite, removeSite, siteYaml } from '../helpers/site.js';

interface Answer {
  status: number;
  headers: Map<string, string>;
  body: string;
}

/**
 * Sends a request with the target and Host exactly as given (an HTTP client would normalise the
 * path) and reads the answer's head and up to `timeoutMs` of its body (an event stream never ends).
 */
function request(port: number, target: string, host: string | null, timeoutMs = 10_000): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const head = `GET ${target} HTTP/1.1\r\n${host === null ? '' : `Host: ${host}\r\n`}Connection: close\r\n\r\n`;
    const socket = net.connect(port, '127.0.0.1', () => socket.write(head));
    const chunks: Buffer[] = [];
    const answer = (): Answer => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [top = '', body = ''] = text.split(/\r\n\r\n([\s\S]*)/);
      const [statusLine = '', ...lines] = top.split('\r\n');
      const headers = new Map(
        lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
      );
      return { status: Number(/^HTTP\/1\.1 (\d{3})/.exec(statusLine)?.[1] ?? 0), headers, body };
    };
    socket.on('data', (c) => chunks.push(c));
    socket.on('end', () => resolve(answer()));
    socket.on('error', reject);
    socket.setTimeout(timeoutMs, () => {
      socket.destroy();
      const got = answer();
      // A live-reload stream stays open: what came so far is its answer.
      if (got.status) resolve(got);
      else reject(new Error(`no answer to GET ${target} (Host: ${host}) within ${timeoutMs} ms`));
    });
  });
}

let root: string;
let server: RunningDevServer;
let port: number;
const log: string[] = [];

beforeAll(async () => {
  root = makeSite({
    'site.yaml': siteYaml(),
    'content/xuexi/good.md': GOOD,
    'public/专题/index.html': '<!doctype html><title>专题</title><body>专题页</body>',
    'public/evil.com/index.html': '<!doctype html><title>evil</title><body>站内的 evil.com 文件夹</body>',
  });
  server = await startDevServer({ root, host: '127.0.0.1', port: 0, log: (l) => log.push(l) });
  port = Number(new URL(server.url).port);
});
afterAll(async () => {
  await server.close();
  removeSite(root);
});

const get = (target: string, host: string | null = `127.0.0.1:${port}`) => request(port, target, host);

async function stillServing() {
  const home = await get('/');
  expect(home.status).toBe(200);
  expect(home.body).toContain('好文章');
}

/** A Location a browser would follow to this server, never to another host. */
function expectOnSite(location: string | undefined) {
  expect(location).toBeDefined();
  // Printable ASCII only: anything else would be percent-encoded.
  expect(location).toMatch(/^\/[\x21-\x7e]*$/);
  expect(location).not.toMatch(/^\/[/\\]/);
  expect(new URL(location ?? '', server.url).host).toBe(`127.0.0.1:${port}`);
}

describe('a folder address without its slash', () => {
  it('in Chinese, redirects to its percent-encoded address, and the server lives on', async () => {
    const answer = await get('/%E4%B8%93%E9%A2%98');
    expect(answer.status).toBe(301);
    expect(answer.headers.get('location')).toBe('/%E4%B8%93%E9%A2%98/');
    const page = await get(answer.headers.get('location') ?? '');
    expect(page.status).toBe(200);
    expect(page.body).toContain('专题页');
    await stillServing();
  });

  it('keeps the query, encoded, on the way to the slash', async () => {
    const answer = await get('/%E4%B8%93%E9%A2%98?q=%E5%AD%A6%E4%B9%A0&x="<');
    expect(answer.status).toBe(301);
    expect(answer.headers.get('location')).toBe('/%E4%B8%93%E9%A2%98/?q=%E5%AD%A6%E4%B9%A0&x=%22%3C');
  });

  it.each([
    ['/%2F%2Fxuexi', '/xuexi/'],
    ['/%2Fxuexi', '/xuexi/'],
    ['//xuexi', '/xuexi/'],
    ['///evil.com', '/evil.com/'],
    ['/\\evil.com', '/evil.com/'],
    ['/\\\\evil.com', '/evil.com/'],
    ['/%2F%2Fevil.com', '/evil.com/'],
    ['http://evil.com/xuexi', '/xuexi/'],
  ])('%s redirects within the site, to %s', async (target, location) => {
    const answer = await get(target);
    expect(answer.status).toBe(301);
    expect(answer.headers.get('location')).toBe(location);
    expectOnSite(answer.headers.get('location'));
  });
});

describe('nasty paths neither crash the server nor send anyone off the site', () => {
  it.each([
    '/%5Cevil.com',
    '/%5C%5Cevil.com',
    '/%2F%5Cevil.com',
    '/xuexi%0d%0aSet-Cookie:%20a=b',
    '/%E4%B8%93%E9%A2%98%0d%0aLocation:%20http://evil.com',
    '/%0d%0a',
    '/%E4%B8',
    '/%E4%B8%93%E9%A2',
    '/%ff',
    '/%C0%AF',
    '/%ED%A0%80',
    '/%E4%B8%93%E9%A2%98/%ff',
    '/%09xuexi',
  ])('%s is not found', async (target) => {
    const answer = await get(target);
    expect(answer.status).toBe(404);
    expect(answer.headers.has('location')).toBe(false);
    expect(answer.headers.has('set-cookie')).toBe(false);
    await stillServing();
  });

  it('nothing was logged as an error', () => {
    expect(log.filter((l) => /error/i.test(l))).toEqual([]);
  });
});

describe('an error while answering a request', () => {
  it('is a 500 and a line in the terminal, never the end of the server', async () => {
    const lines: string[] = [];
    let broken = true;
    const files = new Map([['index.html', new TextEncoder().encode('<body>首页</body>')]]);
    const hub = new ReloadHub();
    const failing = createServer({
      site: () => {
        if (broken) throw new Error('the site broke');
        return files;
      },
      hub,
      hostAllowed: () => true,
      log: (l) => lines.push(l),
      lang: 'en',
    });
    await new Promise<void>((resolve) => failing.listen(0, '127.0.0.1', resolve));
    const at = (failing.address() as net.AddressInfo).port;
    try {
      const answer = await request(at, '/xuexi/', `127.0.0.1:${at}`);
      expect(answer.status).toBe(500);
      expect(answer.body).toContain('500 Internal Server Error');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^gazette dev: internal error answering GET \/xuexi\/ \(please report it\): /);
      expect(lines[0]).toContain('the site broke');
      broken = false;
      const after = await request(at, '/', `127.0.0.1:${at}`);
      expect(after.status).toBe(200);
      expect(after.body).toContain('首页');
    } finally {
      hub.close();
      failing.closeAllConnections();
      await new Promise((resolve) => failing.close(resolve));
    }
  });
});

describe('the Host a request names', () => {
  const REFUSED = [
    'attacker.example',
    'attacker.example:PORT',
    'ATTACKER.example',
    'localhost.attacker.example',
    '127.0.0.1.nip.io:PORT',
    'localhost@attacker.example',
    'localhost:PORT@attacker.example',
    'attacker.example#127.0.0.1',
    '192.168.1.20:PORT',
    '',
  ];

  it.each(REFUSED)('%s is refused, on pages and the live-reload stream', async (name) => {
    const host = name.replace('PORT', String(port));
    for (const target of [
      '/',
      '/xuexi/',
      '/xuexi/2022/03/good/',
      '/__gazette/events',
      '/%E4%B8%93%E9%A2%98',
    ]) {
      const answer = await get(target, host);
      expect([target, answer.status]).toEqual([target, 403]);
      expect(answer.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(answer.body).toContain('--host');
      expect(answer.body).not.toContain('好文章');
      expect(answer.headers.has('location')).toBe(false);
    }
    await stillServing();
  });

  it.each([
    '127.0.0.1:PORT',
    '127.0.0.1',
    'localhost:PORT',
    'localhost',
    'LocalHost:PORT',
    '[::1]:PORT',
    '[::1]',
  ])('%s is answered', async (name) => {
    const answer = await get('/', name.replace('PORT', String(port)));
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('好文章');
  });

  it('the live-reload stream is open to the names of this server', async () => {
    const answer = await request(port, '/__gazette/events', `localhost:${port}`, 500);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
  });

  it('a request without a Host (HTTP/1.0) is answered: no browser sends one', async () => {
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => socket.write('GET / HTTP/1.0\r\n\r\n'));
      let data = '';
      socket.on('data', (c) => {
        data += c;
      });
      socket.on('end', () => resolve(data));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
  });
});

describe.each(['0.0.0.0', '::'])('listening on every interface (--host %s)', (everywhere) => {
  let open: RunningDevServer;
  let openPort: number;
  beforeAll(async () => {
    open = await startDevServer({ root, host: everywhere, port: 0, log: () => {} });
    openPort = Number(new URL(open.url).port);
  });
  afterAll(() => open.close());

  it.each([
    `0.0.0.0:PORT`,
    `192.168.1.20:PORT`,
    `10.0.0.7`,
    `[fe80::1]:PORT`,
    `localhost:PORT`,
    `${os.hostname()}:PORT`,
    os.hostname().toUpperCase(),
  ])('%s is answered: an address of this machine, or its name', async (name) => {
    const answer = await request(openPort, '/', name.replace('PORT', String(openPort)));
    expect(answer.status).toBe(200);
  });

  it.each(['attacker.example:PORT', `${os.hostname()}.attacker.example`, 'rebind.127.0.0.1.nip.io'])(
    '%s is refused, on pages and the live-reload stream',
    async (name) => {
      for (const target of ['/', '/__gazette/events']) {
        const answer = await request(openPort, target, name.replace('PORT', String(openPort)));
        expect(answer.status).toBe(403);
        expect(answer.body).toContain('--host');
      }
    },
  );
});

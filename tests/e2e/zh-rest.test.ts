import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ReloadHub } from '../../src/dev/live-reload.js';
import { createServer } from '../../src/dev/server.js';
import { BIN, makeSite, removeSite, runCliWithCodes, siteYaml } from '../helpers/site.js';

// Issue 17: the last English lines an editor of a Chinese site could see — init's refused values,
// the dev server's own lines and pages, a closed pipe — now in the editors' language.
const made: string[] = [];
afterEach(() => {
  for (const root of made.splice(0)) removeSite(root);
});
const site = (yaml = siteYaml()) => {
  const root = makeSite({ 'site.yaml': yaml });
  made.push(root);
  return root;
};
const place = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gazette-zhrest-'));
  made.push(dir);
  return path.join(dir, 'site');
};

const GOOD = ['--title', '新闻网', '--base-url', 'https://a.cn/', '--category', '要闻:yaowen'];

describe('gazette init refuses a bad value in the editors’ language, with a code', () => {
  it.each([
    [
      ['--base-url', 'news.example.cn'],
      '--base-url：“baseUrl”必须是以 http:// 或 https:// 开头的完整网址，不能带“?”或“#”后面的部分；可以这样写：https://news.example.cn/。 [GZ0814]',
    ],
    [
      ['--time-zone', 'Beijing'],
      '--time-zone：“timeZone”不是有效的时区名（IANA 时区）；可以这样写：Asia/Shanghai。 [GZ0814]',
    ],
    [['--title', ' '], '--title：“title”不能是空的。 [GZ0814]'],
    [
      ['--police', '浙公网安备'],
      '--police：公安备案“浙公网安备”里没有备案号；请照网站上显示的样子完整填写，如 浙公网安备 33070202000123号。 [GZ0815]',
    ],
    [
      ['--category', ':yaowen'],
      '--category：栏目“:yaowen”没有名称；请写成“名称:代号”，如 要闻:yaowen。 [GZ0816]',
    ],
    [
      ['--category', '要闻:Yao'],
      '--category：“要闻:Yao”：栏目的网址名（slug）只能用小写字母 a-z、数字 0-9 和“-”；可以这样写：xuexi。 [GZ0814]',
    ],
    [
      ['--category', '学习:yaowen'],
      '--category：栏目“学习”（yaowen）列了两次；它和“要闻”（yaowen）重复了，删掉其中一个。 [GZ0303]',
    ],
  ])('%j', async (extra, line) => {
    const root = place();
    const run = await runCliWithCodes(['init', root, ...GOOD, ...extra, '--lang', 'zh-CN']);
    expect(run.code).toBe(2);
    expect(run.stderr.replace(/^gazette init：/, '').split('\n')).toContain(line);
    expect(run.stderr).not.toMatch(/must|has no|is not a known/);
    expect(existsSync(root)).toBe(false);
  });

  it('every bad flag at once, and in English with --lang en', async () => {
    const root = place();
    const bad = ['--base-url', 'x', '--police', '浙公网安备'];
    const zh = await runCliWithCodes(['init', root, ...GOOD, ...bad, '--lang', 'zh-CN']);
    expect(zh.stderr.split('\n').slice(0, 2)).toEqual([
      expect.stringMatching(/^gazette init：--base-url：“baseUrl”必须是.* \[GZ0814\]$/),
      expect.stringMatching(/^--police：公安备案“浙公网安备”里没有备案号；.* \[GZ0815\]$/),
    ]);
    const en = await runCliWithCodes(['init', root, ...GOOD, ...bad, '--lang', 'en']);
    expect(en.stderr.split('\n').slice(0, 2)).toEqual([
      expect.stringMatching(
        /^gazette init: --base-url: "baseUrl" must be an absolute http\(s\) URL.* \[GZ0814\]$/,
      ),
      '--police: the 公安备案 has no number in it; give it as shown, e.g. 浙公网安备 33070202000123号 [GZ0815]',
    ]);
    expect(existsSync(root)).toBe(false);
  });
});

/** Runs the real executable with its stdout closed by the reader before anything is printed. */
function withClosedStdout(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, GAZETTE_LANG: '' },
    });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('a reader that stops reading (gazette theme list | head -1)', () => {
  it('ends the command quietly, with exit 0', async () => {
    const root = site();
    const run = await withClosedStdout(['theme', 'list', '--root', root]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it('--help too', async () => {
    const run = await withClosedStdout(['build', '--help']);
    expect(run).toEqual({ code: 0, stderr: '' });
  });
});

interface Running {
  readonly url: string;
  readonly child: ReturnType<typeof spawn>;
  readonly stdout: () => string;
  readonly stderr: () => string;
  readonly exited: Promise<number | null>;
}

/** The real `gazette dev`, as an editor starts it (no GAZETTE_LANG): the site's language decides. */
function startDev(root: string, nodeArgs: string[] = []): Promise<Running> {
  const child = spawn(process.execPath, [...nodeArgs, BIN, 'dev', '--root', root, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, GAZETTE_LANG: '' },
  });
  let out = '';
  let err = '';
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`dev did not start:\n${out}\n${err}`)), 30_000);
    child.stdout.on('data', (d) => {
      out += d;
      const url = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ url, child, stdout: () => out, stderr: () => err, exited });
      }
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    exited.then(() => reject(new Error(`dev ended:\n${out}\n${err}`)));
  });
}
const running: Running[] = [];
afterEach(async () => {
  for (const r of running.splice(0)) {
    r.child.kill('SIGTERM');
    await r.exited;
  }
});
const dev = async (root: string, nodeArgs: string[] = []) => {
  const r = await startDev(root, nodeArgs);
  running.push(r);
  return r;
};

/** A GET with the Host header given (fetch does not let a test set it). */
function get(url: string, host?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: host ? { host } : {} }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => {
        body += d;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
  });
}

const BROKEN = {
  'content/xuexi/a.md': '---\ntitle: 坏日期\ndate: 2022-02-30 09:00\ncategory: 学习\n---\n\n正文。\n',
};

describe('the dev server speaks the site’s language in the browser', () => {
  it('a zh-CN site: the refused Host, the page of a failed first build and its error screen in Chinese', async () => {
    const root = makeSite({ 'site.yaml': siteYaml(), ...BROKEN });
    made.push(root);
    const server = await dev(root);
    const refused = await get(server.url, 'attacker.example');
    expect(refused.status).toBe(403);
    expect(refused.body).toContain('gazette dev：拒绝了一个主机名为 "attacker.example" 的请求');
    expect(refused.body).toContain('--host');
    expect(refused.body).not.toMatch(/refused|answers only/);
    const page = await get(server.url);
    expect(page.body).toContain('<html lang="zh-CN">');
    expect(page.body).toContain('<h1>网站还没有生成成功</h1>');
    // The error screen's words go with the page's script.
    expect(page.body).toContain('构建出错：修改并保存后，页面会自动刷新。');
    expect(page.body).toContain('"error":"错误"');
    expect(page.body).not.toContain('The build failed');
  });

  it('an English site: the same in English', async () => {
    const root = makeSite({ 'site.yaml': siteYaml('language: en\n'), ...BROKEN });
    made.push(root);
    const server = await dev(root);
    const refused = await get(server.url, 'attacker.example');
    expect(refused.status).toBe(403);
    expect(refused.body).toMatch(/^gazette dev: refused a request for host "attacker.example": /);
    const page = await get(server.url);
    expect(page.body).toContain('<html lang="en">');
    expect(page.body).toContain('<h1>The site has not been built yet</h1>');
    expect(page.body).toContain('The build failed: fix and save, and the page reloads by itself.');
    expect(page.body).toContain('"error":"Error"');
    expect(page.body).not.toMatch(/构建出错|网站还没有/);
  });
});

describe('a bug while answering one request', () => {
  it('is told in the editors’ language, in the terminal and in the browser', async () => {
    for (const [lang, line, body] of [
      [
        'zh',
        /^gazette dev：回应请求 GET \/xuexi\/ 时内部出错（这是 gazette 的问题.*）：Error: the site broke/,
        /^500 预览服务内部出错/,
      ],
      [
        'en',
        /^gazette dev: internal error answering GET \/xuexi\/ \(please report it\): Error: the site broke/,
        /^500 Internal Server Error$/,
      ],
    ] as const) {
      const lines: string[] = [];
      const hub = new ReloadHub();
      const server = createServer({
        site: () => {
          throw new Error('the site broke');
        },
        hub,
        hostAllowed: () => true,
        log: (l) => lines.push(l),
        lang,
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      try {
        const { port } = server.address() as AddressInfo;
        const answer = await get(`http://127.0.0.1:${port}/xuexi/`);
        expect(answer.status).toBe(500);
        expect(answer.body).toMatch(body);
        expect(lines).toEqual([expect.stringMatching(line)]);
      } finally {
        hub.close();
        server.close();
      }
    }
  });
});

describe("bin/gazette.js's last resort, for a bug that escapes every handler", () => {
  // A bug outside any command's own handling: a signal handler that throws while the dev server runs.
  // The signal is sent once the server is listening: a timer raced a slow start on a loaded machine.
  const bug = ['--import', 'data:text/javascript,process.on("SIGUSR2",()=>{throw new Error("escaped bug")})'];
  const crash = async (root: string) => {
    const run = await startDev(root, bug);
    run.child.kill('SIGUSR2');
    return run;
  };

  it('speaks the language of the site, exit 1', async () => {
    const root = site();
    const run = await crash(root);
    expect(await run.exited).toBe(1);
    expect(run.stderr()).toMatch(
      /^gazette dev：gazette 内部出错（这是 gazette 的问题，不是网站的问题.*）：Error: escaped bug\n/,
    );
    expect(run.stderr()).not.toContain('internal error');
  });

  it('and English for an English site', async () => {
    const root = site(siteYaml('language: en\n'));
    const run = await crash(root);
    expect(await run.exited).toBe(1);
    expect(run.stderr()).toMatch(/^gazette dev: internal error \(please report it\): Error: escaped bug\n/);
  });
});

describe('an unknown key under gov: or police: (GZ0712)', () => {
  const yaml = siteYaml(
    'gov:\n  sitecode: "3307000001"\n  contact:\n    fax: "1"\npolice:\n  text: 浙公网安备 33070202000123号\n  bar: 2\n',
  );

  it('is named at its own line, in Chinese, with the keys meant, like an unknown top-level key', async () => {
    const root = site(yaml);
    const run = await runCliWithCodes(['build', '--root', root, '--lang', 'zh-CN']);
    expect(run.code).toBe(1);
    const lines = run.stderr.split('\n');
    expect(lines).toContain(
      'site.yaml:11:3: error: “gov”里没有“sitecode”这个字段；是不是想写“siteCode”？ [GZ0712]',
    );
    expect(lines).toContain(
      'site.yaml:13:5: error: “gov.contact”里没有“fax”这个字段；可以用的字段有：phone、email、address。 [GZ0712]',
    );
    expect(lines).toContain(
      'site.yaml:16:3: error: “police”里没有“bar”这个字段；可以用的字段有：text、code。 [GZ0712]',
    );
  });

  it('stays English with --lang en', async () => {
    const root = site(yaml);
    const run = await runCliWithCodes(['build', '--root', root, '--lang', 'en']);
    expect(run.stderr).toContain(
      'site.yaml:16:3: error: "police" has only text and code, not "bar" [GZ0712]',
    );
  });
});

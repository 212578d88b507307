import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
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

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  article,
  makeSite,
  REPO,
  readPage,
  removeSite,
  runBin,
  runCli,
  siteYaml,
  snapshotDir,
  writeFiles,
} from '../helpers/site.js';

const temp = mkdtempSync(path.join(os.tmpdir(), 'gazette-det-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('the same input always gives the same bytes', () => {
  it('whatever TZ the build machine has (UTC, America/New_York, Asia/Kolkata)', () => {
    // Dates near midnight and month ends: a build that used the machine's zone would move them.
    const root = makeSite({
      'site.yaml': siteYaml(),
      'content/xuexi/a.md': article({ title: '月末深夜', date: '2022-02-28 23:30:00', category: '学习' }),
      'content/xuexi/b.md': article({ title: '带时区', date: '2022-02-28T20:00:00Z', category: '学习' }),
      'content/yaowen/c.md': article({ title: '元旦零点', date: '2022-01-01 00:00', category: '要闻' }),
    });
    const outs = ['UTC', 'America/New_York', 'Asia/Kolkata'].map((tz) => {
      const out = path.join(temp, tz.replace('/', '-'));
      const run = runBin(['build', '--root', root, '--out', out], { TZ: tz });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      return snapshotDir(out);
    });
    expect(outs[1]).toEqual(outs[0]);
    expect(outs[2]).toEqual(outs[0]);
    // The Z date is shown in site time (UTC+8), in the URL's month too.
    expect(readPage(path.join(temp, 'UTC'), 'xuexi/2022/03/b/index.html')).toContain(
      '<time datetime="2022-03-01T04:00:00+08:00">2022-03-01 04:00:00</time>',
    );
    expect(readPage(path.join(temp, 'UTC'), 'xuexi/2022/02/a/index.html')).toContain(
      '>2022-02-28 23:30:00</time>',
    );
    removeSite(root);
  });

  it('two builds of the sample site are byte-identical', async () => {
    const a = path.join(temp, 'a');
    const b = path.join(temp, 'b');
    expect((await runCli(['build', '--root', REPO, '--out', a])).code).toBe(0);
    expect((await runCli(['build', '--root', REPO, '--out', b])).code).toBe(0);
    expect(snapshotDir(b)).toEqual(snapshotDir(a));
  });
});

describe('theme overrides', () => {
  it('a site with only site.yaml and content/ gets the built-in theme; its own files override it one by one', async () => {
    const root = makeSite({
      'site.yaml': siteYaml(),
      'content/xuexi/a.md': article({ title: '覆盖', date: '2022-03-01 10:00', category: '学习' }),
    });
    const plain = path.join(temp, 'plain');
    expect((await runCli(['build', '--root', root, '--out', plain])).code).toBe(0);
    expect(readPage(plain, 'assets/site.css')).toBe(readPage(REPO, 'public/assets/site.css'));
    expect(readPage(plain, 'xuexi/2022/03/a/index.html')).toContain('class="breadcrumb"');

    writeFiles(root, {
      'templates/partials/footer.njk': '<footer class="site-footer">自定义页脚 {{ site.footer }}</footer>\n',
      'public/assets/site.css': 'body { color: black; }\n',
      'public/robots.txt': 'User-agent: *\n',
    });
    const custom = path.join(temp, 'custom');
    expect((await runCli(['build', '--root', root, '--out', custom])).code).toBe(0);
    const page = readPage(custom, 'xuexi/2022/03/a/index.html');
    expect(page).toContain('<footer class="site-footer">自定义页脚 版权所有 © 测试市人民政府</footer>');
    expect(page).toContain('class="breadcrumb"');
    expect(readPage(custom, 'assets/site.css')).toBe('body { color: black; }\n');
    expect(readPage(custom, 'robots.txt')).toBe('User-agent: *\n');
    removeSite(root);
  });
});

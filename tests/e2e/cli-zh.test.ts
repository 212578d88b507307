import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { article, makeSite, removeSite, runBin, runCliWithCodes, siteYaml } from '../helpers/site.js';

// Issue 17: what the commands print around the diagnostics (summaries, the drafts named, what init,
// new and theme say, bad usage, --help) is in Chinese for a zh-CN site, and stays English with
// `--lang en` or an English site. The suite runs in English, so Chinese is asked for with --lang.
const made: string[] = [];
const site = (files: Record<string, string> = {}, yaml = siteYaml()) => {
  const root = makeSite({ 'site.yaml': yaml, ...files });
  made.push(root);
  return root;
};
afterEach(() => {
  for (const root of made.splice(0)) removeSite(root);
});

const good = { title: '好文章', date: '2022-03-01 10:00', category: '学习' };
const draft = article({ ...good, title: '草稿', draft: 'true' });
const zh = (...args: string[]) => runCliWithCodes([...args, '--lang', 'zh-CN']);
const en = (...args: string[]) => runCliWithCodes([...args, '--lang', 'en']);
const lines = (text: string) => text.split('\n');

describe('gazette build speaks Chinese to a zh-CN site', () => {
  it('names the drafts and sums up the build in Chinese, and in English with --lang en', async () => {
    const root = site({ 'content/xuexi/a.md': article(good), 'content/xuexi/d.md': draft });
    const first = await zh('build', '--root', root, '--no-search');
    expect(first.code).toBe(0);
    expect(lines(first.stdout)[0]).toBe('未发布（草稿，draft: true）：content/xuexi/d.md');
    expect(lines(first.stdout)[1]).toMatch(
      /^已生成：1 篇文章，\d+ 个页面（重新渲染 \d+ 个），\d+ 个静态文件，用时 \d+\.\d\d 秒 → \S+dist（未发布 1 篇草稿）$/,
    );
    const again = await zh('build', '--root', root, '--no-search');
    expect(lines(again.stdout)[1]).toMatch(
      /^无需更新：1 篇文章，\d+ 个页面，和上次生成时相比没有变化（用时 \d+\.\d\d 秒）→ \S+dist$/,
    );

    writeFileSync(path.join(root, 'content/xuexi/b.md'), article({ ...good, title: '又一篇' }));
    const english = await en('build', '--root', root, '--no-search');
    expect(lines(english.stdout)[0]).toBe('not published (draft: true): content/xuexi/d.md');
    expect(lines(english.stdout)[1]).toMatch(
      /^built 2 articles into \d+ pages \(\d+ rendered\) and \d+ static files in .*\(skipped 1 draft\(s\)\); \d+ changed, \d+ added, 0 removed, \d+ unchanged$/,
    );
  });

  it('counts what changed since the last build in Chinese', async () => {
    const root = site({ 'content/xuexi/a.md': article(good) });
    expect((await zh('build', '--root', root, '--no-search')).code).toBe(0);
    writeFileSync(path.join(root, 'content/xuexi/b.md'), article({ ...good, title: '又一篇' }));
    const run = await zh('build', '--root', root, '--no-search');
    expect(run.stdout).toMatch(
      /^已生成：2 篇文章，.*；与上次相比，文件修改 \d+ 个、新增 \d+ 个、删除 0 个、未变 \d+ 个$/,
    );
  });

  it('an editor whose site is zh-CN reads Chinese without asking, and an English site reads English', () => {
    // As editors run it: no GAZETTE_LANG, no --lang; the site's `language` decides.
    const chinese = site({ 'content/xuexi/a.md': article(good) });
    const english = site({ 'content/xuexi/a.md': article(good) }, siteYaml('language: en\n'));
    const env = { GAZETTE_LANG: '' };
    expect(runBin(['build', '--root', chinese, '--no-search'], env).stdout).toMatch(/^已生成：1 篇文章，/);
    expect(runBin(['build', '--root', english, '--no-search'], env).stdout).toMatch(/^built 1 article into /);
  });

  it('bad usage is told in Chinese, followed by the Chinese help', async () => {
    const root = site();
    const bogus = await zh('build', '--root', root, '--bogus');
    expect(bogus.code).toBe(2);
    expect(lines(bogus.stderr)[0]).toBe('gazette build：没有“--bogus”这个选项');
    expect(bogus.stderr).toContain('用法：gazette build');
    const jobs = await zh('build', '--root', root, '--jobs', '0');
    expect(lines(jobs.stderr)[0]).toBe('gazette build：--jobs 必须是 1 到 64 之间的整数');
    const missing = await zh('build', '--root');
    expect(lines(missing.stderr)[0]).toBe('gazette build：选项“--root”后面缺少值');
    expect((await en('build', '--root', root, '--bogus')).stderr).toMatch(
      /^gazette build: Unknown option '--bogus'/,
    );
  });

  it('a failed build closes in Chinese', async () => {
    const root = site({ 'content/xuexi/a.md': article({ ...good, category: '新闻' }) });
    const run = await zh('build', '--root', root);
    expect(run.code).toBe(1);
    expect(lines(run.stderr).at(-1)).toBe('gazette build：有 1 处错误，没有完成；上一次生成的结果原样保留');
  });
});

describe('help and unknown commands', () => {
  it('every command’s --help is in Chinese, option names as typed; English with --lang en', async () => {
    const main = await zh('--help');
    expect(main.code).toBe(0);
    expect(main.stdout).toMatch(
      /^gazette：为中文新闻网站生成静态网站的工具\n\n用法：gazette <命令> \[选项\]/,
    );
    expect(main.stdout).toContain('  build    生成网站，写入 dist/');
    for (const [command, words] of [
      ['build', ['用法：gazette build', '--drafts     把 draft: true 的草稿也生成出来', '退出码：']],
      ['new', ['用法：gazette new "标题" --category 栏目', '-c, --category 栏目']],
      ['dev', ['用法：gazette dev', '--port N      监听的端口']],
      ['check', ['用法：gazette check', '--format FORMAT']],
      ['init', ['用法：gazette init', '--base-url URL          网站地址']],
      ['theme', ['用法：gazette theme list', '列出主题的所有文件']],
    ] as const) {
      const help = await zh(command, '--help');
      expect(help.code).toBe(0);
      for (const word of words) expect(help.stdout).toContain(word);
    }
    expect((await en('build', '--help')).stdout).toMatch(/^Usage: gazette build/);
    expect((await en('--help')).stdout).toContain('Commands:');
  });

  it('an unknown command and an unknown --lang are told in Chinese', async () => {
    const unknown = await zh('frob');
    expect(unknown.code).toBe(2);
    expect(lines(unknown.stderr)[0]).toBe('gazette：没有“frob”这个命令');
    expect(unknown.stderr).toContain('用法：gazette <命令> [选项]');
    const root = site();
    const fr = runBin(['build', '--root', root, '--lang', 'fr'], { GAZETTE_LANG: '' });
    expect(fr.code).toBe(2);
    expect(fr.stderr).toBe('gazette build：--lang 只能是 zh-CN 或 en，不能是“fr”\n');
  });
});

describe('gazette new', () => {
  it('an unknown category, a taken file name and a missing title are told in Chinese, with codes', async () => {
    const root = site();
    const category = await zh('new', '标题', '--category', '体育', '--root', root);
    expect(category.code).toBe(2);
    expect(category.stderr).toBe(
      'gazette new：没有“体育”这个栏目；请改用这些栏目之一：学习（xuexi）、要闻（yaowen）。 [GZ0810]',
    );
    const slug = await zh('new', '标题', '--category', '学习', '--slug', 'Jin Hua', '--root', root);
    expect(slug.stderr).toMatch(/^gazette new：--slug“Jin Hua”里只能有小写字母.*。 \[GZ0811\]$/);

    const first = await zh('new', '标题', '--category', '学习', '--slug', 'same', '--root', root);
    expect(first.stdout).toMatch(/^已创建 content\/xuexi\/\S+-same\.md（草稿，不会发布）。/);
    const file = /content\/\S+?\.md/.exec(first.stdout)?.[0] as string;
    const before = readFileSync(path.join(root, file));
    const taken = await zh('new', '别的标题', '--category', '学习', '--slug', 'same', '--root', root);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toBe(
      `${file}: error: 已经有一篇文章用了这个文件名；用 --slug 另起一个名字。 [GZ0807]`,
    );
    expect(readFileSync(path.join(root, file))).toEqual(before);

    const noTitle = await zh('new', '--category', '学习', '--root', root);
    expect(noTitle.code).toBe(2);
    expect(lines(noTitle.stderr)[0]).toBe('gazette new：缺少标题');
    const words = await zh('new', '金华', '新闻', '--category', '学习', '--root', root);
    expect(words.stderr).toBe(
      'gazette new：标题只能有一个，这里是 2 个词；请给标题加上引号：gazette new "金华 新闻" --category …',
    );

    const english = await en('new', '标题', '--category', '体育', '--root', root);
    expect(english.stderr).toBe(
      'gazette new: unknown category "体育"; use one of: 学习 (xuexi), 要闻 (yaowen) [GZ0810]',
    );
  });
});

describe('gazette theme', () => {
  it('lists, refuses a second copy and names a missing file in Chinese', async () => {
    const root = site();
    const copy = await zh('theme', 'copy', 'partials/footer.njk', '--root', root);
    expect(copy.code).toBe(0);
    const list = await zh('theme', 'list', '--root', root);
    expect(lines(list.stdout)).toContain('templates/partials/footer.njk  （网站已有自己的一份）');
    const again = await zh('theme', 'copy', 'partials/footer.njk', '--root', root);
    expect(again.code).toBe(1);
    expect(lines(again.stderr)).toEqual([
      'templates/partials/footer.njk: error: 网站里已经有这个文件了；直接修改它即可，或者先删掉它，再重新复制主题里的那份。 [GZ0804]',
      'gazette theme：什么也没有复制',
    ]);
    const none = await zh('theme', 'copy', 'partials/fotter.njk', '--root', root);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe(
      'gazette theme：主题里没有“partials/fotter.njk”这个文件；是不是 partials/footer.njk？（gazette theme list 会列出全部文件）',
    );
    const nowhere = mkdtempSync(path.join(os.tmpdir(), 'gazette-nosite-'));
    made.push(nowhere);
    const noSite = await zh('theme', 'copy', 'base.njk', '--root', nowhere);
    expect(noSite.code).toBe(1);
    expect(noSite.stderr).toBe(
      `site.yaml: error: ${nowhere} 里没有 site.yaml；请在网站的文件夹里运行，或者用 --root 指明网站的文件夹。 [GZ0803]`,
    );
    expect((await en('theme', 'copy', 'base.njk', '--root', nowhere)).stderr).toBe(
      `site.yaml: error: there is no site.yaml in ${nowhere}; run this in the site's folder, or give --root [GZ0803]`,
    );
  });
});

describe('gazette init', () => {
  it('says what it created and what to do next in Chinese; refuses to overwrite in Chinese', async () => {
    const parent = mkdtempSync(path.join(os.tmpdir(), 'gazette-init-zh-'));
    made.push(parent);
    const dir = path.join(parent, 'site');
    const flags = [
      '--title',
      '测试新闻网',
      '--base-url',
      'https://news.example.cn/',
      '--category',
      '要闻:yaowen',
    ];
    const run = await zh('init', dir, ...flags);
    expect(run.code).toBe(0);
    expect(lines(run.stdout)).toContain(`已创建 ${path.join(dir, 'site.yaml')}`);
    expect(run.stdout).toContain(`\n接下来：\n  cd ${dir}\n  npm install      # 安装 gazette`);
    expect(run.stdout).toMatch(/编辑请看 docs\/编辑指南\.md，发布方法见 README\.md。$/);

    const siteYamlBefore = readFileSync(path.join(dir, 'site.yaml'));
    const again = await zh('init', dir, ...flags);
    expect(again.code).toBe(1);
    expect(lines(again.stderr)).toContain(
      `${path.join(dir, 'site.yaml')}: error: 这个文件已经存在；gazette init 从不覆盖已有的文件。 [GZ0801]`,
    );
    expect(lines(again.stderr).at(-1)).toBe(
      'gazette init：什么也没有写；请先把这些文件移走，或者换一个文件夹建网站',
    );
    expect(readFileSync(path.join(dir, 'site.yaml'))).toEqual(siteYamlBefore);

    const english = await en('init', dir, ...flags);
    expect(lines(english.stderr)).toContain(
      `${path.join(dir, 'site.yaml')}: error: already exists; gazette init never overwrites a file [GZ0801]`,
    );
    expect(lines(english.stderr).at(-1)).toBe(
      'gazette init: nothing was written; move those files away, or make the site in another folder',
    );

    const missing = await zh('init', path.join(parent, 'other'), '--title', '测试');
    expect(missing.code).toBe(2);
    expect(lines(missing.stderr)[0]).toBe(
      'gazette init：缺少 --base-url、--category；请在命令行上写出来，或者在终端里运行 gazette init，按提问逐项填写',
    );
  });
});

describe('gazette check and gazette dev', () => {
  it('check names in Chinese the articles whose links it could not check', async () => {
    const root = site({
      'content/xuexi/a.md': article({ ...good, category: '新闻' }),
      'content/xuexi/b.md': article({ ...good, title: '好' }),
    });
    const run = await zh('check', '--root', root);
    expect(run.code).toBe(1);
    expect(lines(run.stdout)).toContain(
      'check：1 篇文章有错误，没有检查其中的链接（检查网站时先去掉了这些文章）：content/xuexi/a.md',
    );
    const format = await zh('check', '--root', root, '--format', 'xml');
    expect(lines(format.stderr)[0]).toBe('gazette check：--format 只能是 text 或 json，不能是“xml”');
  });

  it('dev tells a taken port in Chinese', async () => {
    const holder = net.createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const { port } = holder.address() as net.AddressInfo;
    try {
      const run = runBin(['dev', '--root', site(), '--port', String(port)], { GAZETTE_LANG: '' });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(
        `gazette dev：端口 ${port} 已被占用；换一个试试：--port ${port + 1}（或用 --port 0 自动选一个空闲端口）`,
      );
    } finally {
      holder.close();
    }
  });
});

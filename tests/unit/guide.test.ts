import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SAMPLE_GUIDE, sampleGuide } from '../../src/scaffold/sample-guide.js';
import { siteFactory } from '../helpers/adversarial.js';
import { article, REPO, runCli, runCliWithCodes } from '../helpers/site.js';

describe('the editors’ guide, one text for the sample site and every new site', () => {
  it('is committed in docs/ as the starter’s guide filled with the sample’s site.yaml (npm run guide)', async () => {
    const committed = readFileSync(path.join(REPO, SAMPLE_GUIDE), 'utf8');
    // On a difference: edit starter/docs/编辑指南.md, never docs/, then run `npm run guide`.
    expect(committed).toBe(await sampleGuide(REPO));
  });

  it('shows the sample’s own categories, address and commands, with no placeholder left', async () => {
    const guide = await sampleGuide(REPO);
    expect(guide).toContain('| 要闻 | yaowen | `content/yaowen/` |');
    expect(guide).toContain('npm run new -- "我市召开安全生产工作会议" --category 要闻');
    expect(guide).toContain('https://news.jinhua.example.cn/yaowen/2024/03/anquan-shengchan/');
    expect(guide).not.toMatch(/\{\{[A-Za-z]+\}\}/);
    const scripts = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')).scripts;
    for (const [, script] of guide.matchAll(/npm run (\w+)/g))
      expect(scripts).toHaveProperty(script as string);
  });
});

/** Every file under `dir`, as relative paths. */
const filesUnder = (dir: string): string[] =>
  (readdirSync(dir, { recursive: true }) as string[]).filter((f) => statSync(path.join(dir, f)).isFile());

describe('what the guide tells editors, as the tool does it', () => {
  const sites = siteFactory();
  afterEach(() => sites.cleanup());
  const notice = article(
    { title: '关于停电检修的通知', date: '2022-03-01 09:00', category: '学习' },
    '城区停电检修。',
  );
  const linking = article(
    { title: '安全生产会议', date: '2022-03-02 10:00', category: '要闻' },
    '会议要求做好安全工作，详见[停电通知](/xuexi/2022/03/ting-dian/)。',
  );
  const build = (root: string) => runCli(['build', '--root', root, '--no-search']);
  const check = (root: string) => runCliWithCodes(['check', '--root', root, '--lang', 'zh-CN']);

  it('withdraws an article by draft: true or by deleting it: gone from every page and feed; check names the links to it', async () => {
    for (const withdraw of ['draft', 'delete'] as const) {
      const root = sites.make({ 'content/xuexi/ting-dian.md': notice, 'content/yaowen/hui-yi.md': linking });
      expect((await build(root)).code).toBe(0);
      expect(existsSync(path.join(root, 'dist/xuexi/2022/03/ting-dian/index.html'))).toBe(true);
      const file = path.join(root, 'content/xuexi/ting-dian.md');
      if (withdraw === 'draft')
        writeFileSync(file, notice.replace('category: 学习', 'category: 学习\ndraft: true'));
      else rmSync(file);

      const checked = await check(root);
      expect(checked.code).toBe(1);
      expect(checked.stdout + checked.stderr).toContain(
        'content/yaowen/hui-yi.md:7:21: error: 链接“/xuexi/2022/03/ting-dian/”指向的页面在网站里不存在',
      );
      // The build does not check links: it publishes, and the page is gone from everywhere.
      expect((await build(root)).code).toBe(0);
      expect(existsSync(path.join(root, 'dist/xuexi/2022/03/ting-dian'))).toBe(false);
      const dist = path.join(root, 'dist');
      const naming = filesUnder(dist).filter((f) =>
        readFileSync(path.join(dist, f), 'utf8').includes('关于停电检修的通知'),
      );
      expect(naming).toEqual([]);
      for (const f of ['index.html', 'xuexi/index.html', 'feed.xml', 'atom.xml', 'sitemap.xml'])
        expect(existsSync(path.join(dist, f))).toBe(true);
    }
  });

  it('keeps an article’s address when its file is renamed with slug: set to the old name', async () => {
    const root = sites.make({
      'content/xuexi/tingdian-tongzhi.md': notice.replace(
        'category: 学习',
        'category: 学习\nslug: ting-dian',
      ),
      'content/yaowen/hui-yi.md': linking,
    });
    expect((await check(root)).code).toBe(0);
    const renamed = sites.make({
      'content/xuexi/tingdian-tongzhi.md': notice,
      'content/yaowen/hui-yi.md': linking,
    });
    expect((await check(renamed)).stdout).toContain('hui-yi.md:7:21: error:');
  });

  it('copies attachments beside the article and from public/, lists them, and stops at one that is missing', async () => {
    const files = {
      'public/files/2022/tingdian.pdf': '%PDF-1.4\n',
      'content/xuexi/files/fujian.pdf': '%PDF-1.4\n',
    };
    const body = (more: string) =>
      article(
        { title: '停电通知', date: '2022-03-01 09:00', category: '学习' },
        `附件：[停电路段](/files/2022/tingdian.pdf)\n\n旁边：[停电路段一览](files/fujian.pdf)${more}`,
      );
    const root = sites.make({ ...files, 'content/xuexi/ting-dian.md': body('') });
    expect((await check(root)).code).toBe(0);
    expect((await build(root)).code).toBe(0);
    expect(filesUnder(path.join(root, 'dist')).filter((f) => f.endsWith('.pdf'))).toEqual([
      path.join('files', '2022', 'tingdian.pdf'),
      path.join('xuexi', '2022', '03', 'ting-dian', 'files', 'fujian.pdf'),
    ]);
    const page = readFileSync(path.join(root, 'dist/xuexi/2022/03/ting-dian/index.html'), 'utf8');
    expect(page).toContain('>停电路段一览</a><span class="attachment-info">（PDF，9 B）</span>');

    const wrong = sites.make({
      ...files,
      'content/xuexi/ting-dian.md': body(
        '\n\n大小写：[附件](/files/2022/TingDian.pdf) [上级](../fujian.pdf)',
      ),
    });
    const checked = await check(wrong);
    expect(checked.stdout.split('\n').filter((l) => l.includes('error:'))).toEqual([
      'content/xuexi/ting-dian.md:11:10: error: 网站里没有附件“/files/2022/TingDian.pdf”；找不到文件 public/files/2022/TingDian.pdf：检查文件名（包括大小写和扩展名）和所在的文件夹，或者把文件放到那里。 [GZ0609]',
      'content/xuexi/ting-dian.md:11:41: error: 附件“../fujian.pdf”在文章所在的文件夹以外；把它放进 content/xuexi/（或其中的子文件夹）；几篇文章共用的附件放进 public/，并从网站根目录写地址，如 /files/a.pdf。 [GZ0610]',
    ]);
    expect((await build(wrong)).code).toBe(1);
  });

  it('renders the guide’s table with its alignment, and a table written wrong as text', async () => {
    const table = [
      '| 路段 | 停电时间 | 涉及户数 |',
      '| :--- | :---: | ---: |',
      '| 人民路 | 8:00—12:00 | 1,200 |',
      '| 解放路 | 13:00—17:00 | 86 | 多余 |',
      '',
      '｜ 甲 ｜ 乙 ｜',
      '｜ --- ｜ --- ｜',
      '',
      '| 无 | 分隔行 |',
      '| 1 | 2 |',
    ].join('\n');
    const root = sites.make({
      'content/xuexi/biao-ge.md': article(
        { title: '表格', date: '2022-03-01 09:00', category: '学习' },
        table,
      ),
    });
    expect((await build(root)).code).toBe(0);
    const html = readFileSync(path.join(root, 'dist/xuexi/2022/03/biao-ge/index.html'), 'utf8');
    expect(html.match(/<table>/g)).toHaveLength(1);
    expect(html).toContain('<th style="text-align:left">路段</th>');
    expect(html).toContain('<th style="text-align:center">停电时间</th>');
    expect(html).toContain('<td style="text-align:right">1,200</td>');
    expect(html).not.toContain('多余');
    expect(html).toContain('<p>｜ 甲 ｜ 乙 ｜');
    expect(html).toContain('<p>| 无 | 分隔行 |');
  });
});

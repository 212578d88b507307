import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { parse as parseHtml } from 'node-html-parser';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { loadConfig } from '../../src/config/load-config.js';
import { makeSite, REPO, readPage, removeSite, runBin, runCli, snapshotDir } from '../helpers/site.js';

const folders: string[] = [];
/** An empty temporary folder; the site goes into `site/` inside it, which init creates. */
const place = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gazette-init-'));
  folders.push(dir);
  return dir;
};
afterEach(() => {
  for (const f of folders.splice(0)) removeSite(f);
});

const FLAGS = [
  '--title',
  '金华新闻网',
  '--base-url',
  'https://news.jinhua.example.cn/',
  '--category',
  '要闻:yaowen',
  '--category',
  '通知公告:tzgg',
  '--time-zone',
  'Asia/Shanghai',
  '--source',
  '金华市人民政府',
  '--icp',
  '浙ICP备12345678号',
  '--police',
  '浙公网安备 33070202000123号',
];

/** A new site made with FLAGS: its folder, and what init printed. */
async function initSite(flags = FLAGS) {
  const root = path.join(place(), 'site');
  const run = await runCli(['init', root, ...flags]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return { root, run };
}

const read = (root: string, rel: string) => readFileSync(path.join(root, rel), 'utf8');

describe('gazette init', () => {
  it('makes a site that loads, checks, builds and takes new articles as its guide says', async () => {
    const { root, run } = await initSite();
    const files = [...snapshotDir(root).keys()].map((f) => f.split(path.sep).join('/')).sort();
    expect(files).toEqual(
      [
        '.github/workflows/publish.yml',
        '.gitignore',
        'README.md',
        expect.stringMatching(/^content\/yaowen\/\d{4}-\d{2}-\d{2}-wangzhan-shangxian\.md$/),
        'docs/编辑指南.md',
        'package.json',
        'public/.gitkeep',
        'site.yaml',
      ].sort(),
    );
    expect(run.stdout).toContain(`created ${path.join(root, 'site.yaml')}`);

    // site.yaml, as the project's own loader reads it.
    const { config, warnings } = await loadConfig(root);
    expect(warnings).toEqual([]);
    expect(config).toMatchObject({
      title: '金华新闻网',
      baseUrl: 'https://news.jinhua.example.cn/',
      timeZone: 'Asia/Shanghai',
      defaultSource: '金华市人民政府',
      categories: [
        { name: '要闻', slug: 'yaowen' },
        { name: '通知公告', slug: 'tzgg' },
      ],
      icp: '浙ICP备12345678号',
      police: { text: '浙公网安备 33070202000123号', code: '33070202000123' },
      footer: '版权所有 © 金华市人民政府',
    });

    const check = await runCli(['check', '--root', root]);
    expect(check.stdout).toMatch(/^check: 0 errors, 0 warnings in 1 article, /m);
    expect(check.code).toBe(0);

    const build = await runCli(['build', '--root', root]);
    expect(build.stderr).toBe('');
    expect(build.code).toBe(0);
    const example = files.find((f) => f.startsWith('content/')) as string;
    const [, yyyy, mm] = /(\d{4})-(\d{2})-/.exec(example) ?? [];
    const page = parseHtml(readPage(root, `dist/yaowen/${yyyy}/${mm}/wangzhan-shangxian/index.html`));
    expect(page.querySelector('h1.article-title')?.text).toBe('金华新闻网正式上线运行');
    expect(page.querySelector('nav.breadcrumb')?.text).toBe('您当前的位置：首页 > 要闻 > 正文');
    expect(page.querySelector('.meta-source')?.text).toBe('来源：金华市人民政府');
    expect(page.querySelector('.article-body')?.text).toContain('网站设有要闻、通知公告等栏目');
    expect(page.querySelector('.beian-icp')?.text).toBe('浙ICP备12345678号');

    // The guide's own command, as an editor types it (npm run new -- "…" --category 要闻).
    const guide = read(root, 'docs/编辑指南.md');
    const command = /^npm run new -- "([^"]+)" --category (\S+)$/m.exec(guide);
    expect(command?.[2]).toBe('要闻');
    const made = await runCli([
      'new',
      command?.[1] as string,
      '--category',
      command?.[2] as string,
      '--root',
      root,
      '--lang',
      'zh-CN',
    ]);
    expect(made.code).toBe(0);
    // A draft, to publish with the site's own script.
    expect(made.stdout).toMatch(
      /^已创建 content\/yaowen\/\d{4}-\d{2}-\d{2}-wo-shi-zhao-kai-an-quan-sheng-chan-gong-zuo-hui-yi\.md（草稿，不会发布）。.*再运行 npm run build 即可发布。$/m,
    );
    const rebuilt = await runCli(['build', '--root', root]);
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.stdout).toMatch(/^not published \(draft: true\): content\/yaowen\/.*-wo-shi-zhao-kai/m);
  });

  it('gives the site package.json scripts for every npm run the guide and README name, and this gazette', async () => {
    const { root } = await initSite();
    const manifest = JSON.parse(read(root, 'package.json'));
    expect(manifest).toMatchObject({
      private: true,
      scripts: { build: 'gazette build', dev: 'gazette dev', check: 'gazette check', new: 'gazette new' },
      engines: { node: JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')).engines.node },
      // Run from this clone: the folder itself.
      dependencies: { gazette: `file:${REPO.replace(/\/$/, '')}` },
    });
    const docs = read(root, 'docs/编辑指南.md') + read(root, 'README.md');
    const scripts = new Set([...docs.matchAll(/npm run (\w+)/g)].map((m) => m[1]));
    expect([...scripts].sort()).toEqual(['build', 'check', 'dev', 'new']);
    for (const s of scripts) expect(manifest.scripts).toHaveProperty(s as string);
    const commands = new Set([...docs.matchAll(/npx gazette (\w+)/g)].map((m) => m[1] as string));
    expect([...commands].sort()).toEqual(['new', 'theme']);
    for (const c of commands) expect((await runCli([c, '--help'])).code).toBe(0);
    // Only the site's own categories appear in its guide's examples.
    expect(docs).not.toMatch(/--category 学习|`category: 学习`|content\/xuexi\/20/);
  });

  it('writes a publishing workflow that keeps the build cache and never runs gazette’s tests', async () => {
    const { root } = await initSite();
    const workflow = read(root, '.github/workflows/publish.yml');
    expect(workflow).toMatch(/uses: actions\/cache@v4\n\s+with:\n\s+path: \|\n\s+\.cache\/\n\s+dist\/\n/);
    expect(workflow).toMatch(/key: gazette-\$\{\{ runner\.os \}\}-\$\{\{ github\.run_id \}\}/);
    expect(workflow).toMatch(/restore-keys: \|\n\s+gazette-\$\{\{ runner\.os \}\}-\n/);
    expect(workflow).toContain('run: npm run check');
    expect(workflow).toContain('run: npm run build');
    expect(workflow).toContain('actions/deploy-pages@v4');
    expect(workflow).not.toMatch(/npm test|npm run test|vitest|chromium/);
    const ignored = read(root, '.gitignore').split('\n');
    for (const name of ['node_modules/', 'dist/', '.cache/', '.*.gazette-*']) expect(ignored).toContain(name);
  });

  it('builds incrementally from what the workflow caches, in a fresh checkout', async () => {
    const { root } = await initSite();
    expect((await runCli(['build', '--root', root])).code).toBe(0);
    // A CI runner: a new checkout (new files, new times), with .cache/ and dist/pagefind/ restored.
    const ci = path.join(place(), 'checkout');
    cpSync(root, ci, { recursive: true, filter: (f) => !/[/\\](dist|\.dist\.gazette-[a-z]+)$/.test(f) });
    cpSync(path.join(root, 'dist', 'pagefind'), path.join(ci, 'dist', 'pagefind'), { recursive: true });
    const rebuilt = await runCli(['build', '--root', ci, '--list-changes']);
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.stderr).not.toContain('cache was not used');
    // The search index came from the cache: none of its files is new or changed.
    expect(rebuilt.stdout).toContain('A index.html');
    expect(rebuilt.stdout).not.toMatch(/^[AM] pagefind\//m);
  });

  it('writes values with quotes, colons and # as they were typed', async () => {
    const title = `"金华": 新闻 #1 '网'`;
    const { root } = await initSite([
      '--title',
      title,
      '--base-url',
      'https://a.example.cn/news/',
      '--category',
      '[视频]:shipin',
      '--category',
      '#通知#',
      '--default-source',
      '来源: 金华 # 市',
      '--footer',
      '@版权',
    ]);
    const { config } = await loadConfig(root);
    expect(config.title).toBe(title);
    expect(config.categories).toEqual([
      { name: '[视频]', slug: 'shipin' },
      { name: '#通知#', slug: 'tong-zhi' },
    ]);
    expect(config.defaultSource).toBe('来源: 金华 # 市');
    expect(config.footer).toBe('@版权');
    expect(config.basePath).toBe('/news/');
    // A category that is no plain word is named by its slug in the commands shown.
    expect(read(root, 'docs/编辑指南.md')).toContain(
      'npm run new -- "我市召开安全生产工作会议" --category shipin\n',
    );
    expect(read(root, 'README.md')).toMatch(/^# "金华": 新闻 \\#1 '网'$/m);
    const check = await runCli(['check', '--root', root]);
    expect(check.stdout).toContain('check: 0 errors, 0 warnings');
  });

  it('refuses to overwrite: lists every existing file, writes nothing, exits 1', async () => {
    const { root } = await initSite();
    writeFileSync(path.join(root, 'README.md'), '我们自己的说明\n');
    const before = snapshotDir(root);
    const again = await runCli(['init', root, ...FLAGS]);
    expect(again.code).toBe(1);
    for (const f of ['site.yaml', 'package.json', '.gitignore', 'README.md', '.github/workflows/publish.yml'])
      expect(again.stderr).toContain(
        `${path.join(root, f)}: error: already exists; gazette init never overwrites a file`,
      );
    expect(again.stderr).toMatch(/gazette init: nothing was written/);
    expect(again.stdout).toBe('');
    expect(snapshotDir(root)).toEqual(before);
  });

  it('refuses when one file is in the way, leaving the folder as it was', async () => {
    const root = makeSite({ 'docs/编辑指南.md': '旧的指南\n', 'notes.txt': '别的文件\n' });
    folders.push(root);
    const before = snapshotDir(root);
    const run = await runCli(['init', root, ...FLAGS]);
    expect(run.code).toBe(1);
    expect(run.stderr.split('\n')[0]).toBe(
      `${path.join(root, 'docs/编辑指南.md')}: error: already exists; gazette init never overwrites a file`,
    );
    expect(snapshotDir(root)).toEqual(before);
  });

  it.each([
    ['an unknown flag', ['--colour', 'red'], /Unknown option '--colour'/],
    ['a category without a name', ['--category', ':yaowen'], /--category: ":yaowen" has no name/],
    [
      'a bad category slug',
      ['--category', '要闻:Yao Wen'],
      /--category: "要闻:Yao Wen": a category slug may contain only/,
    ],
    ['a reserved category slug', ['--category', '标签:tags'], /--category: category slug "tags" is reserved/],
    [
      'a category twice',
      ['--category', '要闻'],
      /--category: category "要闻" \(yao-wen\) is listed twice; it repeats "要闻" \(yaowen\)/,
    ],
    [
      'a relative base URL',
      ['--base-url', 'news.example.cn'],
      /--base-url: "baseUrl" must be an absolute http\(s\) URL/,
    ],
    [
      'an unknown time zone',
      ['--time-zone', 'Beijing'],
      /--time-zone: "timeZone" is not a known IANA time zone/,
    ],
    [
      'a 公安备案 without its number',
      ['--police', '浙公网安备'],
      /--police: the 公安备案 has no number in it/,
    ],
    ['two folders', ['other'], /expected one folder but got 2/],
  ])('exits 2 on %s, creating nothing', async (_, extra, message) => {
    const root = path.join(place(), 'site');
    const good = ['--title', '新闻网', '--base-url', 'https://a.cn/', '--category', '要闻:yaowen'];
    const run = await runCli(['init', root, ...good, ...extra]);
    expect(run.stderr).toMatch(message);
    expect(run.code).toBe(2);
    expect(existsSync(root)).toBe(false);
  });

  it.each([
    ['content/', 'content/new-site'],
    ['templates/', 'templates/partials/new-site'],
    ['public/', 'public'],
  ])("exits 2 for a folder in another site's %s, writing nothing there", async (_, inside) => {
    const { root: other } = await initSite();
    const before = snapshotDir(other);
    const run = await runCli(['init', path.join(other, inside), ...FLAGS]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /which a site is built from: the new site's files would be read as part of it/,
    );
    expect(snapshotDir(other)).toEqual(before);
  });

  it("exits 2 for gazette's own theme folders", async () => {
    const before = snapshotDir(path.join(REPO, 'templates'));
    const run = await runCli(['init', path.join(REPO, 'templates', 'new-site'), ...FLAGS]);
    expect(run.code).toBe(2);
    expect(snapshotDir(path.join(REPO, 'templates'))).toEqual(before);
  });

  it('names the required flags missing when there is no terminal to ask on', () => {
    const root = path.join(place(), 'site');
    const run = runBin(['init', root, '--title', '新闻网']);
    expect(run.stderr.split('\n')[0]).toBe(
      'gazette init: --base-url, --category are missing; give them, or run gazette init in a terminal to be asked',
    );
    expect(run.code).toBe(2);
    expect(existsSync(root)).toBe(false);
  });

  it('asks for missing values on a terminal, again after a wrong answer', async () => {
    const root = path.join(place(), 'site');
    const { input, output, asked: shown } = typedTerminal();
    // Title given as a flag; then: a base URL without a scheme (refused), the right one, categories,
    // the default time zone, a source, no ICP, no 公安备案.
    input.end(
      `${[
        'news.example.cn',
        'https://news.example.cn/',
        '要闻:yaowen 通知公告:tzgg',
        '',
        '金华市人民政府',
        '',
        '',
      ].join('\n')}\n`,
    );
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['init', root, '--title', '金华新闻网'], {
      out: (l) => out.push(l),
      err: (l) => err.push(l),
      terminal: { input, output },
    });
    expect(err).toEqual([]);
    expect(code).toBe(0);
    // The questions are in the editors' language, as every other line (English here, as the suite runs).
    expect(shown()).not.toMatch(/Site name|网站名称/);
    expect(
      shown().match(/Site address \(baseUrl\), e\.g\. https:\/\/news\.example\.gov\.cn\/: /g),
    ).toHaveLength(2);
    expect(shown()).toContain('"baseUrl" must be an absolute http(s) URL');
    expect(shown()).toContain('Time zone (timeZone) (press Enter for Asia/Shanghai): ');
    expect(shown()).not.toMatch(/[\u4e00-\u9fff]+[（：]/);
    const { config } = await loadConfig(root);
    expect(config).toMatchObject({
      title: '金华新闻网',
      baseUrl: 'https://news.example.cn/',
      timeZone: 'Asia/Shanghai',
      defaultSource: '金华市人民政府',
      categories: [
        { name: '要闻', slug: 'yaowen' },
        { name: '通知公告', slug: 'tzgg' },
      ],
    });
    expect(config.icp).toBeUndefined();
    expect(read(root, 'site.yaml')).toContain('\n# icp: 浙ICP备12345678号\n');
  });

  it('asks in Chinese on a Chinese site, with full-width punctuation', async () => {
    const root = path.join(place(), 'site');
    const { input, output, asked: shown } = typedTerminal();
    input.end(`${['https://news.example.cn/', '要闻:yaowen', '', '', '', ''].join('\n')}\n`);
    const code = await main(['init', root, '--title', '金华新闻网', '--lang', 'zh'], {
      out: () => {},
      err: () => {},
      terminal: { input, output },
    });
    expect(code).toBe(0);
    expect(shown()).toContain('网站地址 (baseUrl)，如 https://news.example.gov.cn/：');
    expect(shown()).toContain('时区 (timeZone)（直接回车：Asia/Shanghai）：');
    expect(shown()).not.toMatch(/Site address|press Enter/);
  });

  it('writes nothing when the questions are not all answered', async () => {
    const root = path.join(place(), 'site');
    const input = Object.assign(new PassThrough(), { isTTY: true });
    input.end('金华新闻网\n');
    const err: string[] = [];
    const code = await main(['init', root], {
      out: () => {},
      err: (l) => err.push(l),
      terminal: { input, output: new PassThrough() },
    });
    expect(code).toBe(2);
    expect(err[0]).toBe('gazette init: the questions were not all answered; nothing was written');
    expect(existsSync(root)).toBe(false);
  });
});

describe('gazette theme', () => {
  it('lists the theme, copies a file byte for byte, and the build uses the copy', async () => {
    const { root } = await initSite();
    const list = await runCli(['theme', 'list', '--root', root]);
    expect(list.code).toBe(0);
    const names = list.stdout.split('\n');
    expect(names).toContain('templates/partials/footer.njk');
    expect(names).toContain('public/assets/site.css');

    const copy = await runCli([
      'theme',
      'copy',
      'partials/footer.njk',
      'public/assets/site.css',
      '--root',
      root,
    ]);
    expect(copy.stderr).toBe('');
    expect(copy.code).toBe(0);
    expect(copy.stdout.split('\n')).toEqual(['templates/partials/footer.njk', 'public/assets/site.css']);
    for (const [theirs, ours] of [
      ['templates/partials/footer.njk', 'templates/partials/footer.njk'],
      ['public/assets/site.css', 'public/assets/site.css'],
    ] as const)
      expect(readFileSync(path.join(root, ours))).toEqual(readFileSync(path.join(REPO, theirs)));
    expect((await runCli(['theme', 'list', '--root', root])).stdout).toContain(
      'templates/partials/footer.njk  (the site has its own)',
    );

    const footer = path.join(root, 'templates/partials/footer.njk');
    writeFileSync(
      footer,
      read(root, 'templates/partials/footer.njk').replace('</footer>', '<p>本站自己的页脚</p></footer>'),
    );
    writeFileSync(path.join(root, 'public/assets/site.css'), 'body { color: #123456; }\n');
    expect((await runCli(['build', '--root', root, '--no-search'])).code).toBe(0);
    expect(readPage(root, 'dist/index.html')).toContain('<p>本站自己的页脚</p></footer>');
    expect(readPage(root, 'dist/assets/site.css')).toBe('body { color: #123456; }\n');
  });

  it('never overwrites the site’s own copy, and names unknown files', async () => {
    const { root } = await initSite();
    expect((await runCli(['theme', 'copy', 'base.njk', '--root', root])).code).toBe(0);
    writeFileSync(path.join(root, 'templates/base.njk'), '我们改过的\n');
    const again = await runCli(['theme', 'copy', 'templates/base.njk', '--root', root]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('templates/base.njk: error: the site has its own copy already');
    expect(read(root, 'templates/base.njk')).toBe('我们改过的\n');

    const typo = await runCli(['theme', 'copy', 'partials/foter.njk', '--root', root]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain(
      'the theme has no file "partials/foter.njk"; did you mean partials/footer.njk?',
    );
    expect((await runCli(['theme', 'paint', '--root', root])).code).toBe(2);

    const nowhere = place();
    const outside = await runCli(['theme', 'copy', 'base.njk', '--root', nowhere]);
    expect(outside.code).toBe(1);
    expect(existsSync(path.join(nowhere, 'templates'))).toBe(false);
  });
});

/** A terminal to answer init's questions on: what the answers typed, and what was shown so far. */
function typedTerminal() {
  const input = Object.assign(new PassThrough(), { isTTY: true });
  const output = new PassThrough();
  let text = '';
  output.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8');
  });
  return { input, output, asked: () => text };
}

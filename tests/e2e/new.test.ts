import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  article,
  makeSite,
  readPage,
  removeSite,
  runBin,
  runCli,
  siteYaml,
  snapshotDir,
} from '../helpers/site.js';

const roots: string[] = [];
const site = (files: Record<string, string> = {}) => {
  const root = makeSite({ 'site.yaml': siteYaml('defaultSource: 测试市人民政府\n'), ...files });
  roots.push(root);
  return root;
};
afterEach(() => {
  for (const r of roots.splice(0)) removeSite(r);
});

/** The file gazette new names in what it prints (`已创建 content/….md（草稿，不会发布）。…`). */
const made = (stdout: string): string => {
  const file = /content\/\S+?\.md/.exec(stdout)?.[0];
  if (!file) throw new Error(`no file named in ${stdout}`);
  return file;
};

/** `content/xuexi/2024-05-01-slug.md` → its date and slug, to find the built page. */
const partsOf = (rel: string) => {
  const m = /^content\/([a-z]+)\/(\d{4})-(\d{2})-(\d{2})-(.+)\.md$/.exec(rel);
  if (!m) throw new Error(`unexpected path ${rel}`);
  const [, category, yyyy, mm, dd, slug] = m;
  return { category, yyyy, mm, dd, slug };
};

describe('gazette new', () => {
  it('creates a draft with complete front matter, and says in Chinese how to publish it', async () => {
    const root = site();
    // As editors run it: no GAZETTE_LANG, so the zh-CN site speaks Chinese.
    const run = runBin(['new', '金华全力保障用工先行', '--category', '学习', '--root', root], {
      GAZETTE_LANG: '',
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const rel = made(run.stdout);
    expect(rel).toMatch(
      /^content\/xuexi\/\d{4}-\d{2}-\d{2}-jin-hua-quan-li-bao-zhang-yong-gong-xian-xing\.md$/,
    );
    // The site has no package.json: gazette runs there through npx.
    expect(run.stdout).toBe(
      `已创建 ${rel}（草稿，不会发布）。写好正文后，删除 draft: true 这一行，再运行 npx gazette build 即可发布。\n` +
        '发布前预览草稿：npx gazette dev --drafts\n',
    );

    const text = readFileSync(path.join(root, rel), 'utf8');
    const { yyyy, mm, dd, slug } = partsOf(rel);
    expect(text).toMatch(/^date: \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/m);
    expect(text).toContain(`\ndate: ${yyyy}-${mm}-${dd} `);
    const lines = text.split('\n');
    lines[2] = 'date: *';
    expect(lines).toEqual([
      '---',
      'title: 金华全力保障用工先行',
      'date: *',
      'category: 学习',
      'source: 测试市人民政府',
      '# author: 记者 姓名',
      '# editor: 责任编辑姓名',
      'tags: []',
      'draft: true',
      '---',
      '',
      '在这里写正文。',
      '',
    ]);

    // A draft: the build leaves it out and names it.
    const page = `dist/xuexi/${yyyy}/${mm}/${slug}/index.html`;
    const draft = await runCli(['build', '--root', root]);
    expect(draft.stderr).toBe('');
    expect(draft.code).toBe(0);
    expect(draft.stdout.split('\n')[0]).toBe(`not published (draft: true): ${rel}`);
    expect(draft.stdout).toMatch(/^built 0 articles .* \(skipped 1 draft\(s\)\)$/m);
    expect(existsSync(path.join(root, page))).toBe(false);

    // draft: true deleted, the placeholder left: an error at it, and dist/ stays as it was.
    writeFileSync(path.join(root, rel), text.replace('draft: true\n', ''));
    const before = snapshotDir(path.join(root, 'dist'));
    const unwritten = await runCli(['build', '--root', root]);
    expect(unwritten.code).toBe(1);
    expect(unwritten.stderr).toContain(
      `${rel}:11:1: error: the text still holds the placeholder "在这里写正文。" that gazette new wrote; write the article's text in its place`,
    );
    expect(snapshotDir(path.join(root, 'dist'))).toEqual(before);
    const check = await runCli(['check', '--root', root]);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(`${rel}:11:1: error: the text still holds the placeholder`);

    // Written: published.
    writeFileSync(
      path.join(root, rel),
      text.replace('draft: true\n', '').replace('在这里写正文。', '金华多措并举保障企业用工。'),
    );
    const build = await runCli(['build', '--root', root]);
    expect(build.stderr).toBe('');
    expect(build.code).toBe(0);
    expect(build.stdout).not.toContain('draft');
    const html = readPage(root, page);
    expect(html).toContain('金华全力保障用工先行');
    expect(html).toContain('金华多措并举保障企业用工。');
    expect(html).toContain('测试市人民政府');
  });

  it('refuses the placeholder put back into a published article, on the build cache’s quickest path too', async () => {
    const root = site();
    const rel = made(
      (await runCli(['new', '标题', '--category', '学习', '--slug', 'back', '--root', root])).stdout,
    );
    const file = path.join(root, rel);
    const written = readFileSync(file, 'utf8')
      .replace('draft: true\n', '')
      .replace('在这里写正文。', '正文。');
    writeFileSync(file, written);
    // Without a search index, an edit of an article's text alone renders its own page alone.
    expect((await runCli(['build', '--no-search', '--root', root])).code).toBe(0);
    const before = snapshotDir(path.join(root, 'dist'));
    writeFileSync(file, written.replace('正文。', '正文。在这里写正文。'));
    const again = await runCli(['build', '--no-search', '--root', root]);
    expect(again.stderr).toContain(`${rel}:11:4: error: the text still holds the placeholder`);
    expect(again.code).toBe(1);
    expect(snapshotDir(path.join(root, 'dist'))).toEqual(before);
  });

  it('names the site’s own npm scripts where it has them, and speaks English on a site that is not Chinese', async () => {
    const root = site({
      'package.json': JSON.stringify({ scripts: { build: 'gazette build', dev: 'gazette dev' } }),
    });
    const zh = await runCli(['new', '标题', '--category', '学习', '--root', root, '--lang', 'zh-CN']);
    expect(zh.stdout).toBe(
      `已创建 ${made(zh.stdout)}（草稿，不会发布）。写好正文后，删除 draft: true 这一行，再运行 npm run build 即可发布。\n` +
        '发布前预览草稿：npm run dev -- --drafts',
    );
    writeFileSync(path.join(root, 'site.yaml'), siteYaml('language: en\n'));
    const en = await runCli(['new', 'A title', '--category', '学习', '--root', root]);
    expect(en.code).toBe(0);
    expect(en.stdout).toBe(
      `created ${made(en.stdout)} (a draft: it is not published). Write its text, then delete the line draft: true and run npm run build to publish it.\n` +
        'To preview drafts before that: npm run dev -- --drafts',
    );
  });

  it('names at most ten drafts in the build’s output, and counts the rest', async () => {
    const root = site();
    for (let i = 1; i <= 12; i++)
      expect(
        (await runCli(['new', `草稿${i}`, '--category', '学习', '--slug', `d${i}`, '--root', root])).code,
      ).toBe(0);
    const build = await runCli(['build', '--root', root, '--no-search']);
    expect(build.code).toBe(0);
    const lines = build.stdout.split('\n');
    expect(lines.filter((l) => l.startsWith('not published (draft: true): content/xuexi/'))).toHaveLength(10);
    expect(lines[10]).toBe('… and 2 more drafts');
    expect(lines[11]).toMatch(/^built 0 articles .* \(skipped 12 draft\(s\)\)$/);
  });

  it('accepts the category by slug, and lives beside existing articles', async () => {
    const root = site({
      'content/xuexi/old.md': article({ title: '旧文章', date: '2022-03-01 10:00', category: '学习' }),
    });
    const run = await runCli(['new', '要闻标题', '-c', 'yaowen', '--root', root]);
    expect(run.code).toBe(0);
    expect(made(run.stdout)).toMatch(/^content\/yaowen\/\d{4}-\d{2}-\d{2}-yao-wen-biao-ti\.md$/);
    expect(readFileSync(path.join(root, made(run.stdout)), 'utf8')).toContain('\ncategory: 要闻\n');
    expect((await runCli(['build', '--root', root])).code).toBe(0);
  });

  it('refuses to overwrite an existing file, leaving it unchanged', async () => {
    const root = site();
    const first = await runCli(['new', '标题', '--category', '学习', '--slug', 'same', '--root', root]);
    expect(first.code).toBe(0);
    const file = path.join(root, made(first.stdout));
    const edited = `${readFileSync(file, 'utf8')}编辑写的正文。\n`;
    writeFileSync(file, edited);

    const second = await runCli([
      'new',
      '另一个标题',
      '--category',
      '学习',
      '--slug',
      'same',
      '--root',
      root,
    ]);
    expect(second.code).toBe(1);
    expect(second.stdout).toBe('');
    expect(second.stderr).toBe(
      `${made(first.stdout)}: error: an article with this file name already exists; choose another --slug`,
    );
    expect(readFileSync(file, 'utf8')).toBe(edited);
  });

  it('validates --slug', async () => {
    const root = site();
    for (const slug of ['Jinhua', '../etc', 'a b', '中文']) {
      const run = await runCli(['new', '标题', '--category', '学习', '--slug', slug, '--root', root]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`--slug "${slug}" may contain only a-z, 0-9`);
    }
    expect(existsSync(path.join(root, 'content'))).toBe(false);
    const good = await runCli(['new', '标题', '--category', '学习', '--slug', 'jinhua-news', '--root', root]);
    expect(good.code).toBe(0);
    expect(made(good.stdout)).toMatch(/^content\/xuexi\/\d{4}-\d{2}-\d{2}-jinhua-news\.md$/);
  });

  it('names the file after the pinyin of a Chinese title, at most 60 characters', async () => {
    const root = site();
    const run = await runCli([
      'new',
      '赢取“开门红”，冲刺“全年红”！金华全力保障用工先行：各县市区锚定奋斗方向',
      '--category',
      '学习',
      '--root',
      root,
    ]);
    expect(run.code).toBe(0);
    const { slug } = partsOf(made(run.stdout));
    expect(slug).toMatch(/^ying-qu-kai-men-hong-chong-ci-quan-nian-hong-jin-hua-/);
    expect(slug?.length).toBeLessThanOrEqual(60);
    expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    // The full-width punctuation stays in the title, which needs no quotes.
    expect(readFileSync(path.join(root, made(run.stdout)), 'utf8')).toContain(
      '\ntitle: 赢取“开门红”，冲刺“全年红”！金华全力保障用工先行：各县市区锚定奋斗方向\n',
    );
    expect((await runCli(['build', '--root', root])).code).toBe(0);
  });

  it('quotes a title that YAML would misread, and it still builds', async () => {
    const root = site();
    const run = await runCli([
      'new',
      '通知: #1 "重要"',
      '--category',
      '学习',
      '--slug',
      'tongzhi',
      '--root',
      root,
    ]);
    expect(run.code).toBe(0);
    const { yyyy, mm } = partsOf(made(run.stdout));
    expect(readFileSync(path.join(root, made(run.stdout)), 'utf8')).toContain(
      '\ntitle: \'通知: #1 "重要"\'\n',
    );
    // A draft: shown by a build with drafts, as its editor previews it.
    expect((await runCli(['build', '--drafts', '--root', root])).code).toBe(0);
    expect(readPage(root, `dist/xuexi/${yyyy}/${mm}/tongzhi/index.html`)).toContain(
      '通知: #1 &quot;重要&quot;',
    );
  });
});

describe('gazette new: usage and exit codes', () => {
  it('exits 2 for an unknown category, listing the categories', async () => {
    const root = site();
    const run = await runCli(['new', '标题', '--category', '体育', '--root', root]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('gazette new: unknown category "体育"; use one of: 学习 (xuexi), 要闻 (yaowen)');
    expect(existsSync(path.join(root, 'content'))).toBe(false);
  });

  it('exits 2 for a missing title, a missing --category or an unknown option', () => {
    const root = site();
    const noTitle = runBin(['new', '--category', '学习', '--root', root]);
    expect(noTitle.code).toBe(2);
    expect(noTitle.stderr).toMatch(/^gazette new: the title is missing\n/);
    const noCategory = runBin(['new', '标题', '--root', root]);
    expect(noCategory.code).toBe(2);
    expect(noCategory.stderr).toMatch(/^gazette new: --category is missing\n/);
    expect(runBin(['new', '标题', '--category', '学习', '--frobnicate', '--root', root]).code).toBe(2);
    const twoWords = runBin(['new', '金华', '新闻', '--category', '学习', '--root', root]);
    expect(twoWords.code).toBe(2);
    expect(twoWords.stderr).toContain('put the title in quotes: gazette new "金华 新闻"');
    expect(existsSync(path.join(root, 'content'))).toBe(false);
  });

  it('exits 1 when site.yaml is missing or broken', async () => {
    const empty = makeSite({});
    roots.push(empty);
    const missing = await runCli(['new', '标题', '--category', '学习', '--root', empty]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^site\.yaml: error: cannot read site\.yaml in /);
    expect(missing.stderr).toMatch(/gazette new: no article was created; fix site\.yaml first$/);

    const broken = makeSite({ 'site.yaml': 'title: 测试\ncategories: []\n' });
    roots.push(broken);
    expect((await runCli(['new', '标题', '--category', '学习', '--root', broken])).code).toBe(1);
    expect(existsSync(path.join(broken, 'content'))).toBe(false);
  });

  it('prints its usage for --help, and is listed in the main help', () => {
    const help = runBin(['new', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: gazette new "标题" --category NAME');
    expect(runBin(['--help']).stdout).toMatch(/^ {2}new {6}create a new article/m);
  });
});

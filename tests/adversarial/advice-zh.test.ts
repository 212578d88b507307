// Issue 17: the advice an editor of a zh-CN site gets, in Chinese and with its code, at the place of
// the mistake: YAML written as an editor would, articles dated ahead, links that lead nowhere, and
// what zod, Nunjucks and the file system say, worded rather than left in English.
import { spawnSync } from 'node:child_process';
import { chmodSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DateTime } from 'luxon';
import { afterEach, describe, expect, it } from 'vitest';
import { siteFactory } from '../helpers/adversarial.js';
import { runBin, runCliWithCodes } from '../helpers/site.js';

const sites = siteFactory();
afterEach(() => sites.cleanup());

const FILE = 'content/xuexi/a.md';
const fm = (yaml: string, body = '正文。') => `---\n${yaml}\n---\n\n${body}\n`;
const lines = (text: string) => text.split('\n');
const zh = (command: 'build' | 'check', root: string) =>
  runCliWithCodes([
    command,
    '--root',
    root,
    '--lang',
    'zh-CN',
    ...(command === 'build' ? ['--no-search'] : []),
  ]);

/** Builds an article whose front matter is `yaml`, in Chinese: it fails, and its line is returned. */
async function failsWith(yaml: string, code: string): Promise<string> {
  const run = await zh('build', sites.make({ [FILE]: fm(yaml) }));
  expect(run.code, run.stderr).toBe(1);
  const line = lines(run.stderr).find((l) => l.endsWith(`[${code}]`));
  expect(line, run.stderr).toBeDefined();
  // Full-width punctuation, and no English sentence left in it.
  expect(line).toMatch(/。 \[GZ\d{4}\]$/);
  expect(line?.replace(/^\S+: (error|warning|note): /, '')).not.toMatch(/[a-z]{3,} [a-z]{3,} [a-z]{3,}/);
  return line as string;
}

describe('YAML as an editor writes it: what is wrong, and the line to write', () => {
  it('title:标题 (no space after the colon)', async () => {
    expect(await failsWith('title:标题\ndate: 2022-03-01 10:00\ncategory: 学习', 'GZ0716')).toBe(
      `${FILE}:2:6: error: YAML 写法有误：“title”后面的冒号和内容之间缺一个空格，这一行会被当成一段文字；在英文冒号后面加一个空格，写成 title: 标题。 [GZ0716]`,
    );
  });

  it('title：标题 (the full-width colon of a Chinese input method)', async () => {
    expect(await failsWith('title：标题\ndate: 2022-03-01 10:00\ncategory: 学习', 'GZ0717')).toBe(
      `${FILE}:2:6: error: YAML 写法有误：“title”后面用了中文冒号“：”；字段名和内容之间要用英文冒号“:”再加一个空格，写成 title: 标题。 [GZ0717]`,
    );
  });

  it('标题：金华 (a Chinese field name too): the field’s own name in the line to write', async () => {
    const line = await failsWith('标题：金华\ndate: 2022-03-01 10:00\ncategory: 学习', 'GZ0717');
    expect(line).toMatch(/^content\/xuexi\/a\.md:2:3: error: YAML 写法有误：“标题”后面用了中文冒号“：”；/);
    expect(line).toContain('字段名要写成“title”，写成 title: 金华。');
  });

  it('title: #衢州# 春风行动 (a hashtag, read as a comment)', async () => {
    expect(await failsWith('title: #衢州# 春风行动\ndate: 2022-03-01 10:00\ncategory: 学习', 'GZ0718')).toBe(
      `${FILE}:2:8: error: “title”的内容以“#”开头，而 YAML 把“#”和它后面的文字当作注释略去，这一项就成了空的；给内容加上英文引号，写成 title: "#衢州# 春风行动"。 [GZ0718]`,
    );
  });

  it('summary: @某某 (an @ mention)', async () => {
    expect(
      await failsWith('title: 标题\ndate: 2022-03-01 10:00\ncategory: 学习\nsummary: @某某', 'GZ0718'),
    ).toBe(
      `${FILE}:5:10: error: “summary”的内容以“@”开头，而“@”是 YAML 的保留字符，内容不能以它开头；给内容加上英文引号，写成 summary: "@某某"。 [GZ0718]`,
    );
  });

  it('title: *重要* (read as an alias)', async () => {
    expect(await failsWith('title: *重要*\ndate: 2022-03-01 10:00\ncategory: 学习', 'GZ0718')).toBe(
      `${FILE}:2:8: error: “title”的内容以“*”开头，而 YAML 把它当作别名，去找前面用“&”起过这个名字的内容；给内容加上英文引号，写成 title: "*重要*"。 [GZ0718]`,
    );
  });

  it('English is as it was with --lang en', async () => {
    const root = sites.make({ [FILE]: fm('title: #衢州# 春风行动\ndate: 2022-03-01 10:00\ncategory: 学习') });
    const run = await runCliWithCodes(['build', '--root', root, '--lang', 'en', '--no-search']);
    expect(lines(run.stderr)).toContain(
      `${FILE}:2:8: error: the value of "title" starts with "#", which YAML reads as the start of a comment: the rest of the line is left out, and the value is empty; put the value in quotes: title: "#衢州# 春风行动" [GZ0718]`,
    );
  });
});

describe('a field whose value is of the wrong kind is told so in Chinese (zod’s issues)', () => {
  it('draft: "true" (quoted)', async () => {
    expect(
      await failsWith('title: 标题\ndate: 2022-03-01 10:00\ncategory: 学习\ndraft: "true"', 'GZ0712'),
    ).toBe(`${FILE}:5:8: error: “draft”只能是 true 或 false（不加引号）。 [GZ0712]`);
  });

  it('title: 2024 (a number), with the example and the quotes to add', async () => {
    expect(await failsWith('title: 2024\ndate: 2022-03-01 10:00\ncategory: 学习', 'GZ0712')).toBe(
      `${FILE}:2:8: error: “title”必须是文字；可以这样写：title: 金华全力保障用工先行；数字或 true、false 要当作文字时，请加上英文引号，如 "2024"。 [GZ0712]`,
    );
  });

  it('slug: 金华 (a refinement, worded by its kind)', async () => {
    expect(await failsWith('title: 标题\ndate: 2022-03-01 10:00\ncategory: 学习\nslug: 金华', 'GZ0712')).toBe(
      `${FILE}:5:7: error: “slug”只能用小写字母 a-z、数字 0-9 和“-”“_”“.”；可以这样写：slug: jinhua-yonggong。 [GZ0712]`,
    );
  });
});

/** `days` from now in the site's zone (Asia/Shanghai), at 10:00. */
const dayAhead = (days: number) =>
  `${DateTime.now().setZone('Asia/Shanghai').plus({ days }).toFormat('yyyy-MM-dd')} 10:00`;

describe('an article left out for its date is named, with the time it will appear', () => {
  it('dated next week: a note at its date, with the time in the site’s zone', async () => {
    const when = dayAhead(7);
    const run = await zh('build', sites.make({ [FILE]: fm(`title: 预告\ndate: ${when}\ncategory: 学习`) }));
    expect(run.code, run.stderr).toBe(0);
    expect(lines(run.stderr)).toContain(
      `${FILE}:3:7: note: 日期还没到，这次不发布：要到 ${when}（网站时区 Asia/Shanghai）才会发布；到了这个时间，之后的第一次生成就会发布它；想现在就预览，加上 --future。 [GZ0204]`,
    );
  });

  it('dated 2042: a warning that the year is likely a typo', async () => {
    const run = await zh(
      'build',
      sites.make({ [FILE]: fm('title: 未来的文章\ndate: 2042-05-06\ncategory: 学习') }),
    );
    expect(run.code, run.stderr).toBe(0);
    expect(lines(run.stderr)).toContain(
      `${FILE}:3:7: warning: 日期在一年以后：要到 2042-05-06 00:00（网站时区 Asia/Shanghai）才会发布；请检查年份是否写错；在那之前，每次生成都不会包含这篇文章。 [GZ0203]`,
    );
  });

  it('more than ten scheduled: the others are counted', async () => {
    const files: Record<string, string> = {};
    for (let i = 1; i <= 12; i++)
      files[`content/xuexi/s${i}.md`] = fm(`title: 预告${i}\ndate: ${dayAhead(i)}\ncategory: 学习`);
    const run = await zh('build', sites.make(files));
    expect(lines(run.stderr)).toContain('content: note: 另有 2 篇文章日期还没到，到时才会发布。 [GZ0205]');
  });
});

describe('links that lead nowhere', () => {
  it('check: a static page in public/ links to a page the site does not have', async () => {
    const root = sites.make({
      'public/about.html': '<!doctype html>\n<title>关于</title>\n<p>见 <a href="/nope/">这里</a></p>\n',
    });
    const run = await zh('check', root);
    expect(run.code, run.stdout).toBe(1);
    expect(lines(run.stdout)).toContain(
      'public/about.html:3:6: error: 链接“/nope/”指向的页面在网站里不存在（在页面 about.html 上）；改正这个网址。 [GZ0608]',
    );
  });

  it('check: a template links to a missing stylesheet, on every page', async () => {
    const root = sites.make({
      'templates/partials/footer.njk': '<link rel="stylesheet" href="/nope.css">\n',
    });
    const run = await zh('check', root);
    const line = lines(run.stdout).find((l) => l.endsWith('[GZ0608]'));
    expect(line, run.stdout).toMatch(
      /^templates\/partials\/footer\.njk:1:30: error: 样式表“\/nope\.css”在网站里不存在（在 \d+ 个页面上：.+ 等）；在模板里改正这个网址；模板由网站管理员负责。 \[GZ0608\]$/,
    );
  });

  it('build: a link (symlink) in public/ leads nowhere', async () => {
    const root = sites.make({ 'public/a.txt': '文字' });
    symlinkSync('../gone.png', path.join(root, 'public/logo.png'));
    const run = await zh('build', root);
    expect(run.code).toBe(1);
    expect(lines(run.stderr)).toContain(
      'public/logo.png: error: public 里的这个链接（快捷方式）指向的东西不存在；删掉这个链接，或者把文件本身放进 public/。 [GZ0516]',
    );
  });
});

describe('what a library says, in Chinese', () => {
  it('a template error (Nunjucks): an unknown filter', async () => {
    const root = sites.make({
      'templates/partials/footer.njk': '{{ site.title | nosuchfilter }}\n',
    });
    const run = await zh('build', root);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^templates\/partials\/footer\.njk:1:\d+: error: 模板出错：找不到过滤器“nosuchfilter”；出错时正在生成页面 .+。 \[GZ0401\]$/m,
    );
  });

  it('gazette init inside another site’s content/ is refused in Chinese', async () => {
    const root = sites.make();
    const run = await runCliWithCodes(['init', path.join(root, 'content/new'), '--lang', 'zh-CN']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /在另一个网站的 content 文件夹里面（.+\/content）：新网站的文件会被当成那个网站的一部分；请把新网站建在一个单独的文件夹里.+。 \[GZ0520\]/,
    );
  });

  const isRoot = process.getuid?.() === 0;
  const hasSetpriv = spawnSync('setpriv', ['--reuid=65534', 'true']).status === 0;
  it.skipIf(isRoot && !hasSetpriv)('a file without read permission: the errno worded (EACCES)', () => {
    const root = sites.make();
    const asNobody = isRoot ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] : [];
    chmodSync(root, 0o777);
    for (const e of readdirSync(root, { recursive: true, withFileTypes: true }))
      if (e.isDirectory()) chmodSync(path.join(e.parentPath, e.name), 0o777);
    const file = path.join(root, 'content/xuexi/secret.md');
    writeFileSync(file, fm('title: 秘密\ndate: 2022-03-01 10:00\ncategory: 学习'));
    chmodSync(file, 0o000);
    const run = runBin(['build', '--lang', 'zh-CN', '--no-search', '--root', root], {}, asNobody);
    expect(run.code).toBe(1);
    expect(lines(run.stderr)).toContain(
      'content/xuexi/secret.md: error: 读不了这个文件：没有权限（EACCES）；检查它是否存在、有没有读取权限。',
    );
  });
});

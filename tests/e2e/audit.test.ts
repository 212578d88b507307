import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { article, makeSite, REPO, removeSite, runCli, runCliWithCodes } from '../helpers/site.js';

/**
 * `gazette check --audit`: each rule of the self-check against the 政府网站抽查 (国办秘函〔2019〕19号)
 * on a site that trips it and on one that passes. Articles are written with the `article` helper:
 * title on line 2 (value at column 8), date on line 3 (column 7), the body from line 7.
 */
const roots: string[] = [];
const site = (files: Record<string, string>) => {
  const root = makeSite(files);
  roots.push(root);
  return root;
};
afterEach(() => {
  for (const r of roots.splice(0)) removeSite(r);
});

/** site.yaml with these categories (`name` or `name|updateWithin`), slugs c1, c2, … */
const yamlWith = (...categories: string[]) =>
  `title: 测试政府网\nbaseUrl: https://www.example.gov.cn/\ncategories:\n${categories
    .map((c, i) => {
      const [name, limit] = c.split('|');
      return `  - name: ${name}\n    slug: c${i + 1}${limit ? `\n    updateWithin: ${limit}` : ''}`;
    })
    .join('\n')}\n`;

const post = (title: string, date: string, category: string, body = '正文第一段。') =>
  article({ title, date, category }, body);

const audit = (root: string, now: string, ...more: string[]) =>
  runCli(['check', '--root', root, '--audit', '--now', now, ...more]);
const lines = (out: string, code: string) => out.split('\n').filter((l) => l.includes(code));

describe('check --audit: the home page', () => {
  const files = {
    'site.yaml': yamlWith('学习'),
    'content/a.md': post('旧文章', '2022-03-01 10:00', '学习'),
    'content/b.md': post('更旧的文章', '2022-02-01 10:00', '学习'),
  };

  it('is stale when its newest article is 2 weeks old: an error at that article’s date, exit 1', async () => {
    const run = await runCliWithCodes([
      'check',
      '--root',
      site(files),
      '--audit',
      '--now',
      '2022-03-15 10:00',
    ]);
    expect(lines(run.stdout, 'GZ0903')).toEqual([
      'content/a.md:3:7: error: the home page has had no new article for 14 days (the newest, "旧文章", is of 2022-03-01 10:00); a home page not updated for 2 weeks fails the 抽查 at once (单项否决): publish an article [GZ0903]',
    ]);
    expect(run.stdout).toContain(
      'audit: as of 2022-03-15 10:00, fails the 抽查 at once (单项否决) for home page not updated;',
    );
    expect(run.code).toBe(1);
  });

  it('passes with an article of the last 2 weeks (13 days)', async () => {
    const run = await audit(site(files), '2022-03-14 10:00');
    expect(run.stdout).not.toContain('home page');
    expect(run.stdout).toContain('audit: as of 2022-03-14 10:00, nothing fails the 抽查 at once;');
    expect(run.code).toBe(0);
  });

  it('is stale with no article at all', async () => {
    const run = await audit(site({ 'site.yaml': yamlWith('学习'), 'content/.gitkeep': '' }), '2022-03-14');
    expect(run.stdout).toContain('content/: error: the home page has no article at all');
    expect(run.code).toBe(1);
  });
});

describe('check --audit: blank columns (空白栏目)', () => {
  const fresh = post('新文章', '2022-03-10 10:00', '学习');

  it('5 blank columns are 单项否决: an error at each name in site.yaml, exit 1', async () => {
    const root = site({ 'site.yaml': yamlWith('学习', '一', '二', '三', '四', '五'), 'content/a.md': fresh });
    const run = await audit(root, '2022-03-11');
    const blank = lines(run.stdout, 'has no published article');
    expect(blank).toHaveLength(5);
    expect(blank[0]).toBe(
      'site.yaml:6:11: error: category "一" has no published article (a blank column, 空白栏目); the site has 5 blank columns, and 5 or more fail the 抽查 at once (单项否决): publish an article in it, or take it out of site.yaml',
    );
    expect(run.stdout).toContain('for blank columns;');
    expect(run.code).toBe(1);
  });

  it('4 are warnings; a draft does not fill a column', async () => {
    const root = site({
      'site.yaml': yamlWith('学习', '一', '二', '三', '四'),
      'content/a.md': fresh,
      'content/d.md': article({ title: '草稿', date: '2022-03-09 10:00', category: '一', draft: 'true' }),
    });
    const run = await audit(root, '2022-03-11');
    const blank = lines(run.stdout, 'has no published article');
    expect(blank).toHaveLength(4);
    expect(blank.every((l) => l.includes(': warning: '))).toBe(true);
    expect(blank[0]).toMatch(/^site\.yaml:6:11: warning: category "一"/);
    expect(run.code).toBe(0);
  });

  it('passes when every column has an article', async () => {
    const root = site({
      'site.yaml': yamlWith('学习', '一'),
      'content/a.md': fresh,
      'content/b.md': post('一的文章', '2022-03-09 10:00', '一'),
    });
    const run = await audit(root, '2022-03-11');
    expect(run.stdout).not.toContain('blank column');
    expect(run.code).toBe(0);
  });
});

describe('check --audit: columns not updated in time (栏目不更新)', () => {
  /** Five columns with limits, their articles of 2022-03-01; 学习 (no limit) has a fresh one. */
  const files = (limits: string[]) => {
    const names = ['一', '二', '三', '四', '五'].slice(0, limits.length);
    const f: Record<string, string> = {
      'site.yaml': yamlWith('学习', ...names.map((n, i) => `${n}|${limits[i]}`)),
      'content/fresh.md': post('新文章', '2022-03-20 10:00', '学习'),
    };
    names.forEach((n, i) => {
      f[`content/${i}.md`] = post(`${n}的文章`, '2022-03-01 10:00', n);
    });
    return f;
  };

  it('5 past their limit are 单项否决: errors at the names in site.yaml, with days and limit', async () => {
    const run = await audit(site(files(['14d', '2w', '2周', '14天', '7d'])), '2022-03-21 10:00');
    const stale = lines(run.stdout, 'no new article for');
    expect(stale).toHaveLength(5);
    expect(stale[0]).toBe(
      'site.yaml:6:11: error: category "一" has had no new article for 20 days (the newest is of 2022-03-01 10:00), more than its limit of 14 days; 5 columns are not updated in time, and 5 or more fail the 抽查 at once (单项否决): publish an article in it',
    );
    expect(stale[1]).toContain('limit of 2 weeks');
    expect(run.stdout).toContain('for columns not updated;');
    expect(run.code).toBe(1);
  });

  it('within their limits they pass; one past it alone is a warning', async () => {
    const run = await audit(site(files(['30d', '6m', '1m', '3w', '7d'])), '2022-03-21 10:00');
    expect(lines(run.stdout, 'no new article for')).toEqual([
      expect.stringMatching(
        /^site\.yaml:18:11: warning: category "五" has had no new article for 20 days .*limit of 7 days; publish/,
      ),
    ]);
    expect(run.code).toBe(0);
  });

  it('要闻 and 通知公告 have the 抽查’s limits by default (2 weeks, 6 months); none turns a limit off', async () => {
    const root = site({
      'site.yaml': yamlWith('要闻', '通知公告', '工作动态|none', '学习'),
      'content/a.md': post('要闻一', '2022-03-01 10:00', '要闻'),
      'content/b.md': post('通知一', '2021-10-01 10:00', '通知公告'),
      'content/c.md': post('动态一', '2022-01-01 10:00', '工作动态'),
      'content/d.md': post('学习一', '2022-03-20 10:00', '学习'),
    });
    const run = await audit(root, '2022-03-21 10:00');
    expect(
      lines(run.stdout, 'no new article for').map((l) => l.split(': warning: ')[1]?.split(';')[0]),
    ).toEqual([
      'category "要闻" has had no new article for 20 days (the newest is of 2022-03-01 10:00), more than its limit of 2 weeks',
    ]);
    const later = await audit(root, '2022-04-02 10:00');
    expect(lines(later.stdout, 'no new article for')[1]).toContain('category "通知公告"');
  });

  it('updateWithin that is not a limit is an error at its value, with or without --audit', async () => {
    const root = site({
      'site.yaml': yamlWith('学习|两周'),
      'content/a.md': post('文章', '2022-03-20 10:00', '学习'),
    });
    const run = await runCliWithCodes(['check', '--root', root]);
    expect(run.stdout).toContain(
      'site.yaml:6:19: error: updateWithin of category "学习" is "两周", which is not a time limit; write a number of days, weeks or months, like updateWithin: 14d, 2w or 6m (or none) [GZ0906]',
    );
    expect(run.code).toBe(1);
  });
});

describe('check --audit: the site’s wrong wordings (audit/wording.yaml)', () => {
  const wording = `wordings:
  - wrong: 中华人名共和国
    right: 中华人民共和国
    note: 国名
    serious: true
  - wrong: 截止目前
    right: 截至目前
  - wrong: 一带一路
    right: “一带一路”
`;
  const files = (body: string, title = '新闻') => ({
    'site.yaml': yamlWith('学习'),
    'audit/wording.yaml': wording,
    'content/a.md': post(title, '2022-03-10 10:00', '学习', body),
  });

  it('a serious one is 单项否决: an error at its line and column, in the title and the body', async () => {
    const run = await audit(
      site(files('第一段。\n\n成立于中华人名共和国初期。', '中华人名共和国成立')),
      '2022-03-11',
    );
    expect(lines(run.stdout, 'wrong wordings')).toEqual([
      'content/a.md:2:8: error: "中华人名共和国" is on the site\'s list of wrong wordings (国名); write "中华人民共和国"; a serious wording error fails the 抽查 at once (单项否决)',
      'content/a.md:9:4: error: "中华人名共和国" is on the site\'s list of wrong wordings (国名); write "中华人民共和国"; a serious wording error fails the 抽查 at once (单项否决)',
    ]);
    expect(run.stdout).toContain('for serious wording errors;');
    expect(run.code).toBe(1);
  });

  it('others are warnings; a wrong form inside its own right form is not reported', async () => {
    const run = await audit(site(files('截止目前，共建“一带一路”成果丰硕，一带一路倡议。')), '2022-03-11');
    expect(lines(run.stdout, 'wrong wordings')).toEqual([
      'content/a.md:7:1: warning: "截止目前" is on the site\'s list of wrong wordings; write "截至目前"',
      'content/a.md:7:19: warning: "一带一路" is on the site\'s list of wrong wordings; write "“一带一路”"',
    ]);
    expect(run.code).toBe(0);
  });

  it('passes a text written right', async () => {
    const run = await audit(site(files('中华人民共和国成立以来，截至目前，共建“一带一路”。')), '2022-03-11');
    expect(run.stdout).not.toContain('wrong wordings');
    expect(run.stdout).toContain('0 wording errors');
    expect(run.code).toBe(0);
  });

  it('a wording listed twice, or one the same as its correction, is an error of the list', async () => {
    const root = site({
      ...files('正文。'),
      'audit/wording.yaml': `${wording}  - wrong: 截止目前\n    right: 截至目前\n`,
    });
    const run = await runCliWithCodes(['check', '--root', root, '--audit', '--now', '2022-03-11']);
    expect(run.stdout).toContain(
      'audit/wording.yaml:10:12: error: "截止目前" is listed twice (first on line 6); keep one entry for each wrong wording [GZ0907]',
    );
    expect(run.code).toBe(1);
    writeSame(root);
    const same = await audit(root, '2022-03-11');
    expect(same.stdout).toMatch(
      /^audit\/wording\.yaml:2:\d+: error: .*"wrong" and "right" are the same text/m,
    );
  });
});

const writeSame = (root: string) =>
  writeFileSync(path.join(root, 'audit/wording.yaml'), 'wordings:\n  - wrong: 截至\n    right: 截至\n');

describe('check --audit: typography (zhlint), as warnings', () => {
  const files = (body: string, title = '新闻') => ({
    'site.yaml': yamlWith('学习'),
    'content/a.md': post(title, '2022-03-10 10:00', '学习', body),
  });

  it('half-width punctuation and spaces between Chinese characters, at their line and column', async () => {
    const run = await audit(site(files('第一段。\n\n今天效果很好.这是 **加粗** 文字,对吧？')), '2022-03-11');
    expect(lines(run.stdout, 'typography:')).toEqual([
      'content/a.md:9:7: warning: typography: punctuation should be full-width near "效果很好.这是 *"; Chinese text takes full-width punctuation, and no space between full-width characters',
      'content/a.md:9:10: warning: typography: no space between full-width characters near "果很好.这是 **加"; Chinese text takes full-width punctuation, and no space between full-width characters',
      'content/a.md:9:17: warning: typography: no space between full-width characters near "**加粗** 文字,"; Chinese text takes full-width punctuation, and no space between full-width characters',
      'content/a.md:9:20: warning: typography: punctuation should be full-width near "* 文字,对吧？"; Chinese text takes full-width punctuation, and no space between full-width characters',
    ]);
    expect(run.code).toBe(0);
  });

  it('an unclosed quotation mark is reported at its own line, not counted from the body’s start', async () => {
    const run = await audit(site(files('第一段没有问题。\n\n第二段，意“向升级。')), '2022-03-11');
    expect(lines(run.stdout, 'typography:')).toEqual([
      'content/a.md:9:6: warning: typography: a quotation mark is not closed near "二段，意“向升级。"; Chinese text takes full-width punctuation, and no space between full-width characters',
    ]);
  });

  it('passes text in the style of government sites: figures and Latin letters without spaces, full-width brackets, a headline’s space', async () => {
    const body =
      '全市5G基站达1.2万个（含室分），“技能金华”行动覆盖60余名学员。\n\n- 列表一项；\n- [链接](https://example.cn/)。';
    const run = await audit(site(files(body, '推普助力乡村振兴 “技能金华”开班')), '2022-03-11');
    expect(run.stdout).not.toContain('typography:');
    expect(run.stdout).toContain('0 typography warnings');
  });
});

describe('check --audit: broken links and attachments are check’s, counted once', () => {
  it('a link to no page is check’s error, once, and counted by the audit and in the report', async () => {
    const root = site({
      'site.yaml': yamlWith('学习'),
      'content/a.md': post('新闻', '2022-03-10 10:00', '学习', '见 [附件](/files/nope.html)。'),
    });
    const report = path.join(root, 'report.md');
    const run = await audit(root, '2022-03-11', '--report', report);
    expect(lines(run.stdout, 'nope.html')).toEqual([
      'content/a.md:7:8: error: link to "/files/nope.html" leads to no page of the site; fix the address or remove the link',
    ]);
    expect(run.stdout).toContain('1 broken link');
    expect(run.code).toBe(1);
    expect(readFileSync(report, 'utf8')).toContain(
      '- `content/a.md:7:8` 【错误】链接“/files/nope.html”指向的页面在网站里不存在；改正网址，或者删掉这个链接。',
    );
  });

  it('passes a site whose links all lead somewhere', async () => {
    const root = site({
      'site.yaml': yamlWith('学习'),
      'content/a.md': post('新闻', '2022-03-10 10:00', '学习', '见 [栏目](/c1/)。'),
    });
    const run = await audit(root, '2022-03-11');
    expect(run.stdout).toContain('0 broken links');
    expect(run.code).toBe(0);
  });
});

describe('check --audit: the sample site', () => {
  it('passes a week after its newest article, with its own list of wrong wordings', async () => {
    const run = await audit(REPO, '2022-03-25 09:00');
    expect(run.stdout.split('\n').slice(-2)).toEqual([
      'audit: as of 2022-03-25 09:00, nothing fails the 抽查 at once; 0 wording errors, 0 broken links, 0 typography warnings',
      expect.stringMatching(/^check: 0 errors, 0 warnings in \d+ articles, \d+ pages$/),
    ]);
    expect(run.code).toBe(0);
  });
});

describe('check --audit: output', () => {
  const files = {
    'site.yaml': yamlWith('学习', '一'),
    'audit/wording.yaml': 'wordings:\n  - {wrong: 截止目前, right: 截至目前}\n',
    'content/a.md': post('新闻', '2022-03-01 10:00', '学习', '截止目前一切顺利。'),
  };

  it('writes a report in Chinese that an office can file: the 单项否决 table, then each finding', async () => {
    const root = site(files);
    const report = path.join(root, '自查报告.md');
    const run = await audit(root, '2022-03-20 09:00', '--report', report);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`audit: report written to ${report}`);
    const text = readFileSync(report, 'utf8');
    expect(text).toContain('# 测试政府网网站自查报告');
    expect(text).toContain('- 自查时间：2022-03-20 09:00（Asia/Shanghai）');
    expect(text).toContain('**结论：不合格，存在 1 项单项否决问题。**');
    expect(text).toContain(
      '| 首页不更新 | 监测 14 天（2 周），首页无信息更新 | 首页超过 2 周无新文章 | **单项否决** |',
    );
    expect(text).toContain('| 空白栏目 | 空白栏目 5 个及以上 | 发现 1 个 | 未触及 |');
    expect(text).toContain('| 严重表述错误 | 出现严重表述错误（如领导人姓名、国名写错） | 未发现 | 未触及 |');
    expect(text).toContain(
      '- `content/a.md:7:1` 【提醒】“截止目前”是本网站规定的错误写法；应写作“截至目前”。',
    );
    expect(text).toContain('- `site.yaml:6:11` 【提醒】栏目“一”没有已发布的文章，是空白栏目；');
  });

  it('--format json carries the audit’s verdict and counts beside the diagnostics', async () => {
    const run = await audit(site(files), '2022-03-20 09:00', '--format', 'json');
    const json = JSON.parse(run.stdout);
    expect(json.audit).toEqual({
      at: '2022-03-20 09:00',
      vetoes: ['home'],
      blankColumns: 1,
      staleColumns: 0,
      homeStale: true,
      seriousWording: 0,
      wording: 1,
      typography: 0,
      brokenLinks: 0,
    });
    expect(json.diagnostics.map((d: { code: string }) => d.code)).toEqual(['GZ0903', 'GZ0901', 'GZ0904']);
  });

  it('prints the summary in Chinese for the editors, and takes the time from GAZETTE_NOW', async () => {
    const root = site(files);
    process.env.GAZETTE_NOW = '2022-03-05 08:00';
    try {
      const run = await runCliWithCodes(['check', '--root', root, '--audit', '--lang', 'zh']);
      expect(run.stdout).toContain(
        'audit：按 2022-03-05 08:00 自查，未发现单项否决问题；另有表述错误 1 处、链接问题 0 处、排版提醒 0 处',
      );
      expect(run.stdout).toContain(
        'site.yaml:6:11: warning: 栏目“一”没有已发布的文章，是空白栏目；请在栏目里发布文章，或者从 site.yaml 里去掉这个栏目；空白栏目达到 5 个即“单项否决”。 [GZ0901]',
      );
    } finally {
      delete process.env.GAZETTE_NOW;
    }
  });

  it('check without --audit is as before; a bad --now, or --now without --audit, is bad usage', async () => {
    const root = site(files);
    const plain = await runCli(['check', '--root', root]);
    expect(plain.stdout).not.toContain('audit');
    expect(plain.code).toBe(0);
    const bad = await audit(root, '2022-02-30');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--now must be a date like 2022-04-01 or 2022-04-01 09:00');
    const alone = await runCli(['check', '--root', root, '--now', '2022-03-01']);
    expect(alone.code).toBe(2);
    process.env.GAZETTE_NOW = 'soon';
    try {
      expect((await runCli(['check', '--root', root])).code).toBe(0);
    } finally {
      delete process.env.GAZETTE_NOW;
    }
    expect(existsSync(path.join(root, 'dist'))).toBe(false);
  });

  it('a report in content/ or public/, which the next build would read or publish, is bad usage', async () => {
    const root = site(files);
    for (const place of ['content/自查报告.md', 'public/r.md']) {
      const run = await runCli(['check', '--root', root, '--report', path.join(root, place)]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`--report must not be in the site's ${place.split('/')[0]}/`);
      expect(existsSync(path.join(root, place))).toBe(false);
    }
  });

  it('a report that cannot be written fails the command and says why', async () => {
    const root = site(files);
    const run = await audit(root, '2022-03-02', '--report', path.join(root, 'no', 'such', 'r.md'));
    expect(run.stderr).toMatch(/^audit: cannot write the report .*r\.md: ENOENT$/);
    expect(run.code).toBe(1);
  });
});

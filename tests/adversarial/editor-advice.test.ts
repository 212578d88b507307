// Issue 17: editors at a news office got wrong or missing advice, or saw articles disappear silently.
import { DateTime } from 'luxon';
import { afterEach, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { startDevServer } from '../../src/dev/dev-server.js';
import { buildsOk, failsCleanly, siteFactory } from '../helpers/adversarial.js';
import { article, readPage, runCli } from '../helpers/site.js';

const sites = siteFactory();
afterEach(() => sites.cleanup());

const FILE = 'content/xuexi/a.md';
const fm = (yaml: string, body = '正文。') => `---\n${yaml}\n---\n\n${body}\n`;
const lines = (text: string) => text.split('\n');
/** Files written in the 50 ms before a build are read again by the next: for "up to date", wait. */
const settle = () => new Promise((r) => setTimeout(r, 100));

/** `days` from now in the site's zone (Asia/Shanghai), at 10:00: as written and as shown. */
const dayAhead = (days: number) =>
  `${DateTime.now().setZone('Asia/Shanghai').plus({ days }).toFormat('yyyy-MM-dd')} 10:00`;

const SCHEDULED_HINT = 'it appears with the first build from then on (--future shows it now)';
const scheduled = (file: string, when: string) =>
  `${file}:3:7: note: dated in the future: will be published at ${when} (site time), not before; ${SCHEDULED_HINT}`;
const TYPO_YEAR = `${FILE}:3:7: warning: dated more than a year ahead: will be published at 2042-05-06 00:00 (site time), not before; check the year; until then the article is left out of every build`;
const FAR = fm('title: 未来的文章\ndate: 2042-05-06\ncategory: 学习');

describe('fault 1: a future-dated article is never left out silently', () => {
  it('a year typo (2042) builds with a warning at its date, and the summary still counts it', async () => {
    const root = sites.make({ [FILE]: FAR });
    const run = await runCli(['build', '--root', root, '--no-search']);
    expect(run.code).toBe(0);
    expect(lines(run.stderr)).toEqual([TYPO_YEAR]);
    expect(run.stdout).toMatch(/^built 1 article into .*\(skipped 1 future-dated\)/);
  });

  it('an article scheduled as usual is a note with its time; a build that finds nothing changed says it again', async () => {
    const when = dayAhead(10);
    const root = sites.make({ [FILE]: fm(`title: 明天的文章\ndate: ${when}\ncategory: 学习`) });
    await settle();
    const first = await runCli(['build', '--root', root, '--no-search']);
    expect(first.code).toBe(0);
    expect(lines(first.stderr)).toEqual([scheduled(FILE, when)]);
    const again = await runCli(['build', '--root', root, '--no-search']);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^up to date: 1 article/);
    expect(lines(again.stderr)).toEqual([scheduled(FILE, when)]);
    // With --future it is published, and nothing is said of it.
    const preview = await runCli(['build', '--root', root, '--no-search', '--future']);
    expect(preview.stderr).toBe('');
    expect(preview.stdout).toMatch(/^built 2 articles/);
  });

  it('names the ten to appear first, counts the rest, and names every likely typo whatever their number', async () => {
    const files: Record<string, string> = { [FILE]: FAR };
    // Written in an order other than their dates: the listing goes by time.
    for (let i = 1; i <= 12; i++)
      files[`content/xuexi/s${String(13 - i).padStart(2, '0')}.md`] = fm(
        `title: 预告${i}\ndate: ${dayAhead(i)}\ncategory: 学习`,
      );
    const run = await runCli(['build', '--root', sites.make(files), '--no-search']);
    expect(run.code).toBe(0);
    expect(lines(run.stderr)).toEqual([
      TYPO_YEAR,
      ...Array.from({ length: 10 }, (_, k) =>
        scheduled(`content/xuexi/s${String(12 - k).padStart(2, '0')}.md`, dayAhead(k + 1)),
      ),
      'content: note: 2 more future-dated articles are left out until their time',
    ]);
    expect(run.stdout).toMatch(/\(skipped 13 future-dated\)/);
  });

  it('a scheduled article appears once its time has come, through the build cache, and is no longer named', async () => {
    const root = sites.make({ [FILE]: fm('title: 定时发布\ndate: 2030-01-01 08:00\ncategory: 学习') });
    const due = DateTime.fromISO('2030-01-01T08:00', { zone: 'Asia/Shanghai' }).toMillis();
    await settle();
    const before = await build({ root, search: false, now: due - 3_600_000 });
    expect(before.futureDated.map((d) => [d.severity, d.file, d.position])).toEqual([
      ['note', FILE, { line: 3, column: 7 }],
    ]);
    const unchanged = await build({ root, search: false, now: due - 60_000 });
    expect(unchanged.upToDate).toBe(true);
    expect(unchanged.futureDated).toEqual(before.futureDated);
    const after = await build({ root, search: false, now: due });
    expect(after.upToDate).toBeUndefined();
    expect(after.futureDated).toEqual([]);
    expect(after.skipped.future).toBe(0);
    expect(readPage(root, 'dist/xuexi/2030/01/a/index.html')).toContain('定时发布');
  });

  it('check names them too (the typo counts as a warning, exit 0), in text and in JSON', async () => {
    const root = sites.make({ [FILE]: FAR });
    const run = await runCli(['check', '--root', root]);
    expect(lines(run.stdout)).toEqual([TYPO_YEAR, 'check: 0 errors, 1 warning in 1 article, 11 pages']);
    expect(run.code).toBe(0);
    const when = dayAhead(3);
    const soon = sites.make({ 'content/xuexi/b.md': fm(`title: 预告\ndate: ${when}\ncategory: 学习`) });
    const json = await runCli(['check', '--root', soon, '--format', 'json']);
    expect(JSON.parse(json.stdout).diagnostics).toEqual([
      {
        severity: 'note',
        code: 'GZ0204',
        file: 'content/xuexi/b.md',
        line: 3,
        column: 7,
        message: `dated in the future: will be published at ${when} (site time), not before`,
        hint: SCHEDULED_HINT,
      },
    ]);
    expect(json.code).toBe(0);
  });

  it("the dev server's terminal names them when it starts", async () => {
    const log: string[] = [];
    const root = sites.make({ [FILE]: FAR });
    const server = await startDevServer({ root, host: '127.0.0.1', port: 0, log: (l) => log.push(l) });
    try {
      await server.lastRebuild();
      // The dev server's terminal prints the code, as the build's does.
      expect(log).toContain(`${TYPO_YEAR} [GZ0203]`);
      expect(log.filter((l) => l === `${TYPO_YEAR} [GZ0203]`)).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});

const REQUIRED = (key: string, field: string, at: string) =>
  `${FILE}:${at}: error: "${key}" is not a known field; did you mean "${field}"? (the required field "${field}" is missing); rename it to "${field}"`;

describe('fault 2a: a misspelt or Chinese name of a required field gets "did you mean", at that key', () => {
  it.each([
    ['titel', 'titel: 标题\ndate: 2022-03-01 10:00\ncategory: 学习', REQUIRED('titel', 'title', '2:1')],
    ['标题', '标题: 标题\ndate: 2022-03-01 10:00\ncategory: 学习', REQUIRED('标题', 'title', '2:1')],
    ['dat', 'title: 标题\ndat: 2022-03-01 10:00\ncategory: 学习', REQUIRED('dat', 'date', '3:1')],
    ['日期', 'title: 标题\n日期: 2022-03-01 10:00\ncategory: 学习', REQUIRED('日期', 'date', '3:1')],
    ['时间', 'title: 标题\n时间: 2022-03-01 10:00\ncategory: 学习', REQUIRED('时间', 'date', '3:1')],
    ['catgory', 'title: 标题\ndate: 2022-03-01 10:00\ncatgory: 学习', REQUIRED('catgory', 'category', '4:1')],
    ['分类', 'title: 标题\ndate: 2022-03-01 10:00\n分类: 学习', REQUIRED('分类', 'category', '4:1')],
    ['栏目', 'title: 标题\ndate: 2022-03-01 10:00\n栏目: 学习', REQUIRED('栏目', 'category', '4:1')],
  ])('%s', async (_name, yaml, expected) => {
    await failsCleanly(sites.make(), { [FILE]: fm(yaml) }, [expected]);
  });

  it('every required field at once, each at its key', async () => {
    const run = await failsCleanly(
      sites.make(),
      { [FILE]: fm('标题: 标题\n日期: 2022-03-01 10:00\n栏目: 学习') },
      [
        REQUIRED('标题', 'title', '2:1'),
        REQUIRED('日期', 'date', '3:1'),
        REQUIRED('栏目', 'category', '4:1'),
      ],
    );
    expect(lines(run.stderr)).toHaveLength(4);
  });

  it('an optional field by its Chinese name (来源 for source) is a warning with the field meant', async () => {
    const root = sites.make({
      [FILE]: fm('title: 标题\ndate: 2022-03-01 10:00\ncategory: 学习\n来源: 金华日报\n作者: 张明'),
    });
    const { stderr } = await buildsOk(root, ['--no-search']);
    expect(lines(stderr)).toEqual([
      `${FILE}:5:1: warning: unknown front matter key "来源"; did you mean "source"?`,
      `${FILE}:6:1: warning: unknown front matter key "作者"; did you mean "author"?`,
    ]);
  });
});

describe('fault 2b: a colon without a space, or a full-width one, is said to be that, at the colon', () => {
  it.each([
    [
      'title:标题 (first line)',
      'title:标题\ndate: 2022-03-01 10:00\ncategory: 学习',
      `${FILE}:2:6: error: invalid YAML: the colon after "title" must be followed by a space; write a space after the colon: "title: 标题"`,
    ],
    [
      'category:学习 (last line)',
      'title: 标题\ndate: 2022-03-01 10:00\ncategory:学习',
      `${FILE}:4:9: error: invalid YAML: the colon after "category" must be followed by a space; write a space after the colon: "category: 学习"`,
    ],
    [
      'title:标题 alone',
      'title:标题',
      `${FILE}:2:6: error: invalid YAML: the colon after "title" must be followed by a space; write a space after the colon: "title: 标题"`,
    ],
    [
      'title：标题 (full-width colon)',
      'title：标题\ndate: 2022-03-01 10:00\ncategory: 学习',
      `${FILE}:2:6: error: invalid YAML: "title" is followed by a full-width colon "："; use the ASCII colon followed by a space: "title: 标题"`,
    ],
    [
      '标题：金华 (full-width colon, Chinese name)',
      'date: 2022-03-01 10:00\ncategory: 学习\n标题： 金华',
      `${FILE}:4:3: error: invalid YAML: "标题" is followed by a full-width colon "："; use the ASCII colon followed by a space, and the field's name "title": "title: 金华"`,
    ],
  ])('%s', async (_name, yaml, expected) => {
    const run = await failsCleanly(sites.make(), { [FILE]: fm(yaml) }, [expected]);
    expect(lines(run.stderr)).toHaveLength(2);
  });

  it('a time (10:30) and an address (https://) in a value are no such mistake', async () => {
    const root = sites.make({
      [FILE]: fm(
        'title: 会议 10:30 开始\ndate: 2022-03-01 10:00\ncategory: 学习\nsource: https://example.cn/a',
      ),
    });
    await buildsOk(root, ['--no-search']);
    expect(readPage(root, 'dist/xuexi/2022/03/a/index.html')).toContain('会议 10:30 开始');
  });
});

const quote = (key: string, c: string, meaning: string, value: string) =>
  `error: the value of "${key}" starts with "${c}", ${meaning}; put the value in quotes: ${key}: ${value}`;

describe('fault 2c: a value that starts with a YAML indicator is said to be that, with the quoted form', () => {
  it.each([
    [
      '#: a hashtag is a comment',
      'title: #衢州# 春风行动',
      `${FILE}:2:8: ${quote('title', '#', 'which YAML reads as the start of a comment: the rest of the line is left out, and the value is empty', '"#衢州# 春风行动"')}`,
    ],
    [
      '@: reserved',
      'title: @衢州发布 春风行动',
      `${FILE}:2:8: ${quote('title', '@', 'which YAML reserves: a value may not start with it', '"@衢州发布 春风行动"')}`,
    ],
    [
      '`: reserved',
      'title: `衢州` 春风行动',
      `${FILE}:2:8: ${quote('title', '`', 'which YAML reserves: a value may not start with it', '"`衢州` 春风行动"')}`,
    ],
    [
      '*: an alias',
      'title: *重要* 春风行动',
      `${FILE}:2:8: ${quote('title', '*', 'which YAML reads as an alias (a reference to a value named with "&")', '"*重要* 春风行动"')}`,
    ],
    [
      '&: an anchor, which silently took the first word',
      'title: &衢州 春风行动',
      `${FILE}:2:8: ${quote('title', '&', 'which YAML reads as an anchor (a name for the value after it), left out of the text', '"&衢州 春风行动"')}`,
    ],
    [
      '!: a tag',
      'title: !重要 春风行动',
      `${FILE}:2:8: ${quote('title', '!', 'which YAML reads as a tag (the type of the value), left out of the text', '"!重要 春风行动"')}`,
    ],
    [
      '%: a directive',
      'title: %50 的企业复工',
      `${FILE}:2:8: ${quote('title', '%', 'which YAML reads as a directive', '"%50 的企业复工"')}`,
    ],
    [
      '>: a folded block, with a double quote in the value',
      'title: >>> 通知 "要闻"',
      `${FILE}:2:8: ${quote('title', '>', 'which YAML reads as the start of a folded block of lines', `'>>> 通知 "要闻"'`)}`,
    ],
    [
      '|: a block',
      'title: |衢州| 春风行动',
      `${FILE}:2:8: ${quote('title', '|', 'which YAML reads as the start of a block of lines', '"|衢州| 春风行动"')}`,
    ],
  ])('%s', async (_name, title, expected) => {
    const run = await failsCleanly(
      sites.make(),
      { [FILE]: fm(`${title}\ndate: 2022-03-01 10:00\ncategory: 学习`) },
      [expected],
    );
    expect(lines(run.stderr)).toHaveLength(2);
  });

  it('a hashtag as an item of a list of tags', async () => {
    await failsCleanly(
      sites.make(),
      { [FILE]: fm('title: 标题\ndate: 2022-03-01 10:00\ncategory: 学习\ntags:\n  - #春风行动#\n  - 就业') },
      [
        `${FILE}:6:5: error: the value starts with "#", which YAML reads as the start of a comment: the rest of the line is left out, and the value is empty; put the value in quotes: - "#春风行动#"`,
      ],
    );
  });

  it('the quoted forms build, and comments, block text and lists are read as before', async () => {
    const root = sites.make({
      [FILE]: fm(
        [
          'title: "#衢州# 春风行动"',
          'date: 2022-03-01 10:00 # 北京时间',
          'category: 学习',
          'summary: |',
          '  第一行: 说明',
          '  第二行',
          'tags: ["@衢州发布", 就业]',
          'author: "&记者"',
        ].join('\n'),
      ),
    });
    await buildsOk(root, ['--no-search']);
    const page = readPage(root, 'dist/xuexi/2022/03/a/index.html');
    expect(page).toContain('#衢州# 春风行动');
    expect(page).toContain('@衢州发布');
    expect(page).toContain('&amp;记者');
  });
});

describe('fault 2d: two articles at one address name both files with line and column', () => {
  it('at the slug of each', async () => {
    const story = (title: string) =>
      article({ title, date: '2022-03-05 10:00', category: '学习', slug: 'same' });
    await failsCleanly(
      sites.make(),
      { 'content/xuexi/a.md': story('甲'), 'content/xuexi/b.md': story('乙') },
      [
        'content/xuexi/b.md:5:7: error: writes the same page /xuexi/2022/03/same/ as content/xuexi/a.md:5:7; give one of them another slug (slug: …) or date',
      ],
    );
  });

  it('at the title, when the file name makes the slug', async () => {
    const files = {
      'content/xuexi/a.md': article({ title: '甲', date: '2022-03-05 10:00', category: '学习' }),
      'content/yaowen/a.md': article({ category: '学习', title: '乙', date: '2022-03-06 10:00' }),
    };
    await failsCleanly(sites.make(), files, [
      'content/yaowen/a.md:3:8: error: writes the same page /xuexi/2022/03/a/ as content/xuexi/a.md:2:8; give one of them another slug (slug: …) or date',
    ]);
  });
});

describe('fault 3: check reports every problem at once, and checks the links of every article that loaded', () => {
  const broken = fm(
    'title: 有链接的文章\ndate: 2022-03-02 10:00\ncategory: 学习',
    '见 [不存在的页](/xuexi/nope/)。',
  );

  it('one bad article does not stop the links of the others from being checked', async () => {
    const root = sites.make({
      'content/xuexi/bad.md': fm('titel: 标题\ndate: 2022-03-01 10:00\ncategory: 学习'),
      'content/xuexi/link.md': broken,
    });
    const run = await runCli(['check', '--root', root]);
    expect(lines(run.stdout)).toEqual([
      'content/xuexi/bad.md:2:1: error: "titel" is not a known field; did you mean "title"? (the required field "title" is missing); rename it to "title"',
      'content/xuexi/link.md:7:11: error: link to "/xuexi/nope/" leads to no page of the site; fix the address or remove the link, unless it leads to an article with errors (built without them)',
      'check: the links of 1 article were not checked, as it has errors (the site was checked without it): content/xuexi/bad.md',
      'check: 2 errors, 0 warnings in 2 articles, 12 pages',
    ]);
    expect(run.code).toBe(1);
    const json = JSON.parse((await runCli(['check', '--root', root, '--format', 'json'])).stdout);
    expect(json.summary).toEqual({
      errors: 2,
      warnings: 0,
      articles: 2,
      pages: 12,
      linksChecked: true,
      notChecked: ['content/xuexi/bad.md'],
    });
  });

  it('two at one address and a broken link: found together, with the errors of files that loaded', async () => {
    const story = (title: string) =>
      article({ title, date: '2022-03-05 10:00', category: '学习', slug: 'same' });
    const root = sites.make({
      'content/xuexi/a.md': story('甲'),
      'content/xuexi/b.md': story('乙'),
      'content/xuexi/c.md': fm('title: 标题\ndate: 2022-02-30 10:00\ncategory: 学习'),
      'content/xuexi/link.md': broken,
    });
    const run = await runCli(['check', '--root', root]);
    expect(lines(run.stdout)).toEqual([
      'content/xuexi/c.md:3:7: error: "2022-02-30 10:00" is not a real date and time; that day does not exist in that month',
      'content/xuexi/b.md:5:7: error: writes the same page /xuexi/2022/03/same/ as content/xuexi/a.md:5:7; give one of them another slug (slug: …) or date',
      'content/xuexi/link.md:7:11: error: link to "/xuexi/nope/" leads to no page of the site; fix the address or remove the link, unless it leads to an article with errors (built without them)',
      'check: the links of 2 articles were not checked, as they have errors (the site was checked without them): content/xuexi/b.md, content/xuexi/c.md',
      'check: 3 errors, 0 warnings in 3 articles, 15 pages',
    ]);
    expect(run.code).toBe(1);
  });

  it('a build of the same site still stops at the first stage with errors, leaving dist/ as it was', async () => {
    const root = sites.make();
    await failsCleanly(
      root,
      { 'content/xuexi/bad.md': fm('titel: 标题\ndate: 2022-03-01 10:00\ncategory: 学习') },
      [
        'content/xuexi/bad.md:2:1: error: "titel" is not a known field; did you mean "title"? (the required field "title" is missing); rename it to "title"',
      ],
    );
  });

  it('a site that cannot be built at all (site.yaml) still says so', async () => {
    const root = sites.make({ 'content/xuexi/link.md': broken }, 'title: 测试\n');
    const run = await runCli(['check', '--root', root]);
    expect(lines(run.stdout).at(-1)).toBe(
      'check: 2 errors, 0 warnings; the site could not be built, so its links were not checked',
    );
    expect(run.code).toBe(1);
  });
});

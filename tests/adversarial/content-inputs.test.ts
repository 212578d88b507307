import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startDevServer } from '../../src/dev/dev-server.js';
import { formatDiagnostic } from '../../src/errors/diagnostic.js';
import { buildsOk, failsCleanly, PATHOLOGICAL_MS, siteFactory } from '../helpers/adversarial.js';
import { article, BIN, runCli, siteYaml, snapshotDir, withoutCodes } from '../helpers/site.js';
import { SseClient } from '../helpers/sse.js';
import { parseXml } from '../helpers/xml.js';

const sites = siteFactory();
afterEach(() => sites.cleanup());

const story = (title: string, fm: Record<string, string> = {}, body = '正文第一段。') =>
  article({ title, date: '2022-03-01 10:00', category: '学习', ...fm }, body);

// Issue 15, fault 4: a name that is not UTF-8 (新闻 in GBK, as a zip made on Windows unpacks it).
// readdir gave it as "\uFFFD\uFFFD", reading that failed with ENOENT, and the file was dropped as
// "gone since listed": the build said nothing and exited 0.
describe('a file name that is not UTF-8 is an error that shows its bytes, never skipped', () => {
  const GBK = Buffer.from([0xd0, 0xc2, 0xce, 0xc5]);
  const SHOWN = String.raw`\xD0\xC2\xCE\xC5`;
  const RENAME = 'names like this come from zip files made on Windows (unzip -O GBK unpacks them right)';
  /** Writes `data` at `dir/<新闻 in GBK><suffix>` (folders made as needed): Node takes a path as bytes. */
  const badName = (root: string, dir: string, suffix: string, data: string | Buffer = story('新闻')) => {
    mkdirSync(path.join(root, dir), { recursive: true });
    const full = Buffer.concat([Buffer.from(`${path.join(root, dir)}/`), GBK, Buffer.from(suffix)]);
    if (suffix.endsWith('/')) {
      mkdirSync(full);
      writeFileSync(Buffer.concat([full, Buffer.from('a.md')]), data);
    } else writeFileSync(full, data);
  };
  /** The dev server's problems (structured, for its error screen) as the terminal prints them. */
  type Problem = { file: string; severity: string; message: string; hint?: string };
  const asLines = (data: unknown) =>
    (data as readonly Problem[]).map(
      (p) => `${p.file}: ${p.severity}: ${p.message}${p.hint ? `; ${p.hint}` : ''}`,
    );
  const fileLine = (folder: string, suffix: string) =>
    `${folder}: error: the name of a file here is not UTF-8, so it cannot be read: "${SHOWN}${suffix}" (in GBK: "新闻${suffix}"); rename the file, e.g. to "新闻${suffix}"; ${RENAME}`;

  it.each([
    ['an article', 'content/xuexi', '.md', fileLine('content/xuexi', '.md')],
    [
      'an image beside the articles',
      'content/xuexi/images',
      '.png',
      fileLine('content/xuexi/images', '.png'),
    ],
    [
      'a folder of articles',
      'content',
      '/',
      `content: error: the name of a folder here is not UTF-8, so nothing in it can be read: "${SHOWN}" (in GBK: "新闻"); rename the folder, e.g. to "新闻"; ${RENAME}`,
    ],
    ['a static file in public/', 'public', '.png', fileLine('public', '.png')],
    ['a static file deeper in public/', 'public/img', '.png', fileLine('public/img', '.png')],
    ['a template', 'templates/partials', '.njk', fileLine('templates/partials', '.njk')],
  ])('%s: the build fails, dist/ untouched', async (_name, dir, suffix, expected) => {
    const run = await failsCleanly(sites.make(), (root) => badName(root, dir, suffix), [expected]);
    expect(run.stderr).not.toContain('internal error');
  });

  it('gazette check reports it and exits 1', async () => {
    const root = sites.make();
    badName(root, 'content/xuexi', '.md');
    const run = await runCli(['check', '--root', root]);
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n')).toContain(fileLine('content/xuexi', '.md'));
  });

  it('a name that is not GBK either is shown by its bytes alone', async () => {
    const root = sites.make();
    writeFileSync(Buffer.from(`${root}/content/xuexi/a\xff\xfe.md`, 'latin1'), story('新闻'));
    const run = await runCli(['check', '--root', root]);
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n')).toContain(
      String.raw`content/xuexi: error: the name of a file here is not UTF-8, so it cannot be read: "a\xFF\xFE.md"; rename the file with UTF-8 characters; ${RENAME}`,
    );
  });

  it('the dev server shows one unzipped while it runs, and recovers once it is renamed', async () => {
    const root = sites.make();
    const server = await startDevServer({ root, host: '127.0.0.1', port: 0, log: () => {} });
    const events = new SseClient(`${server.url}__gazette/events`);
    try {
      await events.ready;
      badName(root, 'content/xuexi', '.md');
      let event = await events.next();
      while (event.event !== 'problem') event = await events.next();
      expect(asLines(event.data)).toContain(fileLine('content/xuexi', '.md'));
      const bad = Buffer.concat([Buffer.from(`${root}/content/xuexi/`), GBK, Buffer.from('.md')]);
      renameSync(bad, path.join(root, 'content/xuexi/新闻.md'));
      for (let i = 0; i < 100; i++) {
        if ((await fetch(new URL('xuexi/2022/03/xin-wen/', server.url))).status === 200) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect((await fetch(new URL('xuexi/2022/03/xin-wen/', server.url))).status).toBe(200);
    } finally {
      events.close();
      await server.close();
    }
  });

  it('the dev server shows it, in the terminal and in the browser', async () => {
    const root = sites.make();
    badName(root, 'content/xuexi', '.md');
    const log: string[] = [];
    const server = await startDevServer({ root, host: '127.0.0.1', port: 0, log: (l) => log.push(l) });
    const events = new SseClient(`${server.url}__gazette/events`);
    try {
      const report = await server.lastRebuild();
      expect(report.ok).toBe(false);
      expect(report.diagnostics.map(formatDiagnostic).map(withoutCodes)).toContain(
        fileLine('content/xuexi', '.md'),
      );
      expect(log.map(withoutCodes)).toContain(fileLine('content/xuexi', '.md'));
      const problem = await events.next();
      expect(problem.event).toBe('problem');
      expect(asLines(problem.data)).toContain(fileLine('content/xuexi', '.md'));
    } finally {
      events.close();
      await server.close();
    }
  });
});

// Issue 15, fault 10c: a permalink with ".." made an internal error ("refusing to write outside the
// output folder"); "//", "." and "?" made odd folders. Every value that becomes a path is checked
// where it is written.
describe('values that become paths stay inside the site, or are errors where they are written', () => {
  const MUST = 'e.g. permalink: /{category}/{yyyy}/{mm}/{slug}/';
  const DOTTED = (part: string) =>
    `site.yaml:10:12: error: "permalink" must not have a part that starts with "." ("${part}"): ".." would lead out of the site, and web servers hide the others; ${MUST}`;
  it.each([
    ['/../../{slug}/', DOTTED('..')],
    ['/{category}/../../../{slug}/', DOTTED('..')],
    ['/{slug}/../../x/', DOTTED('..')],
    ['/./{slug}/', DOTTED('.')],
    [
      '//{slug}/',
      `site.yaml:10:12: error: "permalink" must not contain "//": every part between two "/" names a folder; ${MUST}`,
    ],
    [
      '/{slug}?x/',
      `site.yaml:10:12: error: "permalink" may contain only a-z, A-Z, 0-9, "-", "_", ".", "~" and "/" besides its placeholders, not "?"; ${MUST}`,
    ],
    [
      '/{category}\\\\{slug}/',
      `site.yaml:10:12: error: "permalink" may contain only a-z, A-Z, 0-9, "-", "_", ".", "~" and "/" besides its placeholders, not "\\\\"; ${MUST}`,
    ],
    [
      '/{year}/{slug}/',
      'site.yaml:10:12: error: "permalink" has an unknown placeholder "{year}"; use {category}, {yyyy}, {mm}, {dd} and {slug}',
    ],
  ])('permalink: "%s"', async (permalink, expected) => {
    const root = sites.make();
    const run = await failsCleanly(root, { 'site.yaml': siteYaml(`permalink: "${permalink}"\n`) }, [
      expected,
    ]);
    expect(run.stderr).not.toContain('internal error');
    expect(existsSync(path.join(root, '..', 'good'))).toBe(false);
  });

  // These were refused before; kept here so that every value that becomes a path is in one place.
  it.each([
    ['..', 'site.yaml:9:11'],
    ['a/b', 'site.yaml:9:11'],
    ['""', 'site.yaml:9:11'],
  ])('category slug: %s', async (slug, at) => {
    const yaml = siteYaml().replace('slug: yaowen', `slug: ${slug}`);
    await failsCleanly(sites.make(), { 'site.yaml': yaml }, [
      `${at}: error: a category slug may contain only a-z, 0-9 and "-" (e.g. xuexi)`,
    ]);
  });

  it.each(['../../x', '"x/../../y"', '"."'])('article slug: %s', async (slug) => {
    await failsCleanly(sites.make(), { 'content/xuexi/a.md': story('甲', { slug }) }, [
      'content/xuexi/a.md:5:7: error: "slug" may contain only a-z, 0-9, "-", "_" and "."; e.g. slug: jinhua-yonggong',
    ]);
  });
});

// Issue 15, fault 10d: an address longer than a file system allows failed only when its folder was
// made ("cannot write the new site: ENAMETOOLONG"), with no place to fix it; a folder path over
// 4,096 bytes in content/ was an internal error, after minutes.
describe('an address or a path too long is a quick error where it is made', () => {
  const LONG = 'a'.repeat(300);
  const PART = `"${'a'.repeat(30)}…${'a'.repeat(20)}" has 300 bytes, and a file or folder name may have at most 255`;
  /** 80 Chinese characters: 240 bytes as a file name, far more as pinyin. */
  const CHINESE = '金华全力保障用工先行赢取开门红冲刺全年红'.repeat(4);

  it('a slug of 300 characters: at the slug', async () => {
    await failsCleanly(sites.make(), { 'content/xuexi/a.md': story('甲', { slug: LONG }) }, [
      `content/xuexi/a.md:5:7: error: the address /xuexi/2022/03/${'a'.repeat(15)}…${'a'.repeat(19)}/ is too long: its part ${PART}; shorten the slug`,
    ]);
  });

  it('a long Chinese file name, whose pinyin is the slug: at the file', async () => {
    const run = await failsCleanly(sites.make(), { [`content/xuexi/${CHINESE}.md`]: story('甲') }, []);
    expect(run.stderr).toMatch(
      new RegExp(
        `^content/xuexi/${CHINESE}\\.md:1:1: error: the address /xuexi/2022/03/jin-hua-quan-li….*/ is too long: its part "jin-hua-quan-li-bao-zhang-yong….*" has \\d+ bytes, and a file or folder name may have at most 255; the address is made from the file name: rename the file shorter, or add a short slug, e.g. slug: jinhua-news$`,
        'm',
      ),
    );
  });

  it('a long tag: at the tag', async () => {
    const run = await failsCleanly(
      sites.make(),
      { 'content/xuexi/a.md': story('甲', { tags: `[就业, ${CHINESE}]` }) },
      [],
    );
    expect(run.stderr).toMatch(
      /^content\/xuexi\/a\.md:5:12: error: the address \/tags\/jin-hua-quan-li-bao-zh.*\/ is too long: its part ".*" has \d+ bytes, and a file or folder name may have at most 255; shorten the tag$/m,
    );
  });

  it('a long category slug: at the slug in site.yaml', async () => {
    const yaml = siteYaml().replace('slug: yaowen', `slug: ${LONG}`);
    await failsCleanly(sites.make(), { 'site.yaml': yaml }, [
      `site.yaml:9:11: error: category "要闻": the address /${'a'.repeat(29)}…${'a'.repeat(19)}/ is too long: its part ${PART}; give it a shorter slug`,
    ]);
  });

  it('gazette new --slug of 300 characters is refused before any file is made', async () => {
    const root = sites.make();
    const run = await runCli(['new', '标题', '--category', '学习', '--slug', LONG, '--root', root]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--slug is too long: the file name .* would have 314 bytes/);
  });

  /** `levels` folders named `name`, one in the other, under content/xuexi, an article at the bottom. */
  const nest = (root: string, name: string, levels: number) => {
    // Made from inside, one folder at a time: no path of 4,096 bytes can be given to mkdir.
    const made = spawnSync(process.execPath, [
      '-e',
      `const fs = require('node:fs');
       process.chdir(${JSON.stringify(path.join(root, 'content/xuexi'))});
       for (let i = 0; i < ${levels}; i++) { fs.mkdirSync(${JSON.stringify(name)}); process.chdir(${JSON.stringify(name)}); }
       fs.writeFileSync('deep.md', ${JSON.stringify(story('深处'))});`,
    ]);
    expect(made.status, String(made.stderr)).toBe(0);
  };
  // Node's rmSync cannot take a tree deeper than a path may be long; rm can.
  const unnest = (root: string, name: string) =>
    spawnSync('rm', ['-rf', path.join(root, 'content/xuexi', name)]);
  const TOO_LONG =
    /^content\/xuexi(\/a+)+: error: the path of this folder is too long for the file system \([\d,]+ bytes\), so it cannot be read; use shorter folder and file names, or fewer folders inside each other \[GZ0506\]$/m;

  it.each([
    ['41 folders of 100 letters', 'a'.repeat(100), 41],
    ['2,048 folders of one letter', 'a', 2048],
  ])(
    'a content path over 4,096 bytes (%s): a quick error at the folder, dist/ untouched',
    {
      timeout: 120_000,
    },
    async (_name, name, levels) => {
      const root = sites.make();
      await buildsOk(root);
      const before = snapshotDir(path.join(root, 'dist'));
      nest(root, name, levels);
      try {
        // In a process of its own, so that a build that hangs is stopped.
        const started = performance.now();
        const run = spawnSync(process.execPath, [BIN, 'build', '--root', root], {
          encoding: 'utf8',
          timeout: 60_000,
        });
        const ms = performance.now() - started;
        expect(run.status, run.stderr).toBe(1);
        expect(run.stderr).toMatch(TOO_LONG);
        expect(run.stderr).not.toContain('internal error');
        // Seconds on this shared 2-core machine (it was minutes); the bound leaves room for its load.
        expect(ms).toBeLessThan(PATHOLOGICAL_MS);
        expect(snapshotDir(path.join(root, 'dist'))).toEqual(before);
        const check = spawnSync(process.execPath, [BIN, 'check', '--root', root], {
          encoding: 'utf8',
          timeout: 60_000,
        });
        expect(check.status, check.stderr).toBe(1);
        expect(check.stdout).toMatch(TOO_LONG);
      } finally {
        unnest(root, name);
      }
    },
  );
});

// Issue 15, fault 10f: control characters (Word's line break U+000B in a pasted title, ESC, BEL, a
// YAML "\u0000") reached titles, meta tags, lists and feeds. They are taken out where the text is
// read, with a warning at each, and the build goes on.
describe('control characters never reach a page or a feed; each text that had them is a warning', () => {
  const DROPPED = 'delete it here: pages and feeds cannot show it';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters looked for
  const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
  const PASTED = [
    '---',
    'title: 金华全力\u000B保障用工\u001B[1m',
    'date: 2022-03-01 10:00',
    'category: 学习',
    'source: "金华\\u0000日报"',
    'author: 记者\u0007张明',
    'tags: [就业\u007F, "人才\\x85"]',
    'summary: 一句\u001B话摘要。',
    '---',
    '',
    '正文\u000B第一段\u009F。',
    '',
  ].join('\n');
  /** No summary: the meta description and the feeds take the first sentences of the body. */
  const BODY_ONLY = `${story('第二篇', { date: '2022-03-02 10:00' }, '第二篇\u001B正文\u0008。')}`;

  it('built pages, lists and feeds have none; the warnings say where they were', async () => {
    const root = sites.make({
      'content/xuexi/a.md': PASTED,
      'content/xuexi/b.md': BODY_ONLY,
      'site.yaml': siteYaml('description: "本站\\e简介"\n'),
    });
    const { stderr } = await buildsOk(root, ['--no-search']);
    const a = (at: string, what: string) =>
      `content/xuexi/a.md:${at}: warning: invisible control character ${what}; ${DROPPED}`;
    expect(stderr.split('\n')).toEqual(
      expect.arrayContaining([
        `site.yaml:10:17: warning: invisible control character U+001B (ESCAPE) dropped; ${DROPPED}`,
        a(
          '2:12',
          'U+000B (LINE TABULATION, a line break pasted from Word) replaced by a space, with 1 more after it',
        ),
        a('5:12', 'U+0000 (NUL) dropped'),
        a('6:11', 'U+0007 (BELL) dropped'),
        a('7:10', 'U+007F (DELETE) dropped'),
        a('7:16', 'U+0085 (NEXT LINE) dropped'),
        a('8:12', 'U+001B (ESCAPE) dropped'),
        a(
          '11:3',
          'U+000B (LINE TABULATION, a line break pasted from Word) replaced by a space, with 1 more after it',
        ),
        `content/xuexi/b.md:7:4: warning: invisible control character U+001B (ESCAPE) dropped, with 1 more after it; ${DROPPED}`,
      ]),
    );

    const dist = snapshotDir(path.join(root, 'dist'));
    // Pictures (the theme's favicon.ico) are bytes, not text.
    for (const [file, bytes] of dist)
      if (!/\.(ico|png|jpe?g|gif|webp)$/.test(file))
        expect(CONTROL.test(bytes.toString('utf8')) ? file : 'clean', `${file} has a control character`).toBe(
          'clean',
        );
    const page = (file: string) => (dist.get(file) ?? Buffer.alloc(0)).toString('utf8');
    const article = page('xuexi/2022/03/a/index.html');
    expect(article).toContain('<title>金华全力 保障用工[1m - 测试新闻网</title>');
    expect(article).toContain('<meta name="Description" content="一句话摘要。">');
    expect(article).toContain('来源：金华日报');
    expect(article).toContain('记者张明');
    expect(article).toContain('正文 第一段。');
    expect(page('xuexi/2022/03/b/index.html')).toContain('<meta name="Description" content="第二篇正文。">');
    expect(page('index.html')).toContain('<meta name="description" content="本站简介">');
    for (const list of [
      'index.html',
      'xuexi/index.html',
      'tags/jiu-ye/index.html',
      'archive/2022/03/index.html',
    ])
      expect(page(list), list).toContain('金华全力 保障用工[1m');
    for (const feed of ['feed.xml', 'atom.xml', 'xuexi/feed.xml', 'xuexi/atom.xml']) {
      expect(() => parseXml(page(feed)), feed).not.toThrow();
      expect(page(feed), feed).toContain('金华全力 保障用工[1m');
      expect(page(feed), feed).toContain('第二篇正文。');
    }
  });

  it('gazette check and the dev server show the same warnings', async () => {
    const root = sites.make({ 'content/xuexi/a.md': PASTED });
    const check = await runCli(['check', '--root', root]);
    expect(check.code).toBe(0);
    expect(check.stdout.split('\n')).toContain(
      `content/xuexi/a.md:5:12: warning: invisible control character U+0000 (NUL) dropped; ${DROPPED}`,
    );
    const log: string[] = [];
    const server = await startDevServer({ root, host: '127.0.0.1', port: 0, log: (l) => log.push(l) });
    try {
      expect((await server.lastRebuild()).ok).toBe(true);
      expect(log.map(withoutCodes)).toContain(
        `content/xuexi/a.md:5:12: warning: invisible control character U+0000 (NUL) dropped; ${DROPPED}`,
      );
      const served = await (await fetch(new URL('xuexi/2022/03/a/', server.url))).text();
      expect(served).not.toMatch(CONTROL);
      expect(served).toContain('来源：金华日报');
    } finally {
      await server.close();
    }
  });

  it('a NUL escaped in a slug is dropped too: the address is /xuexi/2022/03/ab/', async () => {
    const root = sites.make({ 'content/xuexi/a.md': story('甲', { slug: '"a\\u0000b"' }) });
    const { stderr } = await buildsOk(root, ['--no-search']);
    expect(stderr).toContain(
      `content/xuexi/a.md:5:9: warning: invisible control character U+0000 (NUL) dropped; ${DROPPED}`,
    );
    expect(existsSync(path.join(root, 'dist/xuexi/2022/03/ab/index.html'))).toBe(true);
  });
});

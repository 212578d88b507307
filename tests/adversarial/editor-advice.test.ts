// Issue 17: editors at a news office got wrong or missing advice, or saw articles disappear silently.
import { DateTime } from 'luxon';
import { afterEach, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { startDevServer } from '../../src/dev/dev-server.js';
import { failsCleanly, siteFactory } from '../helpers/adversarial.js';
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
      expect(log).toContain(TYPO_YEAR);
      expect(log.filter((l) => l === TYPO_YEAR)).toHaveLength(1);
    } finally {
      await server.close();
    }
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

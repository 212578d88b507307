import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { buildsOk, failsCleanly, siteFactory } from '../helpers/adversarial.js';
import { article, readPage, runBin, siteYaml, snapshotDir } from '../helpers/site.js';

const sites = siteFactory();
afterEach(() => sites.cleanup());
const temp = mkdtempSync(path.join(os.tmpdir(), 'gazette-tz-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const FILE = 'content/xuexi/a.md';
const dated = (date: string) => article({ title: '标题', date, category: '学习' });
const EXAMPLE = 'write it like 2022-03-01 16:59:26 (site time) or 2022-03-01T16:59:26+08:00';

const errors: Array<[name: string, date: string, expected: string]> = [
  [
    'a day that does not exist',
    '2022-02-30',
    `${FILE}:3:7: error: "2022-02-30" is not a real date and time; that day does not exist in that month`,
  ],
  [
    '29 February of a common year',
    '2023-02-29 08:00',
    `${FILE}:3:7: error: "2023-02-29 08:00" is not a real date and time; that day does not exist in that month`,
  ],
  [
    'one-digit month and day',
    '2022-3-1',
    `${FILE}:3:7: error: cannot read the date "2022-3-1"; use two digits for month and day (2022-03-01); ${EXAMPLE}`,
  ],
  [
    '24:00',
    '2022-03-01 24:00',
    `${FILE}:3:7: error: "2022-03-01 24:00" is not a real date and time; hours run 00–23 and minutes and seconds 00–59 (midnight is 00:00 of the next day)`,
  ],
  [
    'month 13',
    '2022-13-01 10:00',
    `${FILE}:3:7: error: "2022-13-01 10:00" is not a real date and time; months run 01–12`,
  ],
  [
    'a date as a number',
    '20220301',
    `${FILE}:3:7: error: "date" must be a date and time, e.g. date: 2022-03-01 16:59:26`,
  ],
  [
    'a Unix timestamp',
    '1646100000',
    `${FILE}:3:7: error: "date" must be a date and time, e.g. date: 2022-03-01 16:59:26`,
  ],
  [
    'a date in Chinese',
    '2022年3月1日',
    `${FILE}:3:7: error: cannot read the date "2022年3月1日"; ${EXAMPLE}`,
  ],
  [
    'an offset out of range',
    '2022-03-01T10:00:00+25:00',
    `${FILE}:3:7: error: "2022-03-01T10:00:00+25:00" is not a real date and time; time zone offsets run from -12:00 to +14:00, e.g. +08:00 for China`,
  ],
];

describe('a bad date stops the build at the date, with what to write instead', () => {
  it.each(errors)('%s', async (_name, date, expected) => {
    await failsCleanly(sites.make(), { [FILE]: dated(date) }, [expected]);
  });
});

describe('dates with a time zone are accepted and shown in the site time zone', () => {
  it.each([
    ['Z', '2022-03-01T02:00:00Z', '2022-03-01T10:00:00+08:00', '2022-03-01 10:00:00'],
    ['+08:00', '2022-03-01T10:00+08:00', '2022-03-01T10:00:00+08:00', '2022-03-01 10:00'],
    [
      '-05:00 across midnight',
      '2022-02-28T13:30:00-05:00',
      '2022-03-01T02:30:00+08:00',
      '2022-03-01 02:30:00',
    ],
  ])('%s', async (_name, date, iso, shown) => {
    const root = sites.make({ [FILE]: dated(date) });
    expect((await buildsOk(root)).stderr).toBe('');
    // The URL's month is the site's month too.
    expect(readPage(root, 'dist/xuexi/2022/03/a/index.html')).toContain(
      `<time datetime="${iso}">${shown}</time>`,
    );
  });
});

describe('the machine time zone changes nothing', () => {
  it('the same site built under several TZ values is byte-identical', () => {
    const root = sites.make(
      {
        'content/xuexi/midnight.md': dated('2022-02-28 23:59:59'),
        'content/xuexi/offset.md': dated('2022-02-28T16:30:00Z'),
        'content/yaowen/new-year.md': article({ title: '元旦', date: '2022-01-01 00:00', category: '要闻' }),
      },
      siteYaml('timeZone: America/Los_Angeles\n'),
    );
    const builds = ['UTC', 'Pacific/Kiritimati', 'Etc/GMT+12'].map((tz) => {
      const out = path.join(temp, tz.replace(/\W/g, '-'));
      const run = runBin(['build', '--root', root, '--out', out], { TZ: tz });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      return snapshotDir(out);
    });
    for (const b of builds.slice(1)) expect(b).toEqual(builds[0]);
    // 16:30 UTC is 08:30 in Los Angeles, whatever the machine's zone.
    expect(readPage(path.join(temp, 'UTC'), 'xuexi/2022/02/offset/index.html')).toContain(
      '<time datetime="2022-02-28T08:30:00-08:00">2022-02-28 08:30:00</time>',
    );
  });
});

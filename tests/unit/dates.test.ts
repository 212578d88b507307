import { describe, expect, it } from 'vitest';
import { type DateResult, parseArticleDate } from '../../src/content/dates.js';
import { CATALOG } from '../../src/messages/catalog.js';

/** A refused date as the English message says it. */
const words = (result: DateResult) => (result.ok ? undefined : CATALOG[result.code].en(result.values));

const SH = 'Asia/Shanghai';

function ok(result: DateResult) {
  if (!result.ok) throw new Error(`${words(result)?.message}; ${words(result)?.hint}`);
  return result.date;
}

describe('parseArticleDate', () => {
  it('reads a local date and time in the site zone', () => {
    expect(parseArticleDate('2022-03-01 16:59:26', SH)).toEqual({
      ok: true,
      date: {
        display: '2022-03-01 16:59:26',
        iso: '2022-03-01T16:59:26+08:00',
        epochMs: Date.UTC(2022, 2, 1, 8, 59, 26),
        year: '2022',
        month: '03',
        day: '01',
      },
    });
  });

  it('shows a time without seconds as written', () => {
    const d = ok(parseArticleDate('2022-03-01 16:59', SH));
    expect(d.display).toBe('2022-03-01 16:59');
    expect(d.iso).toBe('2022-03-01T16:59:00+08:00');
  });

  it('reads a date alone as midnight site time', () => {
    const d = ok(parseArticleDate('2022-03-01', SH));
    expect(d.display).toBe('2022-03-01');
    expect(d.iso).toBe('2022-03-01T00:00:00+08:00');
  });

  it('shows a local time written with T with a space', () => {
    expect(ok(parseArticleDate('2022-03-01T16:59', SH)).display).toBe('2022-03-01 16:59');
  });

  it('trims surrounding spaces', () => {
    expect(ok(parseArticleDate('  2022-03-01 16:59  ', SH)).display).toBe('2022-03-01 16:59');
  });

  it('refuses 30 February', () => {
    expect(words(parseArticleDate('2022-02-30 10:00', SH))).toEqual({
      message: '"2022-02-30 10:00" is not a real date and time',
      hint: 'that day does not exist in that month',
    });
  });

  it('refuses month 13', () => {
    expect(words(parseArticleDate('2022-13-01', SH))).toEqual({
      message: '"2022-13-01" is not a real date and time',
      hint: 'months run 01–12',
    });
  });

  it('refuses single-digit month and day, suggesting the padded form', () => {
    const result = parseArticleDate('2022-3-1', SH);
    expect(words(result)).toEqual({
      message: 'cannot read the date "2022-3-1"',
      hint: 'use two digits for month and day (2022-03-01); write it like 2022-03-01 16:59:26 (site time) or 2022-03-01T16:59:26+08:00',
    });
  });

  it('refuses 24:00', () => {
    expect(words(parseArticleDate('2022-03-01 24:00', SH))).toEqual({
      message: '"2022-03-01 24:00" is not a real date and time',
      hint: 'hours run 00–23 and minutes and seconds 00–59 (midnight is 00:00 of the next day)',
    });
  });

  it('refuses second 60', () => {
    const result = parseArticleDate('2022-03-01 16:59:60', SH);
    expect(result.ok).toBe(false);
    expect(words(result)?.message).toBe('"2022-03-01 16:59:60" is not a real date and time');
  });

  it('refuses free text', () => {
    expect(words(parseArticleDate('昨天', SH))).toEqual({
      message: 'cannot read the date "昨天"',
      hint: 'write it like 2022-03-01 16:59:26 (site time) or 2022-03-01T16:59:26+08:00',
    });
  });

  it('shows a UTC time in site time, on the site day', () => {
    expect(parseArticleDate('2022-02-28T20:00:00Z', SH)).toEqual({
      ok: true,
      date: {
        display: '2022-03-01 04:00:00',
        iso: '2022-03-01T04:00:00+08:00',
        epochMs: Date.UTC(2022, 1, 28, 20, 0, 0),
        year: '2022',
        month: '03',
        day: '01',
      },
    });
  });

  it('reads a time with the site offset', () => {
    const d = ok(parseArticleDate('2022-03-01T16:59:26+08:00', SH));
    expect(d.display).toBe('2022-03-01 16:59:26');
    expect(d.iso).toBe('2022-03-01T16:59:26+08:00');
    expect(d.epochMs).toBe(Date.UTC(2022, 2, 1, 8, 59, 26));
    expect(ok(parseArticleDate('2022-03-01T16:59:26+0800', SH)).iso).toBe('2022-03-01T16:59:26+08:00');
  });

  it('converts another offset to the site zone', () => {
    const d = ok(parseArticleDate('2022-03-01T09:00:00+01:00', SH));
    expect(d.display).toBe('2022-03-01 16:00:00');
    expect(d.iso).toBe('2022-03-01T16:00:00+08:00');
  });

  it('uses the site zone given, not a fixed one', () => {
    const d = ok(parseArticleDate('2022-07-01 12:00', 'Europe/Berlin'));
    expect(d.iso).toBe('2022-07-01T12:00:00+02:00');
  });

  it('accepts a time repeated at the end of summer time', () => {
    expect(ok(parseArticleDate('2022-11-06 01:30', 'America/New_York')).iso).toBe(
      '2022-11-06T01:30:00-05:00',
    );
  });

  it('refuses a time that falls in a summer-time gap', () => {
    const result = parseArticleDate('2022-03-13 02:30', 'America/New_York');
    expect(result.ok).toBe(false);
    expect(words(result)?.message).toBe('"2022-03-13 02:30" is not a real date and time');
  });

  // Regression (was a bug): the hint for a time in a summer-time gap says the *day* does not exist
  // ("that day does not exist in that month"); 13 March exists, only 02:00–02:59 is skipped.
  it('explains a summer-time gap as a time problem, not a missing day', () => {
    const result = parseArticleDate('2022-03-13 02:30', 'America/New_York');
    expect(words(result)?.hint).not.toBe('that day does not exist in that month');
  });

  // Regression (was a bug): for a date with an offset, `text.length > 16` is meant to tell whether seconds were written,
  // but every offset form is longer than 16 characters, so "16:59+08:00" is shown as "16:59:00"
  // while the local "2022-03-01 16:59" is shown as "16:59".
  it('shows an offset time without seconds without seconds', () => {
    expect(ok(parseArticleDate('2022-03-01T16:59+08:00', SH)).display).toBe('2022-03-01 16:59');
  });

  it('gives the same results whatever TZ the machine has', () => {
    const inputs = ['2022-03-01 16:59:26', '2022-02-28T20:00:00Z', '2022-03-01', '2022-03-13 02:30'];
    const before = inputs.map((s) => parseArticleDate(s, SH));
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'America/New_York';
      // Make sure the change took effect, or this test would prove nothing.
      expect(new Date(Date.UTC(2022, 0, 1)).getTimezoneOffset()).toBe(300);
      const after = inputs.map((s) => parseArticleDate(s, SH));
      expect(after).toEqual(before);
      expect(ok(after[0] as DateResult).iso).toBe('2022-03-01T16:59:26+08:00');
      expect(ok(after[1] as DateResult).display).toBe('2022-03-01 04:00:00');
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

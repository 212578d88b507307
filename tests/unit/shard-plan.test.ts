import { describe, expect, it } from 'vitest';
import { newestFirst, PERIOD_LIMIT, planShards } from '../../src/search/shard-plan.js';

const plan = (days: readonly string[], from = 1) =>
  planShards(days, (d) => d, from).map((s) => [s.name, s.items.join(' ')]);

describe('the search index’s shards by date', () => {
  it('puts each day in its ten-day period, the newest day apart, newest first', () => {
    expect(
      plan([
        '2025-03-01',
        '2025-03-10',
        '2025-03-11',
        '2025-03-20',
        '2025-03-21',
        '2025-03-31',
        '2025-04-02',
      ]),
    ).toEqual([
      ['2025-04-02', '2025-04-02'],
      ['2025-03-3', '2025-03-21 2025-03-31'],
      ['2025-03-2', '2025-03-11 2025-03-20'],
      ['2025-03-1', '2025-03-01 2025-03-10'],
    ]);
  });

  it('lists the newest day before the older days of its own period', () => {
    expect(plan(['2025-03-12', '2025-03-18', '2025-03-02']).map(([name]) => name)).toEqual([
      '2025-03-18',
      '2025-03-2',
      '2025-03-1',
    ]);
  });

  it('leaves every other shard as it was when an article of a new day comes', () => {
    const before = plan(['2025-02-27', '2025-03-01', '2025-03-04', '2025-03-05']);
    const after = plan(['2025-02-27', '2025-03-01', '2025-03-04', '2025-03-05', '2025-03-06']);
    // The day before moves into its period, once; the other periods are the same shards.
    expect(before).toEqual([
      ['2025-03-05', '2025-03-05'],
      ['2025-03-1', '2025-03-01 2025-03-04'],
      ['2025-02-3', '2025-02-27'],
    ]);
    expect(after).toEqual([
      ['2025-03-06', '2025-03-06'],
      ['2025-03-1', '2025-03-01 2025-03-04 2025-03-05'],
      ['2025-02-3', '2025-02-27'],
    ]);
  });

  it('gives each day of a period too large for one shard a shard of its own', () => {
    const full = Array.from({ length: PERIOD_LIMIT }, (_, i) => `2025-03-${i % 2 ? '12' : '15'}`);
    const names = (days: readonly string[]) =>
      planShards(days, (d) => d, 1).map((s) => [s.name, s.items.length]);
    expect(names([...full, '2025-03-01', '2025-03-21'])).toEqual([
      ['2025-03-21', 1],
      ['2025-03-2', PERIOD_LIMIT],
      ['2025-03-1', 1],
    ]);
    // One more: the period's days, each a shard; the other periods are as they were.
    expect(names([...full, '2025-03-13', '2025-03-01', '2025-03-21'])).toEqual([
      ['2025-03-21', 1],
      ['2025-03-15', PERIOD_LIMIT / 2],
      ['2025-03-13', 1],
      ['2025-03-12', PERIOD_LIMIT / 2],
      ['2025-03-1', 1],
    ]);
  });

  it('makes one shard, all, below the size it splits from', () => {
    expect(plan(['2025-03-01', '2025-03-18'], 3)).toEqual([['all', '2025-03-01 2025-03-18']]);
    expect(plan([])).toEqual([]);
  });

  it('orders a previous site’s shards as the plan does', () => {
    const names = ['2024-12-3', '2025-01-1', '2025-01-2', '2025-01-14', '2024-12-1'];
    expect([...names].sort(newestFirst)).toEqual([
      '2025-01-14',
      '2025-01-2',
      '2025-01-1',
      '2024-12-3',
      '2024-12-1',
    ]);
  });
});

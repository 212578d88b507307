import { DateTime, IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { DayCachedZone } from '../../src/content/day-cached-zone.js';

const HOUR = 60 * 60 * 1000;
const QUARTER = 15 * 60 * 1000;

describe('DayCachedZone', () => {
  // Zones with summer time (Lord Howe's clocks move by half an hour), one that gave it up, and one
  // without: every quarter hour of two years must get the offset luxon's own zone gives.
  for (const name of ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Shanghai']) {
    it(`gives the offsets of ${name} at every quarter hour, across its clock changes`, () => {
      const plain = IANAZone.create(name);
      const cached = new DayCachedZone(IANAZone.create(name));
      const from = Date.UTC(2021, 0, 1);
      const wrong: string[] = [];
      for (let ts = from; ts < from + 2 * 365 * 24 * HOUR; ts += QUARTER)
        if (cached.offset(ts) !== plain.offset(ts)) wrong.push(new Date(ts).toISOString());
      expect(wrong).toEqual([]);
    });
  }

  it('makes the same local times as luxon around a change of clocks', () => {
    const zone = new DayCachedZone(IANAZone.create('Europe/Berlin'));
    for (const hour of [0, 1, 2, 3, 4]) {
      const a = DateTime.fromObject({ year: 2022, month: 10, day: 30, hour, minute: 30 }, { zone });
      const b = DateTime.fromObject(
        { year: 2022, month: 10, day: 30, hour, minute: 30 },
        { zone: 'Europe/Berlin' },
      );
      expect(a.toISO()).toBe(b.toISO());
    }
  });

  it('is the same zone as the one it caches, by name', () => {
    const zone = new DayCachedZone(IANAZone.create('Asia/Shanghai'));
    expect(zone.name).toBe('Asia/Shanghai');
    expect(zone.equals(IANAZone.create('Asia/Shanghai'))).toBe(true);
    expect(zone.equals(new DayCachedZone(IANAZone.create('Asia/Tokyo')))).toBe(false);
  });
});

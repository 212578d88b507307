import { DateTime, IANAZone } from 'luxon';
import { DayCachedZone } from './day-cached-zone.js';

/** An article's publication time, fixed in the site's time zone whatever TZ the build machine has. */
export interface ArticleDate {
  /** As the reader sees it: the editor's own text for local times (`2022-03-01 16:59:26`). */
  readonly display: string;
  /** ISO 8601 with the site's offset: `2022-03-01T16:59:26+08:00`. */
  readonly iso: string;
  readonly epochMs: number;
  readonly year: string;
  readonly month: string;
  readonly day: string;
}

export type DateResult = { ok: true; date: ArticleDate } | { ok: false; message: string; hint: string };

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;
const OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;
const EXAMPLE = 'write it like 2022-03-01 16:59:26 (site time) or 2022-03-01T16:59:26+08:00';

// One zone object per name: luxon would otherwise re-validate the name, and ask Intl for offsets
// the zone has already given, for every article.
const zones = new Map<string, DayCachedZone>();
const zoneOf = (name: string): DayCachedZone => {
  const known = zones.get(name);
  if (known) return known;
  const zone = new DayCachedZone(IANAZone.create(name));
  zones.set(name, zone);
  return zone;
};

/** Parses a front-matter date: local `YYYY-MM-DD[ HH:mm[:ss]]` in the zone, or ISO 8601 with an offset. */
export function parseArticleDate(value: string, zoneName: string): DateResult {
  const zone = zoneOf(zoneName);
  const text = value.trim();
  const local = LOCAL.exec(text);
  if (local) {
    const [, y, mo, d, h, mi, s] = local.map((p) => (p === undefined ? undefined : Number(p)));
    const parts = { year: y, month: mo, day: d, hour: h ?? 0, minute: mi ?? 0, second: s ?? 0 };
    const dt = DateTime.fromObject(parts, { zone });
    // luxon rolls 2022-02-30 over to March and shifts times that fall in a DST gap: both are mistakes.
    const same =
      dt.isValid &&
      dt.year === y &&
      dt.month === mo &&
      dt.day === d &&
      dt.hour === parts.hour &&
      dt.minute === parts.minute;
    if (!same) {
      return {
        ok: false,
        message: `"${text}" is not a real date and time`,
        hint: impossibleHint(parts, zoneName),
      };
    }
    return { ok: true, date: fromDateTime(dt, text.replace('T', ' ')) };
  }
  if (OFFSET.test(text)) {
    // luxon would take +25:00 as a day and an hour ahead.
    const [, h, m] = /([+-]\d{2}):?(\d{2})$/.exec(text) ?? [];
    if (h !== undefined && (Number(h) > 14 || Number(h) < -12 || Number(m) > 59))
      return {
        ok: false,
        message: `"${text}" is not a real date and time`,
        hint: 'time zone offsets run from -12:00 to +14:00, e.g. +08:00 for China',
      };
    const dt = DateTime.fromISO(text, { setZone: true });
    if (!dt.isValid) return { ok: false, message: `"${text}" is not a real date and time`, hint: EXAMPLE };
    const inSite = dt.setZone(zone);
    return {
      ok: true,
      date: fromDateTime(
        inSite,
        // Seconds are shown only if the editor wrote them, as for local times.
        inSite.toFormat(/T\d{2}:\d{2}:\d{2}/.test(text) ? 'yyyy-MM-dd HH:mm:ss' : 'yyyy-MM-dd HH:mm'),
      ),
    };
  }
  const loose = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(text);
  const hint = loose
    ? `use two digits for month and day (${loose[1]}-${loose[2]?.padStart(2, '0')}-${loose[3]?.padStart(2, '0')}); ${EXAMPLE}`
    : EXAMPLE;
  return { ok: false, message: `cannot read the date "${text}"`, hint };
}

function impossibleHint(
  p: {
    year?: number;
    month?: number;
    day?: number;
    hour: number;
    minute: number;
    second: number;
  },
  zone: string,
): string {
  if (p.hour > 23 || p.minute > 59 || p.second > 59)
    return 'hours run 00–23 and minutes and seconds 00–59 (midnight is 00:00 of the next day)';
  if ((p.month ?? 0) < 1 || (p.month ?? 0) > 12) return 'months run 01–12';
  const day = DateTime.fromObject({ year: p.year, month: p.month, day: p.day }, { zone: 'UTC' });
  if (day.isValid && day.day === p.day)
    return `clocks in ${zone} skip that hour (summer time); pick a time outside it`;
  return 'that day does not exist in that month';
}

function fromDateTime(dt: DateTime, display: string): ArticleDate {
  return {
    display,
    iso: dt.toISO({ suppressMilliseconds: true }) ?? '',
    epochMs: dt.toMillis(),
    // Not toFormat: it parses its pattern anew on every call.
    year: String(dt.year).padStart(4, '0'),
    month: String(dt.month).padStart(2, '0'),
    day: String(dt.day).padStart(2, '0'),
  };
}

/** A moment as the site's clocks show it, to the minute: `2042-05-06 00:00`. */
export const siteTime = (epochMs: number, zoneName: string): string =>
  DateTime.fromMillis(epochMs, { zone: zoneOf(zoneName) }).toFormat('yyyy-MM-dd HH:mm');

/** The same time of day a year after `epochMs`, by the site's calendar. */
export const yearAfter = (epochMs: number, zoneName: string): number =>
  DateTime.fromMillis(epochMs, { zone: zoneOf(zoneName) })
    .plus({ years: 1 })
    .toMillis();

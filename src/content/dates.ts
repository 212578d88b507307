import { DateTime, IANAZone } from 'luxon';
import type { Values } from '../messages/types.js';
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

/** A date that cannot be used says why by its code and values (worded in src/messages/dates.ts). */
export type DateResult =
  | { ok: true; date: ArticleDate }
  | { ok: false; code: 'GZ0201' | 'GZ0202'; values: Values };

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;
const OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;
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
        code: 'GZ0201',
        values: { text, why: impossibleWhy(parts), zone: zoneName },
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
        code: 'GZ0201',
        values: { text, why: 'offset' },
      };
    const dt = DateTime.fromISO(text, { setZone: true });
    if (!dt.isValid) return { ok: false, code: 'GZ0201', values: { text, why: 'unreadable' } };
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
  const padded = loose ? `${loose[1]}-${loose[2]?.padStart(2, '0')}-${loose[3]?.padStart(2, '0')}` : '';
  return { ok: false, code: 'GZ0202', values: { text, padded } };
}

function impossibleWhy(p: {
  year?: number;
  month?: number;
  day?: number;
  hour: number;
  minute: number;
  second: number;
}): 'time' | 'month' | 'gap' | 'day' {
  if (p.hour > 23 || p.minute > 59 || p.second > 59) return 'time';
  if ((p.month ?? 0) < 1 || (p.month ?? 0) > 12) return 'month';
  const day = DateTime.fromObject({ year: p.year, month: p.month, day: p.day }, { zone: 'UTC' });
  if (day.isValid && day.day === p.day) return 'gap';
  return 'day';
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

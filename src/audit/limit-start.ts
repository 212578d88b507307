import { DateTime } from 'luxon';
import type { UpdateLimit } from '../config/update-within.js';

/** The earliest time an article may be of to count as in time at `now`: `now` less the limit, on the site's calendar. */
export function limitStart(limit: Exclude<UpdateLimit, 'none'>, now: number, timeZone: string): number {
  const unit = { day: 'days', week: 'weeks', month: 'months' }[limit.unit];
  return DateTime.fromMillis(now, { zone: timeZone })
    .minus({ [unit]: limit.amount })
    .toMillis();
}

/** The limit in words: `2 weeks`, `2 周`. */
export function limitWords(limit: Exclude<UpdateLimit, 'none'>, lang: 'en' | 'zh'): string {
  if (lang === 'zh') return `${limit.amount} ${{ day: '天', week: '周', month: '个月' }[limit.unit]}`;
  return `${limit.amount} ${limit.unit}${limit.amount === 1 ? '' : 's'}`;
}

import { CONFIG_FILE } from '../config/load-config.js';
import { type Diagnostic, problem } from '../errors/diagnostic.js';
import type { AuditInput } from './audit-input.js';
import { limitStart, limitWords } from './limit-start.js';
import { daysBetween, VETO } from './thresholds.js';

/**
 * Columns not updated within their limit (栏目不更新): those whose newest article is older than it.
 * A blank column is the other rule's. 单项否决 (errors) from VETO.staleColumns on.
 */
export function staleColumns(input: AuditInput): Diagnostic[] {
  const newest = new Map<string, (typeof input.articles)[number]>();
  for (const a of input.articles) {
    const known = newest.get(a.category);
    if (!known || a.epochMs > known.epochMs) newest.set(a.category, a);
  }
  const stale = input.columns.flatMap((c) => {
    const last = newest.get(c.name);
    if (c.limit === 'none' || !last) return [];
    if (last.epochMs >= limitStart(c.limit, input.now, input.timeZone)) return [];
    return [{ column: c, limit: c.limit, last }];
  });
  const veto = stale.length >= VETO.staleColumns;
  return stale.map(({ column, limit, last }) =>
    problem(
      'GZ0902',
      CONFIG_FILE,
      column.at,
      {
        name: column.name,
        days: daysBetween(last.epochMs, input.now),
        last: last.date,
        limit: limitWords(limit, 'zh'),
        limitEn: limitWords(limit, 'en'),
        count: stale.length,
        veto: veto ? 1 : 0,
      },
      veto ? 'error' : 'warning',
    ),
  );
}

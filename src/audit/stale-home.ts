import { CONTENT_DIR } from '../content/discover.js';
import { type Diagnostic, problem } from '../errors/diagnostic.js';
import type { AuditInput } from './audit-input.js';
import { daysBetween, VETO } from './thresholds.js';

/**
 * 首页不更新: the home page shows the newest articles, so it is stale when none is younger than
 * VETO.homeDays. Always 单项否决. Reported at the newest article's date, the line to compare with.
 */
export function staleHome(input: AuditInput): Diagnostic[] {
  const newest = input.articles.reduce<(typeof input.articles)[number] | undefined>(
    (best, a) => (!best || a.epochMs > best.epochMs ? a : best),
    undefined,
  );
  if (!newest) return [problem('GZ0903', `${CONTENT_DIR}/`, undefined, {})];
  const days = daysBetween(newest.epochMs, input.now);
  if (days < VETO.homeDays) return [];
  return [problem('GZ0903', newest.file, newest.dateAt, { days, last: newest.date, title: newest.title })];
}

import type { Position } from '../errors/diagnostic.js';
import type { AuditText } from './audit-input.js';

/**
 * Positions in a file of offsets in one of its texts. The line starts are found once per text, so
 * that an article with many findings costs one pass, not one per finding.
 */
export function positionsIn(text: AuditText): (offset: number) => Position {
  const starts = [0];
  for (let i = text.text.indexOf('\n'); i !== -1; i = text.text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    const column = offset - (starts[lo] ?? 0) + 1;
    return lo === 0
      ? { line: text.at.line, column: text.at.column + column - 1 }
      : { line: text.at.line + lo, column };
  };
}

/** A few characters either side of a finding, to show where it is: `用了React框架`. */
export const near = (text: string, start: number, end: number): string =>
  text
    .slice(Math.max(0, start - 4), Math.min(text.length, end + 4))
    .replace(/\s*\n\s*/g, ' ')
    .trim();

import AhoCorasick from 'modern-ahocorasick';
import { type Diagnostic, problem } from '../errors/diagnostic.js';
import type { AuditText, WordingEntry } from './audit-input.js';
import { positionsIn } from './text-position.js';

/**
 * The site's wrong wordings found in titles and bodies, each at its place in the file: a serious
 * one (严重表述错误) is 单项否决, an error; the others warnings. All of the list is looked for in one
 * pass over each text (Aho–Corasick). A wrong form found inside its own correct form (“一带一路”
 * listed wrong without its quotes) is not a mistake there, so correct forms are looked for too.
 */
export function wordingFindings(texts: readonly AuditText[], wording: readonly WordingEntry[]): Diagnostic[] {
  if (wording.length === 0) return [];
  const patterns = [
    ...wording.map((entry) => ({ pattern: entry.wrong, data: { entry, wrong: true } })),
    ...wording.map((entry) => ({ pattern: entry.right, data: { entry, wrong: false } })),
  ];
  const matcher = new AhoCorasick(patterns);
  const found: Diagnostic[] = [];
  for (const text of texts) {
    const matches = matcher.search(text.text);
    if (matches.length === 0) continue;
    const rights = matches.filter((m) => !m.data?.wrong);
    const at = positionsIn(text);
    for (const m of matches) {
      if (!m.data?.wrong) continue;
      const { entry } = m.data;
      const inRight = rights.some(
        (r) =>
          r.data?.entry === entry &&
          r.start <= m.start &&
          r.end >= m.end &&
          r.end - r.start > m.end - m.start,
      );
      if (inRight) continue;
      found.push(
        problem(
          'GZ0904',
          text.file,
          at(m.start),
          { wrong: entry.wrong, right: entry.right, note: entry.note ?? '', serious: entry.serious ? 1 : 0 },
          entry.serious ? 'error' : 'warning',
        ),
      );
    }
  }
  return found;
}

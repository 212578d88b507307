import { type Diagnostic, problem } from '../errors/diagnostic.js';
import type { Entry } from './site-graph.js';

/**
 * Two 信息公开 articles with one 索引号: an error at the later one's `index:`, naming the earlier
 * one's file, line and column, as two articles at one address are named (collisions.ts). Entries
 * come in a fixed order, so the same one is named "earlier" in every build.
 */
export function duplicateIndexes(entries: readonly Entry[]): Diagnostic[] {
  const first = new Map<string, Entry>();
  const problems: Diagnostic[] = [];
  for (const entry of [...entries].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
    const index = entry.disclosure?.index;
    if (index === undefined) continue;
    const earlier = first.get(index);
    if (!earlier) {
      first.set(index, entry);
      continue;
    }
    const at = earlier.at.disclosureIndex;
    problems.push(
      problem('GZ0116', entry.file, entry.at.disclosureIndex, {
        index,
        other: at ? `${earlier.file}:${at.line}:${at.column}` : earlier.file,
      }),
    );
  }
  return problems;
}

import type { Entry } from '../graph/site-graph.js';

/**
 * The files whose entries differ between the two lists, when each differs only as `allowed` allows
 * and that is all that differs: the same files in the same order, an entry the very same object when
 * its file did not change. Undefined when anything else differs; empty when nothing does.
 */
export function changedEntries(
  before: readonly Entry[],
  after: readonly Entry[],
  allowed: (before: Entry, after: Entry) => boolean,
): string[] | undefined {
  if (before.length !== after.length) return undefined;
  const changed: string[] = [];
  for (let i = 0; i < after.length; i++) {
    const was = before[i] as Entry;
    const now = after[i] as Entry;
    if (was === now) continue;
    if (!allowed(was, now)) return undefined;
    changed.push(now.file);
  }
  return changed;
}

import type { Entry } from '../graph/site-graph.js';

/**
 * The files whose entries differ from before only in their body (its text, its links), when that is
 * all that differs between the two lists: the most common edit, after which only those articles' own
 * pages can change (lists, feeds, neighbours and related reading show titles, dates, summaries and
 * tags, never bodies). Undefined when anything else differs, or when nothing does.
 */
export function bodyOnlyChanges(before: readonly Entry[], after: readonly Entry[]): string[] | undefined {
  if (before.length !== after.length) return undefined;
  const changed: string[] = [];
  for (let i = 0; i < after.length; i++) {
    const was = before[i] as Entry;
    const now = after[i] as Entry;
    if (was === now) continue;
    if (was.file !== now.file || listed(was) !== listed(now)) return undefined;
    changed.push(now.file);
  }
  return changed.length > 0 ? changed : undefined;
}

/** Everything of an entry that pages other than its own can show: all but its version and body links. */
function listed(entry: Entry): string {
  const { version: _version, links: _links, warnings: _warnings, ...shown } = entry;
  return JSON.stringify(shown);
}

/** How a site (a build's output, or what the dev server serves) differs from the clean build. */
export interface TreeDifference {
  readonly path: string;
  /** missing: the clean build has it and this one not; extra: the reverse; different: other bytes. */
  readonly kind: 'missing' | 'extra' | 'different';
  /** For `different`: where the bytes part, as the lines of both. */
  readonly detail?: string;
}

/** Every file `actual` lacks, has too many or has other bytes of, against `expected`, by path. */
export function treeDifferences(
  actual: ReadonlyMap<string, Buffer>,
  expected: ReadonlyMap<string, Buffer>,
): TreeDifference[] {
  const out: TreeDifference[] = [];
  for (const [file, want] of expected) {
    const got = actual.get(file);
    if (!got) out.push({ path: file, kind: 'missing' });
    else if (!got.equals(want)) out.push({ path: file, kind: 'different', detail: whereTheyPart(got, want) });
  }
  for (const file of actual.keys()) if (!expected.has(file)) out.push({ path: file, kind: 'extra' });
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The first line where two texts part, with its number, trimmed around the first differing character. */
export function whereTheyPart(actual: Buffer, expected: Buffer): string {
  if (actual.includes(0) || expected.includes(0)) {
    let at = 0;
    while (at < actual.length && at < expected.length && actual[at] === expected[at]) at++;
    return `byte ${at} (${actual.length} bytes, the clean build's ${expected.length})`;
  }
  const a = actual.toString('utf8').split('\n');
  const e = expected.toString('utf8').split('\n');
  let line = 0;
  while (line < a.length && line < e.length && a[line] === e[line]) line++;
  const got = a[line] ?? '(end of file)';
  const want = e[line] ?? '(end of file)';
  let col = 0;
  while (col < got.length && col < want.length && got[col] === want[col]) col++;
  const around = (s: string) => {
    const from = Math.max(0, col - 60);
    return `${from > 0 ? '…' : ''}${s.slice(from, col + 100)}${s.length > col + 100 ? '…' : ''}`;
  };
  return `line ${line + 1}:\n      this:  ${around(got)}\n      clean: ${around(want)}`;
}

/** The differences, one per line (with the detail of the first few), for a failure message. */
export function describeDifferences(differences: readonly TreeDifference[], detailed = 4): string {
  let shown = 0;
  return differences
    .map((d) => {
      const line = `  ${d.kind} ${d.path}`;
      if (!d.detail || shown >= detailed) return line;
      shown++;
      return `${line}: ${d.detail}`;
    })
    .join('\n');
}

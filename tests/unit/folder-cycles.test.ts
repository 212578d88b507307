import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { REPO } from '../helpers/site.js';

const SRC = path.join(REPO, 'src');

/** The folder of src/ a module is in; a module directly in src/ is a node of its own. */
function nodeOf(file: string): string {
  const parts = path.relative(SRC, file).split(path.sep);
  return parts.length > 1 ? (parts[0] as string) : (parts[0] as string).replace(/\.js$/, '.ts');
}

/** Every folder of src/ → the folders its modules import: types and dynamic imports too. */
function folderImports(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  for (const rel of files) {
    const file = path.join(SRC, rel);
    const from = nodeOf(file);
    if (!graph.has(from)) graph.set(from, new Set());
    for (const m of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
      const to = nodeOf(path.resolve(path.dirname(file), m[1] as string));
      if (to !== from) graph.get(from)?.add(to);
    }
  }
  return graph;
}

/** The groups of folders that import each other, however indirectly (Tarjan's components). */
function cycles(graph: Map<string, Set<string>>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const groups: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
    }
    if (low.get(v) !== index.get(v)) return;
    const group: string[] = [];
    let w: string | undefined;
    do {
      w = stack.pop() as string;
      group.push(w);
    } while (w !== v);
    if (group.length > 1) groups.push(group.sort());
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return groups;
}

it('no folder of src/ imports one that imports it back', () => {
  const graph = folderImports();
  expect(graph.get('build')).toContain('incremental');
  expect(cycles(graph)).toEqual([]);
});

it('finds a cycle between folders when there is one', () => {
  const graph = new Map([
    ['cache', new Set(['site'])],
    ['site', new Set(['pages'])],
    ['pages', new Set(['cache'])],
    ['build', new Set(['cache'])],
  ]);
  expect(cycles(graph)).toEqual([['cache', 'pages', 'site']]);
});

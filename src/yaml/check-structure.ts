import { type Document, isAlias, isCollection, isMap, isPair, isScalar, type Node } from 'yaml';

/** Deeper than any real front matter or site.yaml; keeps every later recursive step (toJS, templates) safe. */
export const MAX_DEPTH = 100;

export interface StructureProblem {
  /** Offset in the YAML text. */
  readonly offset: number;
  /** The kind of problem (worded in src/messages/yaml.ts). */
  readonly code: 'GZ0705' | 'GZ0706' | 'GZ0707' | 'GZ0708';
}

/**
 * What the YAML parser lets through but an editor never means, found in one pass without recursion:
 * a key given twice in one mapping (checked here rather than by the parser, whose check compares
 * every key with every other: minutes for a mapping of 30,000 keys), a key that starts with a
 * full-width space (an indent typed with the Chinese input method), a key that is itself a list or
 * a mapping, and nesting deeper than MAX_DEPTH.
 */
export function checkStructure(doc: Document): StructureProblem[] {
  const problems: StructureProblem[] = [];
  const stack: Array<[node: unknown, depth: number]> = [[doc.contents, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [unknown, number];
    if (!isCollection(node)) continue;
    if (depth > MAX_DEPTH) {
      problems.push({
        offset: node.range?.[0] ?? 0,
        code: 'GZ0705',
      });
      break;
    }
    const seen = new Set<string>();
    for (const item of node.items) {
      if (isPair(item)) {
        const key = item.key;
        if (isMap(node) && isScalar(key)) {
          const name = String(key.value);
          const at = key.range?.[0] ?? 0;
          if (seen.has(name)) {
            problems.push({
              offset: at,
              code: 'GZ0706',
            });
          }
          seen.add(name);
          if (name.startsWith('\u3000')) {
            problems.push({
              offset: at,
              code: 'GZ0707',
            });
          }
        }
        stack.push([item.value, depth + 1]);
        if (isCollection(key)) {
          // `{{ 7*7 }}: x`: YAML allows it; a JS object cannot hold it (it would print a warning).
          problems.push({
            offset: key.range?.[0] ?? 0,
            code: 'GZ0708',
          });
        }
      } else if (!isAlias(item)) {
        stack.push([item as Node, depth + 1]);
      }
    }
  }
  return problems.sort((a, b) => a.offset - b.offset);
}

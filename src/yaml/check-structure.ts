import { type Document, isAlias, isCollection, isMap, isPair, isScalar, type Node } from 'yaml';

/** Deeper than any real front matter or site.yaml; keeps every later recursive step (toJS, templates) safe. */
export const MAX_DEPTH = 100;

export interface StructureProblem {
  /** Offset in the YAML text. */
  readonly offset: number;
  readonly message: string;
  readonly hint: string;
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
        message: `invalid YAML: lists or mappings are nested more than ${MAX_DEPTH} levels deep`,
        hint: 'write the value with fewer levels of lists and mappings',
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
              message: 'invalid YAML: Map keys must be unique',
              hint: 'each field may appear once; delete one of them',
            });
          }
          seen.add(name);
          if (name.startsWith('\u3000')) {
            problems.push({
              offset: at,
              message: 'invalid YAML: the line is indented with a full-width space "　" (U+3000)',
              hint: 'indent with ordinary spaces, or not at all for a top-level field',
            });
          }
        }
        stack.push([item.value, depth + 1]);
        if (isCollection(key)) {
          // `{{ 7*7 }}: x`: YAML allows it; a JS object cannot hold it (it would print a warning).
          problems.push({
            offset: key.range?.[0] ?? 0,
            message: 'invalid YAML: a field name cannot be a list or a mapping',
            hint: 'a line that starts with "{" or "[" is read as one: put the whole line in quotes, or remove the brackets',
          });
        }
      } else if (!isAlias(item)) {
        stack.push([item as Node, depth + 1]);
      }
    }
  }
  return problems.sort((a, b) => a.offset - b.offset);
}

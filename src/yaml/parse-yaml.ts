import { isMap, isScalar, LineCounter, type Node, parseDocument, type YAMLError } from 'yaml';
import { type Diagnostic, error, type Position } from '../errors/diagnostic.js';

/** A parsed YAML mapping that can say where each of its values was written. */
export interface YamlMapping {
  readonly data: Record<string, unknown>;
  /** Position of the value at `path` (or of the nearest ancestor that exists). */
  locate(path: readonly PropertyKey[]): Position;
  /** Position of the key at `path`, for messages about the key itself. */
  locateKey(path: readonly PropertyKey[]): Position;
  /** Keys in the order written, for unknown-key warnings. */
  readonly keys: readonly string[];
}

export type YamlResult = { ok: true; value: YamlMapping } | { ok: false; diagnostics: Diagnostic[] };

/**
 * Parses `text` as a YAML mapping. `text` must keep the line structure of `file` from its first line
 * (callers pad with blank lines), so that positions are the file's own.
 * YAML 1.2 core schema: dates stay strings, so `2022-03-01 16:59:26` is shown as written.
 */
export function parseYamlMapping(text: string, file: string, what: string): YamlResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    strict: true,
    // An alias bomb is rejected while converting to JS (below), long before it can eat memory.
  });
  const pos = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };

  if (doc.errors.length > 0) {
    return { ok: false, diagnostics: doc.errors.map((e) => yamlError(e, file, text, pos)) };
  }
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) {
    return { ok: true, value: emptyMapping(pos(0)) };
  }
  if (!isMap(root)) {
    const kind = isScalar(root) ? 'a single value' : 'a list';
    return {
      ok: false,
      diagnostics: [
        error(
          file,
          `${what} must be a list of "key: value" lines, but this is ${kind}`,
          pos(root.range?.[0] ?? 0),
          fullWidthColonHint(text) ?? 'write one field per line, like "title: 标题"',
        ),
      ],
    };
  }

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 });
  } catch {
    return {
      ok: false,
      diagnostics: [
        error(
          file,
          `${what} uses too many YAML aliases (*name)`,
          pos(root.range?.[0] ?? 0),
          'write the values out instead of repeating aliases',
        ),
      ],
    };
  }

  const nodeAt = (path: readonly PropertyKey[]): Node | undefined => {
    for (let n = path.length; n > 0; n--) {
      const node = doc.getIn(path.slice(0, n) as unknown[], true);
      if (node && typeof node === 'object' && 'range' in node && node.range) return node as Node;
    }
    return undefined;
  };
  const keyNodeAt = (path: readonly PropertyKey[]): Node | undefined => {
    const parent = path.length > 1 ? doc.getIn(path.slice(0, -1) as unknown[], true) : root;
    if (!isMap(parent)) return undefined;
    const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === path[path.length - 1]);
    return pair && isScalar(pair.key) ? pair.key : undefined;
  };
  const rootStart = pos(root.range?.[0] ?? 0);

  return {
    ok: true,
    value: {
      data: data as Record<string, unknown>,
      keys: root.items.map((p) => (isScalar(p.key) ? String(p.key.value) : '')),
      locate: (path) => {
        const n = nodeAt(path);
        return n?.range ? pos(n.range[0]) : rootStart;
      },
      locateKey: (path) => {
        const n = keyNodeAt(path) ?? nodeAt(path);
        return n?.range ? pos(n.range[0]) : rootStart;
      },
    },
  };
}

function emptyMapping(at: Position): YamlMapping {
  return { data: {}, keys: [], locate: () => at, locateKey: () => at };
}

const HINTS: Record<string, string> = {
  DUPLICATE_KEY: 'each field may appear once; delete one of them',
  TAB_AS_INDENT: 'indent with spaces, not tabs',
  BAD_INDENT: 'check the indentation: nested items need the same number of spaces',
  MISSING_CHAR: 'a quoted value needs its closing quote',
  BLOCK_AS_IMPLICIT_KEY: 'a value that contains ": " must be quoted',
  MULTILINE_IMPLICIT_KEY: 'a value that contains ": " must be quoted',
};

function yamlError(e: YAMLError, file: string, text: string, pos: (offset: number) => Position): Diagnostic {
  const at = (e.code === 'MISSING_CHAR' && openingQuote(text, e.pos[0])) || pos(e.pos[0]);
  const line = text.split('\n')[at.line - 1] ?? '';
  const hint = line.includes('：') && !line.includes(': ') ? fullWidthColonHint(line) : HINTS[e.code];
  const message = e.message.replace(/\s+at line \d+, column \d+:?[\s\S]*$/, '').trim();
  return error(file, `invalid YAML: ${message}`, at, hint ?? 'see the YAML rules in docs/编辑指南.md');
}

/**
 * YAML reports an unclosed quote where the text runs out; the editor needs the line that opened it:
 * the last value before `offset` that starts with a quote its own line does not close.
 */
function openingQuote(text: string, offset: number): Position | undefined {
  const lines = text.slice(0, offset).split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = /^(\s*(?:-\s+)?(?:[^\s:"'][^:]*:\s+)?)(["'])(.*)$/.exec(lines[i] ?? '');
    if (m?.[2] && !(m[3] ?? '').includes(m[2])) return { line: i + 1, column: (m[1]?.length ?? 0) + 1 };
  }
  return undefined;
}

function fullWidthColonHint(text: string): string | undefined {
  return /^[^\s:：]+：/m.test(text)
    ? 'use an ASCII colon and a space between field and value ("title: 标题"), not the full-width "："'
    : undefined;
}

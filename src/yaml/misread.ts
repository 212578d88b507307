import { type Document, isAlias, isScalar, visit } from 'yaml';
import type { Values } from '../messages/types.js';

/** A value the parser read otherwise than the editor meant, at `offset` of the text. */
export interface MisreadValue {
  readonly offset: number;
  readonly problem: LineProblem;
}

/**
 * A line `key: value` or `- value` whose value starts with one of YAML's indicator characters, which
 * an editor means as text: a hashtag (`#衢州#`), an @ mention, `*` or `&` before a name (what YAML
 * makes of each is worded in src/messages/yaml-advice.ts). `[` and `{` (a list, a mapping) are
 * explained where YAML reports them (the bracket advice in parse-yaml.ts). Captures the text before
 * the value, the key, the indicator and the rest.
 */
const VALUE_LINE = /^(\s*(?:-[ \t]+)*(?:([^\s:#"'[{-][^:]*?):[ \t]+)?)([#@`*&!%|>])(.*)$/;

/** What is wrong with a line: a problem's code (GZ0716–GZ0718) and values, at a column. */
export interface LineProblem {
  /** 1-based column on the line. */
  readonly column: number;
  readonly code: 'GZ0716' | 'GZ0717' | 'GZ0718';
  readonly values: Values;
}

/**
 * The value of `line` starts with a character YAML gives a meaning to: say so, at that character,
 * with the value in quotes as it should be written. Undefined for any other line.
 */
export function misreadIndicator(line: string): LineProblem | undefined {
  const m = VALUE_LINE.exec(line);
  if (!m) return undefined;
  const [, before = '', key, indicator = '', rest = ''] = m;
  // A line that is a comment, not a value.
  if (key === undefined && !before.includes('-')) return undefined;
  const value = (indicator + rest).trim();
  const written = key === undefined ? `- ${quoted(value)}` : `${key}: ${quoted(value)}`;
  return { column: before.length + 1, code: 'GZ0718', values: { key: key ?? '', indicator, written } };
}

/** `"…"`, or `'…'` for a value with a double quote in it. */
const quoted = (value: string): string =>
  value.includes('"') ? `'${value.replaceAll("'", "''")}'` : `"${value.replaceAll('\\', '\\\\')}"`;

/**
 * A field name followed by a colon without a space (`title:标题`), which YAML reads as text, or
 * by the full-width colon of a Chinese input method (`title：标题`).
 */
export function colonProblem(
  line: string,
  otherNames: ReadonlyMap<string, string> = new Map(),
): LineProblem | undefined {
  const fullWidth = /^(\s*(?:-[ \t]+)?)([^\s:：#"'[{-][^:：]*?)：[ \t\u3000]*(.*)$/.exec(line);
  // Letters, digits, "_" and "-" (Chinese too): a name, not a URL or a time such as 10:30.
  const tight = /^(\s*(?:-[ \t]+)?)([\p{L}_][\p{L}\p{N}_-]*):(?=[^\s:/])(.*)$/u.exec(line);
  const [, before = '', key = '', value = ''] = fullWidth ?? tight ?? [];
  if (key === '') return undefined;
  // The line as it should be, with the field's own name for a Chinese one (标题：金华 → title: 金华).
  const field = otherNames.get(key);
  return {
    column: before.length + key.length + 1,
    code: fullWidth ? 'GZ0717' : 'GZ0716',
    values: { key, field: field ?? '', written: `${field ?? key}: ${value.trim() || '…'}` },
  };
}

/**
 * Values that YAML reads without complaint but not as the editor wrote them, at their indicator:
 * `title: #衢州# 春风行动` (a comment: the title is empty), `title: &衢州 好` (an anchor nothing
 * refers to: the title is "好"), and an alias to no anchor (`title: *衢州`, which YAML could not
 * resolve). `problemAt` says what is wrong with the line at an offset, if it is such a line.
 */
export function misreadValues(
  doc: Document,
  text: string,
  problemAt: (offset: number) => LineProblem | undefined,
): MisreadValue[] {
  const found: number[] = [];
  const anchors = new Map<string, number>();
  const used = new Set<string>();
  visit(doc, {
    Node(_, node) {
      if (isAlias(node)) {
        if (!anchors.has(node.source)) found.push(node.range?.[0] ?? 0);
        used.add(node.source);
        return;
      }
      const start = node.range?.[0];
      if (start === undefined) return;
      // An anchor of a list or mapping names it; one of a single value that nothing refers to took text.
      if (node.anchor && isScalar(node)) anchors.set(node.anchor, text.lastIndexOf('&', start));
      // A value left empty by a comment right after the colon, one that does not start with a space.
      if (
        isScalar(node) &&
        node.value === null &&
        node.range?.[1] === start &&
        /^#\S/.test(text.slice(start, start + 2))
      )
        found.push(start);
    },
  });
  for (const [name, offset] of anchors) if (!used.has(name) && offset >= 0) found.push(offset);
  const problems: MisreadValue[] = [];
  for (const offset of found) {
    const p = problemAt(offset);
    if (p) problems.push({ offset, problem: p });
  }
  return problems;
}

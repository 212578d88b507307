import {
  isMap,
  isScalar,
  LineCounter,
  type Node,
  type Pair,
  parseDocument,
  visit,
  type YAMLError,
} from 'yaml';
import { type Diagnostic, formatDiagnostic, type Position, problem } from '../errors/diagnostic.js';
import type { Advice } from '../messages/yaml-advice.js';
import { controlsDropped } from '../text/invisible.js';
import { checkStructure, MAX_DEPTH } from './check-structure.js';
import { dropControls } from './drop-controls.js';
import { colonProblem, misreadIndicator, misreadValues } from './misread.js';

/** A parsed YAML mapping that can say where each of its values was written. */
export interface YamlMapping {
  readonly data: Record<string, unknown>;
  /** Position of the value at `path` (or of the nearest ancestor that exists). */
  locate(path: readonly PropertyKey[]): Position;
  /** Position of the key at `path`, for messages about the key itself. */
  locateKey(path: readonly PropertyKey[]): Position;
  /** Keys in the order written, for unknown-key warnings. */
  readonly keys: readonly string[];
  /** What the editor should know of what was read: control characters taken out of texts. */
  readonly warnings: readonly Diagnostic[];
}

export type YamlResult = { ok: true; value: YamlMapping } | { ok: false; diagnostics: Diagnostic[] };

/**
 * Parses `text` as a YAML mapping. `text` must keep the line structure of `file` from its first line
 * (callers pad with blank lines), so that positions are the file's own.
 * YAML 1.2 core schema: dates stay strings, so `2022-03-01 16:59:26` is shown as written.
 */
export function parseYamlMapping(
  text: string,
  file: string,
  what: string,
  /** Other names editors give the fields (标题 for title), for the advice about a line. */
  otherNames?: ReadonlyMap<string, string>,
): YamlResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    // Checked by checkStructure, in linear time.
    uniqueKeys: false,
    strict: true,
    // An alias bomb is rejected while converting to JS (below), long before it can eat memory.
  });
  const pos = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  // The value with an indicator (`title: #衢州#`) that starts at `offset`, if that is what is there.
  const indicatorAt = (offset: number) => {
    const at = pos(offset);
    const found = misreadIndicator(lineAt(text, at.line));
    return found?.column === at.column ? found : undefined;
  };

  const problems = [
    ...firstOfEachKind(doc.errors).map((e) => ({
      offset: e.pos[0],
      diagnostic: yamlError(e, file, text, pos, otherNames),
    })),
    // `!!js/function`, `!!python/object`: never run, and not silently read as text either.
    ...doc.warnings
      .filter((w) => w.code === 'TAG_RESOLVE_FAILED')
      .slice(0, 1)
      .map((w) => ({
        offset: w.pos[0],
        diagnostic: problem('GZ0702', file, pos(w.pos[0]), {
          tag: text.slice(w.pos[0], w.pos[1]).split(/\s/)[0] ?? '',
          what,
        }),
      })),
    ...(doc.errors.length > 0 ? [] : checkStructure(doc)).map((p) => ({
      offset: p.offset,
      diagnostic: problem(p.code, file, pos(p.offset), { max: MAX_DEPTH }),
    })),
    // Values the parser read without complaint, but not as the editor meant them.
    ...(doc.errors.length > 0 ? [] : misreadValues(doc, text, indicatorAt)).map((p) => ({
      offset: p.offset,
      diagnostic: problem(p.problem.code, file, pos(p.offset), p.problem.values),
    })),
  ];
  if (problems.length > 0) {
    // Two of the parser's errors on one line may come to the same advice: it is given once.
    const said = new Set<string>();
    const diagnostics = problems
      .sort((a, b) => a.offset - b.offset)
      .map((p) => p.diagnostic)
      .filter((d) => !said.has(formatDiagnostic(d)) && said.add(formatDiagnostic(d)));
    return { ok: false, diagnostics };
  }
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) {
    return { ok: true, value: emptyMapping(pos(0)) };
  }
  if (!isMap(root)) {
    const kind = isScalar(root) ? 'a single value' : 'a list';
    const start = pos(root.range?.[0] ?? 0);
    const colon = isScalar(root) ? colonProblem(lineAt(text, start.line), otherNames) : undefined;
    if (colon)
      return {
        ok: false,
        diagnostics: [problem(colon.code, file, { line: start.line, column: colon.column }, colon.values)],
      };
    return {
      ok: false,
      diagnostics: [
        problem('GZ0703', file, start, {
          what,
          kind,
          ...(/^[^\s:：]+：/m.test(text) && { advice: 'fullWidthColon' }),
        }),
      ],
    };
  }

  // Before the data is made: what it holds is text that pages and feeds can show.
  const dropped = dropControls(doc, text).map((d) => {
    const { code, values } = controlsDropped(d.first, d.count);
    return problem(code, file, pos(d.offset), values, 'warning');
  });
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 });
  } catch {
    // The only way toJS fails once checkStructure has passed: aliases that expand too far.
    return {
      ok: false,
      diagnostics: [problem('GZ0704', file, pos(firstAlias(doc) ?? root.range?.[0] ?? 0), { what })],
    };
  }

  const nodeAt = (path: readonly PropertyKey[]): Node | undefined => {
    for (let n = path.length; n > 0; n--) {
      const node = doc.getIn(path.slice(0, n) as unknown[], true);
      if (node && typeof node === 'object' && 'range' in node && node.range) return node as Node;
    }
    return undefined;
  };
  // Top-level keys by name, for warnings about thousands of keys without a search for each.
  const topLevel = new Map<unknown, Pair>();
  for (const p of root.items) if (isScalar(p.key) && !topLevel.has(p.key.value)) topLevel.set(p.key.value, p);
  const keyNodeAt = (path: readonly PropertyKey[]): Node | undefined => {
    const parent = path.length > 1 ? doc.getIn(path.slice(0, -1) as unknown[], true) : root;
    if (!isMap(parent)) return undefined;
    const name = path[path.length - 1];
    const pair =
      parent === root
        ? topLevel.get(name)
        : parent.items.find((p) => isScalar(p.key) && p.key.value === name);
    return pair && isScalar(pair.key) ? pair.key : undefined;
  };
  const rootStart = pos(root.range?.[0] ?? 0);

  return {
    ok: true,
    value: {
      data: data as Record<string, unknown>,
      warnings: dropped,
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
  return { data: {}, keys: [], warnings: [], locate: () => at, locateKey: () => at };
}

/**
 * One YAML mistake often sets off a cascade of errors (100,000 "[" give hundreds): the first of
 * each kind says what to fix.
 */
function firstOfEachKind(errors: readonly YAMLError[]): YAMLError[] {
  // Nesting that exhausted the parser is the cause of everything else it says.
  const exhausted = errors.find((e) => e.code === 'RESOURCE_EXHAUSTION');
  if (exhausted) return [exhausted];
  const seen = new Set<string>();
  const offsets = new Set<number>();
  return errors.filter(
    (e) => !seen.has(e.code) && !offsets.has(e.pos[0]) && seen.add(e.code) && offsets.add(e.pos[0]),
  );
}

function firstAlias(doc: ReturnType<typeof parseDocument>): number | undefined {
  let offset: number | undefined;
  visit(doc, {
    Alias(_, node) {
      offset = node.range?.[0];
      return visit.BREAK;
    },
  });
  return offset;
}

/** What to do about the parser's own errors, by their code (worded in src/messages/yaml-advice.ts). */
const ADVICE_OF: Record<string, Advice> = {
  DUPLICATE_KEY: 'duplicateKey',
  TAB_AS_INDENT: 'tabIndent',
  BAD_INDENT: 'badIndent',
  MISSING_CHAR: 'closingQuote',
  BLOCK_AS_IMPLICIT_KEY: 'quoteColon',
  MULTILINE_IMPLICIT_KEY: 'quoteColon',
  RESOURCE_EXHAUSTION: 'tooDeep',
};

function yamlError(
  e: YAMLError,
  file: string,
  text: string,
  pos: (offset: number) => Position,
  otherNames: ReadonlyMap<string, string> | undefined,
): Diagnostic {
  const bracket = /end with a ([\]}])/.exec(e.message)?.[1];
  const at =
    (e.code === 'RESOURCE_EXHAUSTION' && firstBracketOfLine(text, pos(e.pos[0]))) ||
    (bracket && openingBracket(text, e.pos[0], bracket)) ||
    (e.code === 'MISSING_CHAR' && openingQuote(text, e.pos[0])) ||
    pos(e.pos[0]);
  const line = lineAt(text, at.line);
  // What the editor got wrong on the line, rather than what it made the parser expect.
  const own =
    e.code === 'RESOURCE_EXHAUSTION' ? undefined : (colonProblem(line, otherNames) ?? misreadIndicator(line));
  if (own) return problem(own.code, file, { line: at.line, column: own.column }, own.values);
  const opening = bracket
    ? bracket === ']'
      ? '['
      : '{'
    : /^\s*(?:-\s+)?[^\s:"'][^:]*:\s+[[{]/.test(line)
      ? (/:\s+([[{])/.exec(line)?.[1] ?? '[')
      : undefined;
  const advice: Advice =
    (e.code === 'RESOURCE_EXHAUSTION' ? 'tooDeep' : undefined) ??
    fullWidthSpaceAdvice(line) ??
    (line.includes('：') && !line.includes(': ') && /^[^\s:：]+：/m.test(line)
      ? 'fullWidthColon'
      : undefined) ??
    (opening ? 'bracket' : undefined) ??
    ADVICE_OF[e.code] ??
    'rules';
  const detail =
    e.code === 'RESOURCE_EXHAUSTION'
      ? 'lists or mappings are nested too deeply'
      : e.message.replace(/\s+at line \d+, column \d+:?[\s\S]*$/, '').trim();
  return problem('GZ0701', file, at, {
    detail,
    yamlCode: e.code,
    advice,
    ...(advice === 'bracket' && opening && { opening, unclosed: bracket ? 1 : 0 }),
  });
}

/**
 * Where the nesting that exhausted the parser starts: the first "[" or "{" of the line it gave up on.
 * Where it gave up depends on how much stack was left, which is no place to send an editor.
 */
function firstBracketOfLine(text: string, at: Position): Position | undefined {
  const column = lineAt(text, at.line).search(/[[{]/);
  return column < 0 ? undefined : { line: at.line, column: column + 1 };
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

/** Where the value opened with "[" (or "{") that YAML says is never closed starts: the last one before `offset`. */
function openingBracket(text: string, offset: number, closing: string): Position | undefined {
  const opening = closing === ']' ? '[' : '{';
  const lines = text.slice(0, offset).split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = /^(\s*(?:-\s+)?(?:[^\s:"'][^:]*:\s+)?)([[{])/.exec(lines[i] ?? '');
    if (m?.[2] === opening) return { line: i + 1, column: (m[1]?.length ?? 0) + 1 };
  }
  return undefined;
}

/** Line `n` (1-based) of `text`, without splitting all of a possibly huge text. */
function lineAt(text: string, n: number): string {
  let start = 0;
  for (let i = 1; i < n; i++) {
    const next = text.indexOf('\n', start);
    if (next === -1) return '';
    start = next + 1;
  }
  const end = text.indexOf('\n', start);
  return text.slice(start, end === -1 ? undefined : end);
}

/** The Chinese input method types "　" (U+3000) where a space was meant: as indent, or after a colon. */
function fullWidthSpaceAdvice(line: string): Advice | undefined {
  if (/^[ \t]*\u3000/.test(line)) return 'fullWidthIndent';
  if (/^[^\s:：]+:\u3000/.test(line)) return 'fullWidthAfterColon';
  return undefined;
}

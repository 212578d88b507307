import { CATALOG, type Code } from '../messages/catalog.js';
import type { Lang } from '../messages/language.js';
import type { Values } from '../messages/types.js';

/**
 * A problem found in the editors' input (content, config, templates), with where it is.
 * Stages return or throw these; only the CLI prints them, once, in the `file:line:col: error: …`
 * form that editors and their tools (VS Code, vim quickfix) understand. An `error` stops the build, a
 * `warning` does not; a `note` is no problem at all, only worth knowing (an article left out until
 * its date), printed in the same form so that it, too, leads to its line.
 */
export type Severity = 'error' | 'warning' | 'note';

export interface Position {
  /** 1-based line. */
  readonly line: number;
  /** 1-based column in UTF-16 code units, as VS Code counts them (one per Chinese character of the BMP). */
  readonly column: number;
}

export interface Diagnostic {
  readonly severity: Severity;
  /** Path as the editor knows it: relative to the site root where possible. */
  readonly file: string;
  readonly position?: Position;
  readonly message: string;
  /** What to do about it, in plain words. */
  readonly hint?: string;
  /** A stable name for this kind of problem (like `GZ0107`), that stays when the wording changes. */
  readonly code?: string;
  /** What the message is made from (`code`'s values), so that it can be worded in the editors' language. */
  readonly values?: Values;
}

/** Thrown by a stage when it cannot go on; carries every problem it found. */
export class GazetteError extends Error {
  readonly diagnostics: readonly Diagnostic[];

  constructor(diagnostics: readonly Diagnostic[], options?: { cause?: unknown }) {
    super(diagnostics.map(formatDiagnostic).join('\n'), options);
    this.name = 'GazetteError';
    this.diagnostics = diagnostics;
  }
}

export function error(file: string, message: string, position?: Position, hint?: string): Diagnostic {
  return { severity: 'error', file, message, ...(position && { position }), ...(hint && { hint }) };
}

export function warning(file: string, message: string, position?: Position, hint?: string): Diagnostic {
  return { severity: 'warning', file, message, ...(position && { position }), ...(hint && { hint }) };
}

/**
 * A problem of a known kind: its code and values. It is worded in English here (for programs that
 * read `message`, and for the error's own text); `inLanguage` words it for the editors at the edge.
 */
export function problem(
  code: Code,
  file: string,
  position: Position | undefined,
  values: Values = {},
  severity: Severity = 'error',
): Diagnostic {
  const { message, hint } = CATALOG[code].en(values);
  return { severity, file, message, code, values, ...(position && { position }), ...(hint && { hint }) };
}

/** The same problem worded in `lang`; one without a code (not yet in the catalog) stays as it is. */
export function inLanguage(d: Diagnostic, lang: Lang): Diagnostic {
  if (lang === 'en' || d.code === undefined || !(d.code in CATALOG)) return d;
  const { message, hint } = CATALOG[d.code as Code][lang](d.values ?? {});
  const { hint: _english, ...rest } = d;
  return { ...rest, message, ...(hint && { hint }) };
}

/**
 * `file:line:col: error: message; hint [GZ0201]`. The `file:line:col: error:` head stays as it is in
 * every language, so that editors' and CI's problem matchers (gcc style) keep finding the place; the
 * code goes last, where it changes no matcher and can be looked up in docs/编辑指南.md.
 */
export const formatIn =
  (lang: Lang) =>
  (d: Diagnostic): string => {
    const w = inLanguage(d, lang);
    const where = w.position ? `${w.file}:${w.position.line}:${w.position.column}` : w.file;
    const code = w.code ? ` [${w.code}]` : '';
    if (lang === 'zh' && w.code !== undefined) {
      const text = w.hint ? `${w.message}；${w.hint}` : w.message;
      return `${where}: ${w.severity}: ${text}${/[。？！]$/.test(text) ? '' : '。'}${code}`;
    }
    const hint = w.hint ? `; ${w.hint}` : '';
    return `${where}: ${w.severity}: ${w.message}${hint}${code}`;
  };

/** A problem's words as one sentence, `message; hint` (for a line that is not a diagnostic's, like bad usage). */
export function sentenceOf(code: Code, values: Values, lang: Lang): string {
  const { message, hint } = CATALOG[code][lang](values);
  if (lang === 'en') return hint ? `${message}; ${hint}` : message;
  const text = hint ? `${message}；${hint}` : message;
  return `${text}${/[。？！]$/.test(text) ? '' : '。'}`;
}

/** In English: for the error's own text and for programs; the CLI formats in the editors' language. */
export const formatDiagnostic: (d: Diagnostic) => string = formatIn('en');

export const hasErrors = (ds: readonly Diagnostic[]): boolean => ds.some((d) => d.severity === 'error');

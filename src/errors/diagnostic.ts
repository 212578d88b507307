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

export function note(file: string, message: string, position?: Position, hint?: string): Diagnostic {
  return { severity: 'note', file, message, ...(position && { position }), ...(hint && { hint }) };
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = d.position ? `${d.file}:${d.position.line}:${d.position.column}` : d.file;
  const hint = d.hint ? `; ${d.hint}` : '';
  return `${where}: ${d.severity}: ${d.message}${hint}`;
}

export const hasErrors = (ds: readonly Diagnostic[]): boolean => ds.some((d) => d.severity === 'error');

import { statSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic, Severity } from '../errors/diagnostic.js';
import { editorUrl } from './editor-link.js';

/**
 * A diagnostic as the dev server sends it to the browser's error screen: plain data, each part
 * apart, so the page can lay it out (and wrap it) rather than show one preformatted line.
 */
export interface BrowserProblem {
  readonly severity: Severity;
  /** Relative to the site root where possible, as the terminal prints it. */
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  readonly message: string;
  /** What to do about it. */
  readonly hint?: string;
  readonly code?: string;
  /** Opens the file there in VS Code; absent when `file` names no file (`--base-url`, `search index`). */
  readonly editorUrl?: string;
}

const isFile = (p: string): boolean => statSync(p, { throwIfNoEntry: false })?.isFile() ?? false;

/**
 * Every problem of a failed build for the browser: errors first (they are what stops the build),
 * then warnings, each in the order the build found them.
 */
export function toBrowserProblems(
  diagnostics: readonly Diagnostic[],
  root: string,
  fileExists: (absolutePath: string) => boolean = isFile,
): BrowserProblem[] {
  const ordered = [
    ...diagnostics.filter((d) => d.severity === 'error'),
    ...diagnostics.filter((d) => d.severity !== 'error'),
  ];
  return ordered.map((d) => {
    const absolute = path.resolve(root, d.file);
    return {
      severity: d.severity,
      file: d.file,
      ...(d.position && { line: d.position.line, column: d.position.column }),
      message: d.message,
      ...(d.hint && { hint: d.hint }),
      ...(d.code && { code: d.code }),
      ...(fileExists(absolute) && { editorUrl: editorUrl(absolute, d.position) }),
    };
  });
}

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { positionOf } from '../content/decode.js';
import { type Diagnostic, error, type Position } from '../errors/diagnostic.js';
import { THEME_TEMPLATES } from '../paths.js';

/**
 * Turns a Nunjucks error into a diagnostic at the template's own file:line:col.
 * Nunjucks chains one "(path) [Line l, Column c]" entry per template it passed through, outermost
 * first; the innermost entry is the template where the error happened. Some runtime errors carry no
 * line ("filter not found"): then the filter's name is looked up in that template's text.
 */
export function templateDiagnostic(cause: unknown, root: string, context?: string): Diagnostic {
  const text = cause instanceof Error ? cause.message : String(cause);
  const entries = [...text.matchAll(/\(([^()\n]+)\)(?: \[Line (\d+)(?:, Column (\d+))?\])?/g)];
  const inner = entries.at(-1);
  const file = inner?.[1] && inner[1] !== 'unknown path' ? inner[1] : undefined;
  const message =
    (text.split('\n').at(-1) ?? text).replace(/^\s*(Template render error:\s*)?(Error:\s*)?/, '').trim() ||
    'unknown error';
  let position: Position | undefined = inner?.[2]
    ? { line: Number(inner[2]), column: Number(inner[3] ?? 1) }
    : undefined;
  if (!position && file) position = guessPosition(file, message);
  const hint = /null or undefined/.test(message)
    ? "a value is missing: guard it with {% if … %} or write it as {{ x | default('') }}"
    : undefined;
  return error(
    file ? displayPath(file, root) : 'templates',
    `template error: ${message}`,
    position,
    [hint, context].filter(Boolean).join('; ') || undefined,
  );
}

/** For errors Nunjucks gives no line: find what the message names in the template's text. */
function guessPosition(file: string, message: string): Position | undefined {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const filter = /filter not found: (\S+)/.exec(message)?.[1];
  const missing = /template not found: (\S+)/.exec(message)?.[1];
  const pattern = filter
    ? `\\|\\s*${escapeRegExp(filter)}\\b`
    : missing
      ? `["']${escapeRegExp(missing)}["']`
      : undefined;
  const match = pattern ? new RegExp(pattern).exec(source) : undefined;
  if (match) return positionOf(source, match.index);
  if (/end of file/.test(message)) return positionOf(source, source.trimEnd().length);
  return undefined;
}

/** Site templates by their path in the site; built-in ones marked as such. */
export function displayPath(file: string, root: string): string {
  const inside = (dir: string) => {
    const rel = path.relative(dir, file);
    return rel.startsWith('..') || path.isAbsolute(rel) ? undefined : rel.split(path.sep).join('/');
  };
  const own = inside(root);
  if (own !== undefined) return own;
  const theme = inside(THEME_TEMPLATES);
  return theme !== undefined ? `(built-in theme) templates/${theme}` : file;
}

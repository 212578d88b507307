import { type Diagnostic, type Position, problem } from '../errors/diagnostic.js';
import { displayPath } from '../fs/display-path.js';
import { locateInTemplates, showsCause } from './locate-error.js';
import { templateDirs } from './template-dirs.js';

/**
 * Turns a Nunjucks error into a diagnostic at the template's own file:line:col.
 * Nunjucks chains one "(path) [Line l, Column c]" entry per template it passed through, outermost
 * first; the innermost entry is the template where the error happened. Some runtime errors carry no
 * line ("filter not found"): then the filter's name is looked up in that template's text.
 */
export function templateDiagnostic(
  cause: unknown,
  root: string,
  rendering?: { page: string; source?: string },
): Diagnostic {
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
  let where = file;
  if (file && !(position && showsCause(file, position, message))) {
    const found = locateInTemplates(file, message, templateDirs(root));
    if (found) ({ file: where, position } = found);
  }
  return problem('GZ0401', where ? displayPath(where, root) : 'templates', position, {
    detail: message,
    missing: /null or undefined/.test(message) ? 1 : 0,
    ...(rendering && {
      page: rendering.source ? `${rendering.page} (from ${rendering.source})` : rendering.page,
    }),
  });
}

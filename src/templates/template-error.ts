import { type Diagnostic, type Position, problem } from '../errors/diagnostic.js';
import { displayPath } from '../fs/display-path.js';
import { locateInTemplates, showsCause } from './locate-error.js';
import { readOf } from './own-page-only.js';
import { templateDirs } from './template-dirs.js';

/**
 * Turns a Nunjucks error into a diagnostic at the template's own file:line:col.
 * Nunjucks chains one "(path) [Line l, Column c]" entry per template it passed through, outermost
 * first; the innermost entry is the template where the error happened. Some runtime errors carry no
 * line ("filter not found"): then the filter's name is looked up in that template's text.
 * A read of what only an article's own page has, from an entry of a list (see guardListed), is its
 * own problem: `rendering.ownPageOnly` names the field.
 */
export function templateDiagnostic(
  cause: unknown,
  root: string,
  rendering?: { page: string; source?: string; ownPageOnly?: string },
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
  // Nunjucks gives the line of an `{% extends %}` for what a block does: the read is looked for.
  const sought = rendering?.ownPageOnly === undefined ? undefined : readOf(rendering.ownPageOnly);
  if (file && !(position && showsCause(file, position, message, sought))) {
    const found = locateInTemplates(file, message, templateDirs(root), sought);
    if (found) ({ file: where, position } = found);
  }
  const shown = where ? displayPath(where, root) : 'templates';
  const page = rendering && {
    page: rendering.source ? `${rendering.page} (from ${rendering.source})` : rendering.page,
  };
  if (rendering?.ownPageOnly)
    return problem('GZ0402', shown, position, { field: rendering.ownPageOnly, ...page });
  return problem('GZ0401', shown, position, {
    detail: message,
    missing: /null or undefined/.test(message) ? 1 : 0,
    ...page,
  });
}

import path from 'node:path';
import type nunjucks from 'nunjucks';
import { error, GazetteError } from '../errors/diagnostic.js';
import type { Page } from '../pages/page.js';
import { THEME_TEMPLATES } from '../paths.js';

/** Renders one page to HTML. A template problem becomes an error at the template's own file:line:col. */
export function renderPage(env: nunjucks.Environment, page: Page, root: string): string {
  try {
    return env.render(page.template, { ...page.context, url: page.url });
  } catch (cause) {
    throw new GazetteError([templateDiagnostic(cause, page, root)], { cause });
  }
}

function templateDiagnostic(cause: unknown, page: Page, root: string) {
  const text = cause instanceof Error ? cause.message : String(cause);
  // Nunjucks reports "(/abs/path.njk) [Line 3, Column 7]\n  Error: …"; pull the pieces apart.
  const where = /\(([^)]+)\)\s*(?:\[Line (\d+), Column (\d+)\])?/.exec(text);
  const file =
    where?.[1] && where[1] !== 'unknown path' ? displayPath(where[1], root) : `templates/${page.template}`;
  const message = text
    .replace(/^[^\n]*\n?/, (first) => (first.includes('[Line') || first.startsWith('(') ? '' : first))
    .replace(/^\s*(Template render error:\s*)?(\([^)]*\)\s*)?(\[Line \d+, Column \d+\])?\s*/, '')
    .replace(/^\s*Error:\s*/, '')
    .trim();
  const position = where?.[2] ? { line: Number(where[2]), column: Number(where[3]) } : undefined;
  const context = page.source
    ? `while rendering ${page.url} (from ${page.source})`
    : `while rendering ${page.url}`;
  return error(file, `template error: ${message || 'unknown error'}`, position, context);
}

function displayPath(file: string, root: string): string {
  const inside = (dir: string) => {
    const rel = path.relative(dir, file);
    return rel.startsWith('..') || path.isAbsolute(rel) ? undefined : rel.split(path.sep).join('/');
  };
  const own = inside(root);
  if (own !== undefined) return own;
  const theme = inside(THEME_TEMPLATES);
  return theme !== undefined ? `(built-in theme) templates/${theme}` : file;
}

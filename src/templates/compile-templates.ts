import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type nunjucks from 'nunjucks';
import type { Diagnostic } from '../errors/diagnostic.js';
import { templateDiagnostic } from './template-error.js';

/**
 * Compiles every template once, before any page is rendered. A syntax error is reported here at its
 * own file:line:col; left to render time, Nunjucks throws it from a callback inside an
 * `{% include %}`, out of reach of any try/catch.
 */
export async function compileTemplates(
  env: nunjucks.Environment,
  dirs: readonly string[],
  root: string,
): Promise<Diagnostic[]> {
  const names = new Set<string>();
  for (const dir of dirs) {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      if (e.isFile() && e.name.endsWith('.njk'))
        names.add(path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
    }
  }
  const problems: Diagnostic[] = [];
  for (const name of [...names].sort()) {
    try {
      env.getTemplate(name, true);
    } catch (cause) {
      problems.push(templateDiagnostic(cause, root));
    }
  }
  return problems;
}

import type nunjucks from 'nunjucks';
import { type Diagnostic, GazetteError } from '../errors/diagnostic.js';
import { listTemplates } from './list-templates.js';
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
  const names = [...(await listTemplates(dirs, root)).keys()].sort();
  const problems: Diagnostic[] = [];
  for (const name of names) {
    try {
      env.getTemplate(name, true);
    } catch (cause) {
      // A file that is not UTF-8 is refused by the loader with its own error (strict-loader.ts).
      if (cause instanceof GazetteError) problems.push(...cause.diagnostics);
      else problems.push(templateDiagnostic(cause, root));
    }
  }
  return problems;
}

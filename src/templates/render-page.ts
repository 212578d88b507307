import type nunjucks from 'nunjucks';
import { GazetteError } from '../errors/diagnostic.js';
import type { Page } from '../pages/page.js';
import { templateDiagnostic } from './template-error.js';

/** Renders one page to HTML. A template problem becomes an error at the template's own file:line:col. */
export function renderPage(env: nunjucks.Environment, page: Page, root: string): string {
  try {
    return env.render(page.template, { ...page.context, url: page.url });
  } catch (cause) {
    const context = page.source
      ? `while rendering ${page.url} (from ${page.source})`
      : `while rendering ${page.url}`;
    throw new GazetteError([templateDiagnostic(cause, root, context)], { cause });
  }
}

import type nunjucks from 'nunjucks';
import type { BodyRef } from '../bodies/body-ref.js';
import { GazetteError } from '../errors/diagnostic.js';
import type { Page } from '../pages/page.js';
import { templateDiagnostic } from './template-error.js';

const inline = (ref: BodyRef) => ('html' in ref ? ref.html : '');

/**
 * Renders one page to HTML. A template problem becomes an error at the template's own file:line:col.
 * The body of the article it shows, if any, is read with `readBody` and given to the template as
 * `article.html`.
 */
export function renderPage(
  env: nunjucks.Environment,
  page: Page,
  root: string,
  readBody: (ref: BodyRef) => string = inline,
): string {
  const context =
    page.body && page.context.article
      ? { ...page.context, article: { ...page.context.article, html: readBody(page.body) } }
      : page.context;
  try {
    return env.render(page.template, { ...context, url: page.url });
  } catch (cause) {
    const rendering = page.source ? { page: page.url, source: page.source } : { page: page.url };
    throw new GazetteError([templateDiagnostic(cause, root, rendering)], { cause });
  }
}

import type nunjucks from 'nunjucks';
import type { BodyRef } from '../bodies/body-ref.js';
import { GazetteError } from '../errors/diagnostic.js';
import type { Page } from '../pages/page.js';
import { guardListed } from './own-page-only.js';
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
  // A list's entry read for what only the article's own page has: that read is the error (GZ0402).
  let ownPageOnly: string | undefined;
  const data = guardListed({ ...context, url: page.url }, (field) => {
    ownPageOnly ??= field;
  });
  try {
    return env.render(page.template, data);
  } catch (cause) {
    const rendering = {
      page: page.url,
      ...(page.source && { source: page.source }),
      ...(ownPageOnly && { ownPageOnly }),
    };
    throw new GazetteError([templateDiagnostic(cause, root, rendering)], { cause });
  }
}

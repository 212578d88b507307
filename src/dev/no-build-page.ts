import type { Lang } from '../messages/language.js';
import { uiText } from './ui-text.js';

/**
 * What the dev server answers before any build has succeeded (the site's first build failed): a page
 * of its own rather than a bare "404 Not Found", so that the live-reload script can show the
 * problems over it and reload it once they are fixed.
 */
export function noBuildPage(lang: Lang): string {
  const text = uiText(lang);
  return `<!doctype html>
<html lang="${text.htmlLang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${text.noPageTitle}</title></head>
<body><main><h1>${text.noPageTitle}</h1><p>${text.noPage}</p></main></body>
</html>
`;
}

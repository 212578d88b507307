import { UI_TEXT } from './ui-text.js';

/**
 * What the dev server answers before any build has succeeded (the site's first build failed): a page
 * of its own rather than a bare "404 Not Found", so that the live-reload script can show the
 * problems over it and reload it once they are fixed.
 */
export const NO_BUILD_PAGE = `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${UI_TEXT.noPageTitle}</title></head>
<body><main><h1>${UI_TEXT.noPageTitle}</h1><p>${UI_TEXT.noPage}</p></main></body>
</html>
`;

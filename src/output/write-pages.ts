import type nunjucks from 'nunjucks';
import type { BodyRef } from '../bodies/body-ref.js';
import type { Page } from '../pages/page.js';
import { renderPage } from '../templates/render-page.js';
import { outputPathOf } from '../urls/urls.js';
import type { OutputFolder } from './output-folder.js';

/** Renders each page and writes it out as soon as it is rendered: rendered HTML is never all held in memory. */
export async function writePages(
  pages: readonly Page[],
  env: nunjucks.Environment,
  root: string,
  output: OutputFolder,
  onWritten: (done: number, total: number) => void = () => {},
  readBody?: (ref: BodyRef) => string,
): Promise<void> {
  let done = 0;
  // One at a time: the output folder writes synchronously (see folderWriter).
  for (const page of pages) {
    await output.write(outputPathOf(page.url), renderPage(env, page, root, readBody));
    onWritten(++done, pages.length);
  }
}

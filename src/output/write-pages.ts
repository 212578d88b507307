import type nunjucks from 'nunjucks';
import type { BodyRef } from '../bodies/body-ref.js';
import { outputPathOf } from '../graph/urls.js';
import type { Page } from '../pages/page.js';
import { renderPage } from '../templates/render-page.js';
import { eachBounded } from './each-bounded.js';
import type { OutputFolder } from './output-folder.js';

/** How many files are written at once: enough to keep the disk busy, few enough to bound memory. */
const CONCURRENT_WRITES = 16;

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
  await eachBounded(pages, CONCURRENT_WRITES, async (page) => {
    await output.write(outputPathOf(page.url), renderPage(env, page, root, readBody));
    onWritten(++done, pages.length);
  });
}

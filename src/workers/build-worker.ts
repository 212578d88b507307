import type { MarkdownIt } from 'markdown-it';
import type nunjucks from 'nunjucks';
import { workerData } from 'piscina';
import { BodyMissing, bodyReader } from '../bodies/body-pack.js';
import { GazetteError } from '../errors/diagnostic.js';
import { outputPathOf } from '../graph/urls.js';
import { eachBounded } from '../output/each-bounded.js';
import { folderWriter, type WriteOutcome } from '../output/output-folder.js';
import type { loadPacked as LoadPacked } from '../site/load-files.js';
import type { renderPage as RenderPage } from '../templates/render-page.js';
import type { WorkerInit, WorkerResult, WorkerTask } from './tasks.js';

// One Markdown parser, template environment and writer per worker, made on first use and kept for
// every task after: compiling them is what a worker must not repeat. A build loads articles in one
// pool and renders pages in another: each worker loads only the modules its kind of task needs (the
// pinyin dictionary, YAML, markdown-it; or Nunjucks), and the rendering threads start with a heap
// free of what loading left.
const init = workerData as WorkerInit;
let md: MarkdownIt | undefined;
let load: typeof LoadPacked | undefined;
let env: nunjucks.Environment | undefined;
let renderPage: typeof RenderPage | undefined;
let writer: ReturnType<typeof folderWriter> | undefined;
const bodies = bodyReader();
/** Files a worker writes at once while it renders on. */
const WRITES_IN_FLIGHT = 8;

/** The task function piscina runs in each worker thread. Errors in the site come back as data. */
export default async function run(task: WorkerTask): Promise<WorkerResult> {
  if (task.kind === 'load') {
    md ??= (await import('../markdown/markdown-it.js')).createMarkdown(init.config.basePath);
    load ??= (await import('../site/load-files.js')).loadPacked;
    const { config, publish, images, bodiesDir } = init;
    return { kind: 'load', results: load(task.files, config, publish, md, images, bodiesDir, task.pack) };
  }
  env ??= (await import('../templates/environment.js')).createEnvironment(init.root, init.config);
  renderPage ??= (await import('../templates/render-page.js')).renderPage;
  const render = renderPage;
  writer ??= folderWriter(task.staging, task.previous, task.replace);
  const written: Array<[string, WriteOutcome]> = [];
  const out = writer;
  const templates = env;
  try {
    // Writes go on while the next pages render: waiting for each would leave the thread idle. Every
    // write has ended before an error goes back: the staging folder may be removed next.
    await eachBounded(task.pages, WRITES_IN_FLIGHT, async (page) => {
      const file = outputPathOf(page.url);
      written.push([file, await out.write(file, render(templates, page, init.root, bodies.read))]);
    });
  } catch (cause) {
    if (cause instanceof GazetteError) return { kind: 'render', written, diagnostics: cause.diagnostics };
    // Its class does not survive the way back to the main thread: say it in data.
    if (cause instanceof BodyMissing)
      return { kind: 'render', written, diagnostics: [], lostBody: cause.message };
    throw cause;
  }
  return { kind: 'render', written, diagnostics: [] };
}

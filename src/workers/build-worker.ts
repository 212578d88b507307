import { workerData } from 'piscina';
import { BodyMissing, bodyReader } from '../bodies/body-pack.js';
import { CacheUnwritable } from '../cache/cache-unwritable.js';
import { GazetteError } from '../errors/diagnostic.js';
import { type FolderWriter, folderWriter, type WriteOutcome } from '../output/folder-writer.js';
import type { Page } from '../pages/page.js';
import { outputPathOf } from '../urls/urls.js';
import type { LoadTask, WorkerInit, WorkerResult, WorkerTask } from './tasks.js';

// A build loads articles in one pool of threads and renders pages in another, so that each thread
// holds only the modules its tasks need, and the rendering threads start with a heap free of what
// loading left (a cold build of 20,000 articles peaked at 342 MiB, against 413 with one pool). The
// Markdown parser or the template environment is made once per thread, when the thread starts (the
// main thread is still busy then), and kept for every task after.
const init = workerData as WorkerInit;
const bodies = bodyReader();
const loader = init.role === 'load' ? loaderFor(init) : undefined;
const renderer = init.role === 'render' ? rendererFor(init) : undefined;
// A failure to load the modules is reported by the first task that awaits them, not as unhandled.
loader?.catch(() => {});
renderer?.catch(() => {});
let writer: FolderWriter | undefined;

async function loaderFor({ config, publish, images, bodiesDir }: WorkerInit) {
  const [{ createMarkdown }, { loadPacked }] = await Promise.all([
    import('../markdown/markdown-it.js'),
    import('../site/load-files.js'),
  ]);
  const md = createMarkdown(config.basePath);
  return (task: LoadTask) => loadPacked(task.files, config, publish, md, images, bodiesDir, task.pack);
}

async function rendererFor({ root, config }: WorkerInit) {
  const [{ createEnvironment }, { renderPage }] = await Promise.all([
    import('../templates/environment.js'),
    import('../templates/render-page.js'),
  ]);
  const env = createEnvironment(root, config);
  return (page: Page) => renderPage(env, page, root, bodies.read);
}

/** The task function piscina runs in each worker thread. Errors in the site come back as data. */
export default async function run(task: WorkerTask): Promise<WorkerResult> {
  if (task.kind === 'load') {
    if (!loader) throw new Error('a load task was sent to a rendering thread');
    const load = await loader;
    try {
      return { kind: 'load', results: load(task) };
    } catch (cause) {
      // Its class does not survive the way back to the main thread: say it in data.
      if (cause instanceof CacheUnwritable) return { kind: 'load', results: [], unwritable: cause.failure };
      throw cause;
    }
  }
  if (!renderer) throw new Error('a render task was sent to a loading thread');
  const render = await renderer;
  writer ??= folderWriter(task.staging, task.previous, task.replaced);
  const written: Array<[string, WriteOutcome]> = [];
  try {
    // Written as each is rendered, synchronously (see folderWriter): the thread has nothing else to
    // do meanwhile, and when an error goes back no write is still running into the staging folder.
    for (const page of task.pages) {
      const file = outputPathOf(page.url);
      written.push([file, writer.write(file, render(page))]);
    }
  } catch (cause) {
    if (cause instanceof GazetteError) return { kind: 'render', written, diagnostics: cause.diagnostics };
    // Its class does not survive the way back to the main thread: say it in data.
    if (cause instanceof BodyMissing)
      return { kind: 'render', written, diagnostics: [], lostBody: cause.message };
    throw cause;
  }
  return { kind: 'render', written, diagnostics: [] };
}

import type { MarkdownIt } from 'markdown-it';
import type nunjucks from 'nunjucks';
import { workerData } from 'piscina';
import { GazetteError } from '../errors/diagnostic.js';
import { outputPathOf } from '../graph/urls.js';
import { createMarkdown } from '../markdown/markdown-it.js';
import { folderWriter, type WriteOutcome } from '../output/output-folder.js';
import { loadEntries } from '../site/load-entries.js';
import { createEnvironment } from '../templates/environment.js';
import { renderPage } from '../templates/render-page.js';
import type { WorkerInit, WorkerResult, WorkerTask } from './tasks.js';

// One Markdown parser, template environment and writer per worker, made on first use and kept for
// every task after: compiling them is what a worker must not repeat.
const init = workerData as WorkerInit;
let md: MarkdownIt | undefined;
let env: nunjucks.Environment | undefined;
let writer: ReturnType<typeof folderWriter> | undefined;

/** The task function piscina runs in each worker thread. Errors in the site come back as data. */
export default async function run(task: WorkerTask): Promise<WorkerResult> {
  if (task.kind === 'load') {
    md ??= createMarkdown(init.config.basePath);
    return {
      kind: 'load',
      loaded: loadEntries(task.files, init.config, init.publish, md, new Map(), init.images),
    };
  }
  env ??= createEnvironment(init.root, init.config);
  writer ??= folderWriter(task.staging, task.previous);
  const written: Array<[string, WriteOutcome]> = [];
  try {
    for (const page of task.pages) {
      const file = outputPathOf(page.url);
      written.push([file, await writer.write(file, renderPage(env, page, init.root))]);
    }
  } catch (cause) {
    if (cause instanceof GazetteError) return { kind: 'render', written, diagnostics: cause.diagnostics };
    throw cause;
  }
  return { kind: 'render', written, diagnostics: [] };
}

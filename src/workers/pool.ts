import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Piscina } from 'piscina';
import type { SourceFile } from '../content/article.js';
import { type Diagnostic, GazetteError } from '../errors/diagnostic.js';
import type { OutputFolder } from '../output/output-folder.js';
import type { Page } from '../pages/page.js';
import { PACKAGE_ROOT } from '../paths.js';
import type { LoadedEntries } from '../site/load-entries.js';
import type { WorkerInit, WorkerResult } from './tasks.js';

/** Workers run the compiled code (lib/), also when the build itself runs from the sources in tests. */
const WORKER_FILE = path.join(PACKAGE_ROOT, 'lib', 'workers', 'build-worker.js');

/** Below this many articles, starting threads costs more than it saves. */
const PARALLEL_FROM = 400;
/** Files or pages per task: large enough that messaging is cheap, small enough to share the work out evenly. */
const BATCH = 64;

/** How many threads a build of `articles` should use when the user did not say. */
export function defaultJobs(articles: number): number {
  if (articles < PARALLEL_FROM || !existsSync(WORKER_FILE)) return 1;
  return Math.min(os.availableParallelism(), 8);
}

export interface BuildPool {
  loadEntries(files: readonly SourceFile[]): Promise<LoadedEntries>;
  writePages(
    pages: readonly Page[],
    output: OutputFolder,
    onWritten: (done: number, total: number) => void,
  ): Promise<void>;
  close(): Promise<void>;
}

/** A pool of build workers (piscina) that validate and render articles and render and write pages. */
export function createBuildPool(jobs: number, init: WorkerInit): BuildPool {
  const pool = new Piscina<unknown, WorkerResult>({
    filename: WORKER_FILE,
    minThreads: jobs,
    maxThreads: jobs,
    workerData: init,
  });
  const slices = <T>(items: readonly T[]) =>
    Array.from({ length: Math.ceil(items.length / BATCH) }, (_, i) =>
      items.slice(i * BATCH, (i + 1) * BATCH),
    );

  return {
    async loadEntries(files) {
      const results = await Promise.all(
        slices(files).map((batch) => pool.run({ kind: 'load', files: batch })),
      );
      // Slices come back in the order they were sent: concatenating keeps the files' order.
      const published = [];
      const diagnostics: Diagnostic[] = [];
      const skipped = { draft: 0, future: 0 };
      for (const r of results) {
        if (r.kind !== 'load') continue;
        published.push(...r.loaded.published);
        diagnostics.push(...r.loaded.diagnostics);
        skipped.draft += r.loaded.skipped.draft;
        skipped.future += r.loaded.skipped.future;
      }
      return { published, diagnostics, skipped };
    },
    async writePages(pages, output, onWritten) {
      let done = 0;
      const where = { staging: output.dir, ...(output.previous && { previous: output.previous }) };
      const results = await Promise.all(
        slices(pages).map(async (batch) => {
          const r = await pool.run({ kind: 'render', pages: batch, ...where });
          if (r.kind === 'render') {
            for (const [file, outcome] of r.written) output.record(file, outcome);
            done += r.written.length;
            onWritten(done, pages.length);
          }
          return r;
        }),
      );
      const problems = results.flatMap((r) => (r.kind === 'render' ? r.diagnostics : []));
      // Every worker that hit the same template error reports it: say it once.
      const unique = [
        ...new Map(problems.map((d) => [JSON.stringify([d.file, d.position, d.message]), d])).values(),
      ];
      if (unique.length > 0) throw new GazetteError(unique);
    },
    close: () => pool.destroy(),
  };
}

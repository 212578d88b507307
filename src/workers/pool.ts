import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Piscina } from 'piscina';
import { BodyMissing } from '../bodies/body-pack.js';
import { CacheUnwritable } from '../cache/cache-unwritable.js';
import type { SourceFile, SourceRef } from '../content/article.js';
import { GazetteError } from '../errors/diagnostic.js';
import type { OutputFolder } from '../output/output-folder.js';
import type { Page } from '../pages/page.js';
import { PACKAGE_ROOT } from '../paths.js';
import type { FileResult } from '../site/load-files.js';
import { shareRepeated } from '../site/share-repeated.js';
import { limitHeapGrowth, THREADS_GROWING_PERCENT } from './heap-growth.js';
import type { WorkerInit, WorkerResult } from './tasks.js';

/** Workers run the compiled code (lib/), also when the build itself runs from the sources in tests. */
const WORKER_FILE = path.join(PACKAGE_ROOT, 'lib', 'workers', 'build-worker.js');

/**
 * Below this many articles to load, or pages to render, starting threads costs more than it saves.
 * A page renders several times faster than an article loads (Markdown), and each thread loads
 * gazette's modules and compiles the templates first: a new article at 20,000 articles re-renders
 * about 700 pages, which took 1.3 s of CPU time on the main thread against 2.7–3.3 s with two
 * threads, in about the same wall time; at 100,000 articles it re-renders about 3,400 pages, in
 * 1.6–2.6 s on the main thread against 2.1–3.0 s with two threads, which also added about 140 MiB to
 * the process, past 1 GiB (bench/RESULTS.md, session 15).
 */
const PARALLEL_FROM: Readonly<Record<WorkerInit['role'], number>> = { load: 400, render: 4000 };
/** Files or pages per task: large enough that messaging is cheap, small enough to share the work out evenly. */
const BATCH = 64;

/** How many threads a build should use for `work` items of `role` when the user did not say. */
export function defaultJobs(work: number, role: WorkerInit['role']): number {
  if (work < PARALLEL_FROM[role] || !existsSync(WORKER_FILE)) return 1;
  return Math.min(os.availableParallelism(), 8);
}

export interface BuildPool {
  /** Validates and renders files, packing the bodies under names from `packNames`. */
  loadFiles(
    files: ReadonlyArray<SourceFile | SourceRef>,
    packNames: (index: number) => string,
  ): Promise<FileResult[]>;
  writePages(
    pages: readonly Page[],
    output: OutputFolder,
    onWritten: (done: number, total: number) => void,
  ): Promise<void>;
  close(): Promise<void>;
}

/** A pool of build workers (piscina) that validate and render articles and render and write pages. */
export function createBuildPool(jobs: number, init: WorkerInit): BuildPool {
  limitHeapGrowth(THREADS_GROWING_PERCENT);
  // piscina is loaded with the first pool: a rebuild of a few files never starts one.
  const started: Promise<Piscina<unknown, WorkerResult>> = import('piscina').then(
    ({ Piscina }) =>
      new Piscina<unknown, WorkerResult>({
        filename: WORKER_FILE,
        minThreads: jobs,
        maxThreads: jobs,
        // A second task waits in each thread's queue, so that a thread need not wait for the main
        // thread between tasks: a cold build of 20,000 articles into tmpfs went from 12.7-13.1 s to
        // 11.7 s. The two never run interleaved: past awaiting its modules, a task runs synchronously.
        concurrentTasksPerWorker: 2,
        workerData: init,
      }),
  );
  const pool = {
    run: async (task: unknown) => (await started).run(task),
    destroy: async () => (await started).destroy(),
  };
  const slices = <T>(items: readonly T[]) =>
    Array.from({ length: Math.ceil(items.length / BATCH) }, (_, i) =>
      items.slice(i * BATCH, (i + 1) * BATCH),
    );

  return {
    async loadFiles(files, name) {
      const results = await Promise.all(
        slices(files).map((batch, i) => pool.run({ kind: 'load', files: batch, pack: name(i) })),
      );
      const unpacked = results.find((r) => r.kind === 'load' && r.unwritable);
      if (unpacked?.kind === 'load' && unpacked.unwritable) throw new CacheUnwritable(unpacked.unwritable);
      // Slices come back in the order they were sent: concatenating keeps the files' order.
      const all = results.flatMap((r) => (r.kind === 'load' ? r.results : []));
      shareRepeated(all);
      return all;
    },
    async writePages(pages, output, onWritten) {
      let done = 0;
      const where = {
        staging: output.dir,
        ...(output.replaced && { replaced: output.replaced }),
        ...(output.previous && { previous: output.previous }),
      };
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
      const lost = results.find((r) => r.kind === 'render' && r.lostBody);
      if (lost?.kind === 'render' && lost.lostBody) throw new BodyMissing(lost.lostBody);
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

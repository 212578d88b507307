import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { PACKAGE_ROOT } from '../paths.js';
import { type FileStats, fileStatsOf, statsHere } from './file-stats.js';

/** The thread runs the compiled code (lib/), also when the build runs from the sources in tests. */
const THREAD_FILE = path.join(PACKAGE_ROOT, 'lib', 'fs', 'stat-thread.js');

/**
 * Below this many files, a thread costs more to start (about 30 ms) than the stats it takes off the
 * main thread (a stat of each of 24,000 files took 0.3–0.4 s on a slow machine).
 */
const OFF_THREAD_FROM = 4000;
/**
 * From this many, they are taken here after all: the thread holds its own copy of the paths, and a
 * rebuild of 100,000 articles (230,000 files of the previous site with the search bundle's) looks at
 * them while it plans, when it holds the most; one new article there peaked 38 MiB under 1 GiB.
 */
const OFF_THREAD_UNTIL = 100_000;

/**
 * A stat of each of `paths`, on a thread of its own, so that the main thread does other work
 * meanwhile (reads the build cache, plans the site): a rebuild of a large site looks at every
 * content file and every file of the previous site, and the machine's other core is mostly idle
 * then. The thread starts when this is called; its answer is read when awaited. Few paths, very
 * many, or no compiled thread file, and they are looked at here, at once; a thread that fails (it
 * could not start) leaves them to this one too.
 */
export function statsOffThread(paths: readonly string[]): Promise<FileStats> {
  const here = () => statsHere(paths);
  if (paths.length < OFF_THREAD_FROM || paths.length >= OFF_THREAD_UNTIL || !existsSync(THREAD_FILE))
    return Promise.resolve(here());
  return new Promise((resolve) => {
    let answered = false;
    const answer = (stats: () => FileStats) => {
      if (!answered) resolve(stats());
      answered = true;
    };
    const thread = new Worker(THREAD_FILE, { workerData: paths });
    thread.once('message', (numbers: Float64Array) => answer(() => fileStatsOf(numbers)));
    thread.once('error', () => answer(here));
    thread.once('exit', () => answer(here));
  });
}

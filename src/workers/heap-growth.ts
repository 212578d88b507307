import { setFlagsFromString } from 'node:v8';

/**
 * How far, in percent, V8 lets a thread's old generation grow past what survived its last full
 * collection before it collects again. V8's own factor on a machine with gigabytes of memory is up to
 * 4 (300%): the build worker threads, whose live data is under 30 MB, grew to 110–150 MB each,
 * mostly garbage, and the main thread held 60 MB of garbage beside 105 MB of plan at 20,000 articles.
 * At 50% a cold build of 20,000 articles peaked at 412–428 MiB against 510–573 MiB, and one of
 * 100,000 at 940 MiB against 1,246 MiB, for 0–12% more CPU time (bench/RESULTS.md, session 5).
 */
export const THREADS_GROWING_PERCENT = 50;

/**
 * The same for a rebuild of a large site (see LARGE_REBUILD in build.ts), whose main thread holds the
 * whole site's plan (640–750 MB of heap at 100,000 articles): one new article there peaked at
 * 1,016–1,099 MiB at 50% and at 883–968 MiB at 20%, in about the same time (23–29 s either way;
 * bench/RESULTS.md, session 15).
 */
export const LARGE_PLAN_GROWING_PERCENT = 20;

/** The lowest factor asked for so far: V8's flags are the process's, and a later, larger ask must not undo it. */
let asked = Number.POSITIVE_INFINITY;

/**
 * Makes every thread of this process collect garbage sooner and so hold less memory. Called when a
 * build starts worker threads (a build that large is the one whose memory counts: a cold build), and
 * when a rebuild plans a large site. A rebuild of a smaller site, which starts no threads, and the
 * dev server keep V8's own factor: at 50% a title edit's rebuild of 20,000 articles, which parses
 * every cached result in the main thread, took about 0.3 s longer (3.1 s against 2.8 s). A program
 * that calls build() for a large site gets this setting too, which only makes its collections more
 * frequent.
 */
export function limitHeapGrowth(percent: number): void {
  if (percent >= asked) return;
  asked = percent;
  setFlagsFromString(`--heap-growing-percent=${percent}`);
}

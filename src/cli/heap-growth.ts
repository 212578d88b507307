import { setFlagsFromString } from 'node:v8';

/**
 * How far, in percent, V8 lets a thread's old generation grow past what survived its last full
 * collection before it collects again. V8's own factor on a machine with gigabytes of memory is up to
 * 4 (300%): the build worker threads, whose live data is under 30 MB, grew to 110–150 MB each,
 * mostly garbage, and the main thread held 60 MB of garbage beside 105 MB of plan at 20,000 articles.
 * At 50% a cold build of 20,000 articles peaked at 412–428 MiB against 510–573 MiB, and one of
 * 100,000 at 940 MiB against 1,246 MiB, for 0–12% more CPU time (bench/RESULTS.md, session 5).
 */
const HEAP_GROWING_PERCENT = 50;

/**
 * Makes every thread of this process, the workers started after it included, collect garbage sooner
 * and so hold less memory. For the command line, which owns its process; the build API leaves the
 * process of whoever calls it as it is.
 */
export function limitHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

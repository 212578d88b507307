import type { ProgressEvent } from './options.js';

/** Runs one named step of a build, timing it for the report and the progress display. */
export type Step = <T>(name: string, run: () => T | Promise<T>) => Promise<T>;

export function stepTimer(progress?: (event: ProgressEvent) => void): {
  step: Step;
  timings: Array<[string, number]>;
} {
  const timings: Array<[string, number]> = [];
  const step: Step = async (name, run) => {
    const start = performance.now();
    const result = await run();
    const ms = Math.round(performance.now() - start);
    timings.push([name, ms]);
    progress?.({ kind: 'step', name, ms });
    return result;
  };
  return { step, timings };
}

import { type Diagnostic, hasErrors } from '../errors/diagnostic.js';
import type { Batch } from './render-batch.js';

export interface RebuildReport {
  readonly ok: boolean;
  /** Errors (when not ok) and warnings. */
  readonly diagnostics: readonly Diagnostic[];
  /** The articles left out for their date, named (futureDatedListing); empty if content was not loaded. */
  readonly futureDated: readonly Diagnostic[];
  /** Output paths written or removed by this rebuild: `xuexi/index.html`. */
  readonly changed: readonly string[];
  readonly rendered: number;
  readonly ms: number;
}

/** One rebuild's report as it goes: what it found so far. */
export interface Run {
  readonly started: number;
  readonly diagnostics: Diagnostic[];
  futureDated: readonly Diagnostic[];
  /** Content files (or folders) built without: their problems do not stop the rebuild. */
  readonly leaveOut: ReadonlySet<string> | undefined;
}

export const startRun = (leaveOut: ReadonlySet<string> | undefined): Run => ({
  started: performance.now(),
  diagnostics: [],
  futureDated: [],
  leaveOut,
});

/** Whether what the run found stops it: errors, but those of the files it is built without. */
export const stops = ({ diagnostics, leaveOut }: Run): boolean =>
  hasErrors(leaveOut ? diagnostics.filter((d) => !leaveOut.has(d.file)) : diagnostics);

export const failed = (run: Run, more: readonly Diagnostic[] = []): RebuildReport => ({
  ok: false,
  diagnostics: [...run.diagnostics, ...more],
  futureDated: run.futureDated,
  changed: [],
  rendered: 0,
  ms: Math.round(performance.now() - run.started),
});

export function succeeded(run: Run, batch: Batch): RebuildReport {
  const changed = [...batch.write.keys(), ...batch.remove].sort();
  return {
    ok: true,
    diagnostics: run.diagnostics,
    futureDated: run.futureDated,
    changed,
    rendered: changed.length,
    ms: Math.round(performance.now() - run.started),
  };
}

export const NOTHING_YET: RebuildReport = {
  ok: true,
  diagnostics: [],
  futureDated: [],
  changed: [],
  rendered: 0,
  ms: 0,
};

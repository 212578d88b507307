import { statSync } from 'node:fs';
import type { FileStamp } from './file-stamp.js';

/**
 * The statuses of many files, as a stat of each (following links) found them: a path's stamp, if
 * it is a file. A path whose stat failed otherwise than by being gone (no permission) has no
 * status: `failed` says so, and its caller stats it again itself, to report why.
 */
export interface FileStats {
  /** The stamp of the file at `index`; undefined if it is gone, not a file, or its stat failed. */
  stamp(index: number): FileStamp | undefined;
  failed(index: number): boolean;
}

/** How a path was found, the first of its STAT_WIDTH numbers; then size, mtimeMs, ctimeMs, ino. */
export const GONE = 0;
export const FILE = 1;
export const NOT_A_FILE = 2;
export const STAT_FAILED = 3;
export const STAT_WIDTH = 5;

/** The statuses as numbers, STAT_WIDTH a path (what the stat thread sends). */
export function fileStatsOf(numbers: Float64Array): FileStats {
  return {
    stamp(index) {
      const at = STAT_WIDTH * index;
      if (numbers[at] !== FILE) return undefined;
      return {
        size: numbers[at + 1] as number,
        mtimeMs: numbers[at + 2] as number,
        ctimeMs: numbers[at + 3] as number,
        ino: numbers[at + 4] as number,
      };
    },
    failed: (index) => numbers[STAT_WIDTH * index] === STAT_FAILED,
  };
}

/** A stat of each of `paths`, here and now, as numbers (STAT_WIDTH a path). */
export function statNumbers(paths: readonly string[]): Float64Array {
  const numbers = new Float64Array(STAT_WIDTH * paths.length);
  paths.forEach((file, i) => {
    try {
      const s = statSync(file, { throwIfNoEntry: false });
      numbers[STAT_WIDTH * i] = !s ? GONE : s.isFile() ? FILE : NOT_A_FILE;
      if (s) numbers.set([s.size, s.mtimeMs, s.ctimeMs, s.ino], STAT_WIDTH * i + 1);
    } catch {
      numbers[STAT_WIDTH * i] = STAT_FAILED;
    }
  });
  return numbers;
}

/** The statuses of `paths`, each stat taken here and now. */
export const statsHere = (paths: readonly string[]): FileStats => fileStatsOf(statNumbers(paths));

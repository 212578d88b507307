import { statSync } from 'node:fs';
import type { FileStamp } from './file-stamp.js';

/**
 * The statuses of many files, as a stat of each (following links) found them: a path's stamp, if
 * it is a file. A path gone, not a file, or whose stat failed (no permission) has none: a caller
 * that must say why stats it again itself.
 */
export interface FileStats {
  /** The stamp of the file at `index`; undefined if it is gone, not a file, or its stat failed. */
  stamp(index: number): FileStamp | undefined;
}

/** STAT_WIDTH numbers a path: FILE if it is a file (else 0), then size, mtimeMs, ctimeMs, ino. */
const FILE = 1;
const STAT_WIDTH = 5;

/** The statuses as numbers, STAT_WIDTH a path (what statNumbers makes, here or on the stat thread). */
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
  };
}

/** A stat of each of `paths`, here and now, as numbers (STAT_WIDTH a path). */
export function statNumbers(paths: readonly string[]): Float64Array {
  const numbers = new Float64Array(STAT_WIDTH * paths.length);
  paths.forEach((file, i) => {
    try {
      const s = statSync(file, { throwIfNoEntry: false });
      if (s?.isFile()) numbers.set([FILE, s.size, s.mtimeMs, s.ctimeMs, s.ino], STAT_WIDTH * i);
    } catch {
      // No status: the caller stats it again if it must say why.
    }
  });
  return numbers;
}

/** The statuses of `paths`, each stat taken here and now. */
export const statsHere = (paths: readonly string[]): FileStats => fileStatsOf(statNumbers(paths));

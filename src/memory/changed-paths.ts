import path from 'node:path';

/** What the watcher says changed before a rebuild. */
export interface ChangedPaths {
  /** Anything may have changed: the first rebuild, or one asked for without paths. */
  readonly all: boolean;
  /** The paths (absolute) that changed; empty when `all`. */
  readonly paths: readonly string[];
  /** Whether `dir` (absolute), or anything inside it, may have changed. */
  touched(dir: string): boolean;
}

export function changedPaths(paths: readonly string[] | undefined): ChangedPaths {
  if (paths === undefined) return { all: true, paths: [], touched: () => true };
  return {
    all: false,
    paths,
    touched: (dir) => paths.some((p) => p === dir || p.startsWith(dir + path.sep)),
  };
}

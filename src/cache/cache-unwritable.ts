import os from 'node:os';
import path from 'node:path';
import { CacheUnwritable, cacheWriteFailure } from '../bodies/cache-unusable.js';
import { type Diagnostic, GazetteError, problem } from '../errors/diagnostic.js';
import { detailOf, type FsFailure, fsFailureOf, isOutOfSpace } from '../fs/fs-failure.js';

export { CacheUnwritable, cacheWriteFailure };

/** Why saving the cache failed: the file system's failure, or what was thrown. */
export const saveFailureOf = (cause: unknown): FsFailure =>
  fsFailureOf(cause) ?? { code: '', detail: detailOf(cause) };

/** A failure as the values of a message (worded in src/messages/errno.ts). */
const valuesOf = (failure: FsFailure) => ({ errno: failure.code, detail: failure.detail });

/** The warning of a build whose cache was not saved: the site is built all the same. */
export function cacheNotSaved(root: string, dir: string, failure: FsFailure): Diagnostic {
  const shown = path.relative(root, dir).split(path.sep).join('/');
  return problem(
    'GZ0512',
    shown,
    undefined,
    { ...valuesOf(failure), full: isOutOfSpace(failure) ? 1 : 0, dir: shown },
    'warning',
  );
}

/**
 * A build without the cache keeps its articles' bodies in a temporary folder: if that cannot be
 * written either, the build cannot go on.
 */
export function bodiesNotWritten(failure: FsFailure): GazetteError {
  return new GazetteError([problem('GZ0513', os.tmpdir(), undefined, valuesOf(failure))]);
}

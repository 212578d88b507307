import os from 'node:os';
import path from 'node:path';
import { type Diagnostic, GazetteError, problem } from '../errors/diagnostic.js';
import { detailOf, type FsFailure, fsFailureOf, isOutOfSpace } from '../fs/fs-failure.js';
import { reasonEn } from '../messages/errno.js';
import { CacheUnusable } from './cache-unusable.js';

/**
 * The build cache could not be written (no permission, a read-only or full disk, a file where a
 * folder should be). Thrown where a body pack could not be written: the build starts again without
 * the cache, which stays as it was. Only a warning for the site: see cacheNotSaved.
 */
export class CacheUnwritable extends CacheUnusable {
  readonly failure: FsFailure;

  constructor(failure: FsFailure) {
    super(`the build cache cannot be written: ${reasonEn(valuesOf(failure))}`);
    this.name = 'CacheUnwritable';
    this.failure = failure;
  }
}

/** A failure to write into the cache as CacheUnwritable; anything but the file system's as it is. */
export function cacheWriteFailure(cause: unknown): unknown {
  const failure = fsFailureOf(cause);
  return failure ? new CacheUnwritable(failure) : cause;
}

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

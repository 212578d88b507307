import { type FsFailure, fsFailureOf } from '../fs/fs-failure.js';
import { reasonEn } from '../messages/errno.js';

/**
 * The build cache turned out to be unusable in the middle of a build (a body pack or the details
 * lost or damaged since the manifest was read): the build starts again without it.
 */
export class CacheUnusable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CacheUnusable';
  }
}

/**
 * The build cache could not be written (no permission, a read-only or full disk, a file where a
 * folder should be). Thrown where a body pack could not be written: the build starts again without
 * the cache, which stays as it was. Only a warning for the site: see cacheNotSaved.
 */
export class CacheUnwritable extends CacheUnusable {
  readonly failure: FsFailure;

  constructor(failure: FsFailure) {
    super(`the build cache cannot be written: ${reasonEn({ errno: failure.code, detail: failure.detail })}`);
    this.name = 'CacheUnwritable';
    this.failure = failure;
  }
}

/** A failure to write into the cache as CacheUnwritable; anything but the file system's as it is. */
export function cacheWriteFailure(cause: unknown): unknown {
  const failure = fsFailureOf(cause);
  return failure ? new CacheUnwritable(failure) : cause;
}

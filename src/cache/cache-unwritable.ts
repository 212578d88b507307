import os from 'node:os';
import path from 'node:path';
import { type Diagnostic, error, GazetteError, warning } from '../errors/diagnostic.js';
import { type FsFailure, fsFailureOf, isOutOfSpace } from '../fs/fs-failure.js';
import { CacheUnusable } from './cache-unusable.js';

/**
 * The build cache could not be written (no permission, a read-only or full disk, a file where a
 * folder should be). Thrown where a body pack could not be written: the build starts again without
 * the cache, which stays as it was. Only a warning for the site: see cacheNotSaved.
 */
export class CacheUnwritable extends CacheUnusable {
  readonly failure: FsFailure;

  constructor(failure: FsFailure) {
    super(`the build cache cannot be written: ${failure.reason}`);
    this.name = 'CacheUnwritable';
    this.failure = failure;
  }
}

/** A failure to write into the cache as CacheUnwritable; anything but the file system's as it is. */
export function cacheWriteFailure(cause: unknown): unknown {
  const failure = fsFailureOf(cause);
  return failure ? new CacheUnwritable(failure) : cause;
}

/** Why saving the cache failed: the file system's reason, or what was thrown. */
export const saveFailureOf = (cause: unknown): FsFailure =>
  fsFailureOf(cause) ?? { code: '', reason: cause instanceof Error ? cause.message : String(cause) };

/** The warning of a build whose cache was not saved: the site is built all the same. */
export function cacheNotSaved(root: string, dir: string, failure: FsFailure): Diagnostic {
  const shown = path.relative(root, dir).split(path.sep).join('/');
  const fix = isOutOfSpace(failure)
    ? 'free some space on the disk'
    : `make ${shown} a folder you may write (deleting it is safe)`;
  return warning(
    shown,
    `cannot save the build cache: ${failure.reason}`,
    undefined,
    `the site is built, but the next build cannot reuse its work; ${fix}, or build with --no-cache`,
  );
}

/**
 * A build without the cache keeps its articles' bodies in a temporary folder: if that cannot be
 * written either, the build cannot go on.
 */
export function bodiesNotWritten(failure: FsFailure): GazetteError {
  return new GazetteError([
    error(
      os.tmpdir(),
      `cannot write the articles' bodies into a temporary folder: ${failure.reason}`,
      undefined,
      'free some space there, or set TMPDIR to another folder, then build again; the previous site was left as it was',
    ),
  ]);
}

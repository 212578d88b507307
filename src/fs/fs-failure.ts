/**
 * A failure of the file system (a full disk, no permission), as the code Node gives it and in
 * words: the output folder and the build cache say why they could not be written the same way.
 */
export interface FsFailure {
  /** ENOSPC, EACCES, …: what the hint says to do depends on it. */
  readonly code: string;
  /** In words, with the code: `the disk is full (ENOSPC)`. */
  readonly reason: string;
}

const REASONS: Readonly<Record<string, string>> = {
  ENOSPC: 'the disk is full (ENOSPC)',
  EDQUOT: 'the disk quota is used up (EDQUOT)',
  EACCES: 'permission denied (EACCES)',
  EPERM: 'permission denied (EPERM)',
  EROFS: 'the file system is read-only (EROFS)',
  EMFILE: 'too many open files (EMFILE)',
  EIO: 'an input/output error (EIO)',
  ENOTDIR: 'a file is where a folder should be (ENOTDIR)',
};

/** Failures that more room on the disk would have avoided. */
export const isOutOfSpace = (failure: FsFailure): boolean =>
  failure.code === 'ENOSPC' || failure.code === 'EDQUOT';

/** What `cause` says if the file system threw it (it has an errno code); undefined for anything else. */
export function fsFailureOf(cause: unknown): FsFailure | undefined {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) return undefined;
  return { code, reason: REASONS[code] ?? (cause as Error).message };
}

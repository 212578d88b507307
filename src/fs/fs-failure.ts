/**
 * What the file system says when it fails (a full disk, no permission, a missing file): its errno
 * code (`ENOSPC`), the one place gazette reads it. Messages word the code in each language
 * (src/messages/errno.ts); the system's own text is kept for codes they do not know.
 */
export interface FsFailure {
  /** ENOSPC, EACCES, …: what the hint says to do depends on it. */
  readonly code: string;
  /** The system's own words (`ENOSPC: no space left on device, write`). */
  readonly detail: string;
}

/** The errno code of a failed file-system call (`ENOENT`); undefined for anything else thrown. */
export function errnoOf(cause: unknown): string | undefined {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) ? code : undefined;
}

/** What was thrown, in its own words. */
export const detailOf = (cause: unknown): string => (cause instanceof Error ? cause.message : String(cause));

/** A failure named for a message: its errno code (`ENOSPC`), else its own words. */
export const errorCode = (cause: unknown): string => errnoOf(cause) ?? detailOf(cause);

/** Failures that more room on the disk would have avoided. */
export const isOutOfSpace = (failure: FsFailure): boolean =>
  failure.code === 'ENOSPC' || failure.code === 'EDQUOT';

/** What `cause` says if the file system threw it (it has an errno code); undefined for anything else. */
export function fsFailureOf(cause: unknown): FsFailure | undefined {
  const code = errnoOf(cause);
  return code === undefined ? undefined : { code, detail: detailOf(cause) };
}

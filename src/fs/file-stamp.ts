/** Enough of a file's status to tell, as git's index does, that it has not changed since. */
export interface FileStamp {
  readonly size: number;
  readonly mtimeMs: number;
  readonly ctimeMs: number;
  readonly ino: number;
}

/** A file's status, as the stamp of its bytes. */
export const stampOf = (s: { size: number; mtimeMs: number; ctimeMs: number; ino: number }): FileStamp => ({
  size: s.size,
  mtimeMs: s.mtimeMs,
  ctimeMs: s.ctimeMs,
  ino: s.ino,
});

/**
 * How long before a file was read a change of it still counts as racy. File times come from a clock
 * that may lag the reader's by a tick (up to 10 ms): a margin keeps a change made just after a file
 * was read from passing for one made before.
 */
const RACY_MS = 50;

/**
 * Whether two statuses of a file are the same: length, times and inode. The change time cannot be
 * set by hand: a file overwritten with its old modification time kept (`cp -p`) is told.
 */
export const sameStamp = (was: FileStamp, now: FileStamp): boolean =>
  was.size === now.size && was.mtimeMs === now.mtimeMs && was.ctimeMs === now.ctimeMs && was.ino === now.ino;

/**
 * Whether a file read at `readAt`, whose status was `was` then and is `now`, still has the bytes it
 * had, as git's index tells: the same status (sameStamp), and no change about when it was read (a
 * change in the same tick as the read, or just after it, leaves the same times).
 */
export const unchangedSince = (was: FileStamp, now: FileStamp, readAt: number): boolean =>
  sameStamp(was, now) && now.mtimeMs < readAt - RACY_MS && now.ctimeMs < readAt - RACY_MS;

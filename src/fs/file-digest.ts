import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';

/**
 * Bytes read at a time, into one buffer shared by every call: a large attachment (a video, a PDF)
 * is never held whole, and no buffer is made per file. Synchronous, so that no two calls share the
 * buffer at once; reading a photo from the page cache takes microseconds, and a round trip through
 * libuv's threads per read, with a buffer per file, took three times the CPU time.
 */
const buffer = Buffer.allocUnsafe(1 << 20);

/** The SHA-1 of a file's bytes (base64url), or undefined if it cannot be read (gone, no access). */
export function fileDigest(file: string): string | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const hash = createHash('sha1');
    for (let read = readSync(fd, buffer); read > 0; read = readSync(fd, buffer))
      hash.update(buffer.subarray(0, read));
    return hash.digest('base64url');
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

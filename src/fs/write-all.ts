import type { FileHandle } from 'node:fs/promises';

/**
 * Writes all of `bytes` at the file's position. A write may write less than it was given without
 * failing (the kernel writes what fits on a nearly full disk and says how much): the rest is
 * written again, and then the disk says it is full.
 */
export async function writeAll(handle: FileHandle, bytes: Uint8Array): Promise<void> {
  for (let done = 0; done < bytes.length; ) {
    const { bytesWritten } = await handle.write(bytes, done, bytes.length - done);
    // Nothing written and no error: nothing more will fit.
    if (bytesWritten === 0)
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    done += bytesWritten;
  }
}

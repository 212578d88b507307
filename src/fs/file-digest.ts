import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';

/** Bytes read at a time: a large attachment (a video, a PDF) is never held whole. */
const CHUNK = 1 << 20;

/** The SHA-1 of a file's bytes (base64url), or undefined if it cannot be read (gone, no access). */
export async function fileDigest(file: string): Promise<string | undefined> {
  const handle = await open(file, 'r').catch(() => undefined);
  if (!handle) return undefined;
  try {
    const hash = createHash('sha1');
    const buffer = new Uint8Array(CHUNK);
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, CHUNK, null);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
    }
    return hash.digest('base64url');
  } catch {
    return undefined;
  } finally {
    await handle.close();
  }
}

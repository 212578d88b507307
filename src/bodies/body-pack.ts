import { closeSync, mkdirSync, openSync, readSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import type { BodyRef, BodySink, PackedBody } from './body-ref.js';
import { CacheUnusable, cacheWriteFailure } from './cache-unusable.js';

/**
 * Bodies are stored as UTF-16, the form V8 keeps Chinese text in: reading one back is a copy, where
 * decoding UTF-8 took 44 µs for a 13 KB body (0.9 s of a 20,000-article build's CPU time), and
 * Chinese text takes two bytes per character instead of three.
 */
const ENCODING = 'utf16le';

/**
 * Collects bodies into one pack file: `add` says where each will be, `flush` writes them all at once
 * (one file per batch of articles, not one per article: creating files is what costs on most disks).
 * The file is written under a temporary name and renamed, so a pack on disk is always complete.
 * A pack that cannot be written throws CacheUnwritable.
 */
export function packWriter(dir: string, name: string): { add: BodySink; flush(): void } {
  const pack = path.join(dir, name);
  const chunks: Buffer[] = [];
  let offset = 0;
  return {
    add(html) {
      const bytes = Buffer.from(html, ENCODING);
      chunks.push(bytes);
      const ref: PackedBody = { pack, offset, length: bytes.length, crc: crc32(bytes) };
      offset += bytes.length;
      return ref;
    },
    flush() {
      if (chunks.length === 0) return;
      // A pack that cannot be written (a full disk) leaves its folder to the build's clean-up.
      try {
        mkdirSync(path.dirname(pack), { recursive: true });
        const temporary = `${pack}.${process.pid}.tmp`;
        writeFileSync(temporary, Buffer.concat(chunks));
        renameSync(temporary, pack);
      } catch (cause) {
        throw cacheWriteFailure(cause);
      }
      chunks.length = 0;
    },
  };
}

/** A thrown BodyMissing means the pack is gone or damaged: the build cache cannot be used. */
export class BodyMissing extends CacheUnusable {
  constructor(what: PackedBody | string) {
    super(
      typeof what === 'string'
        ? what
        : `the build cache has lost or damaged an article body (${path.basename(what.pack)} at ${what.offset})`,
    );
  }
}

/**
 * Reads bodies back from their refs, keeping each pack open once read from. Synchronous: it is
 * called while rendering a page, in a worker thread whose only job that is.
 */
export function bodyReader(): { read(ref: BodyRef): string; close(): void } {
  const open = new Map<string, number>();
  return {
    read(ref) {
      if ('html' in ref) return ref.html;
      let fd = open.get(ref.pack);
      if (fd === undefined) {
        try {
          fd = openSync(ref.pack, 'r');
        } catch {
          throw new BodyMissing(ref);
        }
        open.set(ref.pack, fd);
      }
      const buffer = Buffer.allocUnsafe(ref.length);
      const got = readSync(fd, buffer, 0, ref.length, ref.offset);
      if (got !== ref.length || crc32(buffer) !== ref.crc) throw new BodyMissing(ref);
      return buffer.toString(ENCODING);
    },
    close() {
      for (const fd of open.values()) closeSync(fd);
      open.clear();
    },
  };
}

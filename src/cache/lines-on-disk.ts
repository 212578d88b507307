import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { CacheUnusable } from '../bodies/cache-unusable.js';

/**
 * The lines of a file of JSON lines (the build cache's details.json), read when asked for rather
 * than held: at 100,000 articles the details are 195 MB, which a rebuild held whole from start to
 * end beside everything it parsed from them. The file is scanned once (its digest checked, where
 * each line lies noted), then each line is read back from the same open file when it is asked for.
 * A build replaces the file by renaming another into place, never by writing into it, so the file
 * open is still the one whose digest was checked.
 */
export interface LinesOnDisk {
  /** The first lines, as many as asked for, as read. */
  readonly head: readonly Buffer[];
  /** How many lines follow the head. */
  readonly count: number;
  /**
   * Line `index` after the head: a view of the chunk of the file read with it, valid until the next
   * line is asked for (the chunk's buffer is then read into again). A caller that keeps a line copies it.
   */
  line(index: number): Buffer;
  /** Closes the file: no line can be read after. */
  close(): void;
}

/** Bytes read at a time, when scanning and when reading lines back (a line is about 2 KB). */
const CHUNK = 1 << 20;

/**
 * Scans `file`: its lines if its digest (SHA-1, hex) is `digest`, else undefined (or if it is missing).
 * Empty lines are not lines. The first `headCount` lines are read as they are; the others, later.
 */
export function linesOnDisk(file: string, digest: string, headCount: number): LinesOnDisk | undefined {
  let fd: number;
  try {
    // Read synchronously, as lines are read back (see reader): nothing else of a build runs meanwhile.
    fd = openSync(file, 'r');
  } catch {
    return undefined;
  }
  const hash = createHash('sha1');
  const head: Buffer[] = [];
  let piece: Buffer[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let lineStart = 0;
  let at = 0;
  try {
    for (;;) {
      const chunk = Buffer.allocUnsafe(CHUNK);
      const bytesRead = readSync(fd, chunk, 0, CHUNK, at);
      if (bytesRead === 0) break;
      const bytes = chunk.subarray(0, bytesRead);
      hash.update(bytes);
      for (let from = 0; from < bytes.length; ) {
        const newline = bytes.indexOf(0x0a, from);
        const stop = newline < 0 ? bytes.length : newline;
        if (head.length < headCount) piece.push(bytes.subarray(from, stop));
        if (newline < 0) break;
        // A line ends: the head keeps its bytes, the others where they are.
        if (at + newline > lineStart) {
          if (head.length < headCount) head.push(Buffer.concat(piece));
          else {
            starts.push(lineStart);
            ends.push(at + newline);
          }
        }
        piece = [];
        lineStart = at + newline + 1;
        from = newline + 1;
      }
      at += bytesRead;
    }
    if (at > lineStart) {
      if (head.length < headCount) head.push(Buffer.concat(piece));
      else {
        starts.push(lineStart);
        ends.push(at);
      }
    }
  } catch (cause) {
    closeSync(fd);
    throw cause;
  }
  if (hash.digest('hex') !== digest) {
    closeSync(fd);
    return undefined;
  }
  return reader(fd, file, head, Float64Array.from(starts), Float64Array.from(ends));
}

/** Reads lines back by where the scan found them, a chunk at a time (lines are mostly asked for in order). */
function reader(
  fd: number,
  file: string,
  head: Buffer[],
  starts: Float64Array,
  ends: Float64Array,
): LinesOnDisk {
  let buffer: Buffer | undefined;
  let chunk: Buffer | undefined;
  let chunkAt = 0;
  let closed = false;
  return {
    head,
    count: starts.length,
    line(index) {
      const start = starts[index];
      const end = ends[index];
      if (start === undefined || end === undefined || closed)
        throw new CacheUnusable(`the build cache has no line ${index} of ${file}`);
      if (!chunk || start < chunkAt || end > chunkAt + chunk.length) {
        // Chunks start at multiples of CHUNK: lines asked for backwards read each chunk once too.
        chunkAt = Math.floor(start / CHUNK) * CHUNK;
        const length = Math.min(Math.max(CHUNK, end - chunkAt), (ends[ends.length - 1] ?? 0) - chunkAt);
        // One buffer read into again and again: a new one per chunk was 189 MB of buffers at
        // 100,000 articles for each pass over the lines (a whole-site plan makes three), which
        // the garbage collector let pile up.
        if (!buffer || buffer.length < length) buffer = Buffer.allocUnsafe(Math.max(CHUNK, length));
        chunk = readAt(fd, buffer, chunkAt, length, file);
      }
      return chunk.subarray(start - chunkAt, end - chunkAt);
    },
    close() {
      if (closed) return;
      closed = true;
      chunk = undefined;
      buffer = undefined;
      closeSync(fd);
    },
  };
}

/** `length` bytes of the file from `at`, read into the start of `buffer`: a view of them. */
function readAt(fd: number, buffer: Buffer, at: number, length: number, file: string): Buffer {
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buffer, done, length - done, at + done);
    if (n === 0) throw new CacheUnusable(`the build cache's ${file} is shorter than when it was read`);
    done += n;
  }
  return buffer.subarray(0, length);
}

import { linkSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { readIfPresent } from '../fs/read-if-present.js';
import { utf8Bytes } from '../text/utf8.js';

export type WriteOutcome = 'added' | 'changed' | 'same';

export interface FolderWriter {
  /**
   * Puts the previous site's file at `relPath` into the folder as it is (a hard link); false if it
   * could only be copied (a file system without hard links).
   */
  keep(relPath: string): boolean;
  write(relPath: string, data: string | Uint8Array): WriteOutcome;
}

/**
 * Writes files under `dir`, creating folders as needed (each once), and never outside it. With
 * `previous` (the site being replaced), a file whose bytes are unchanged is hard-linked from there.
 * Used by the output folder and by build workers writing into the same staging folder.
 * With `replaced` (the folder started as the spare), a file already there is moved into that folder
 * first, never written into: it may be the very file (a hard link) the live site serves. Moved, not
 * unlinked: unlinking a spare's page that was its file's last link frees its blocks, which this
 * machine's disk (ext4 mounted with `discard`) made a wait of 1–4 ms each, 1–3 s for the ~700 pages
 * of a new article at 20,000 articles; the folder is deleted in the background (see OutputFolder).
 *
 * Synchronous, on purpose: writing a page goes to the page cache, and a round trip through libuv's
 * threads for each mkdir, open, write and close cost more than the call itself. At 20,000 articles
 * the promise-based writer took 2.4–3.4 s of CPU time to create 24,000 files, against 0.7–1.6 s.
 */
export function folderWriter(dir: string, previous?: string, replaced?: string): FolderWriter {
  const made = new Set<string>([dir]);
  const moveAside = replaced === undefined ? undefined : mover(replaced);
  const resolve = (relPath: string): string => {
    const full = path.resolve(dir, relPath);
    if (!full.startsWith(dir + path.sep))
      throw new Error(`refusing to write outside the output folder: ${relPath}`);
    const parent = path.dirname(full);
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    moveAside?.(full);
    return full;
  };
  const previousOf = (full: string) => (previous ? path.join(previous, path.relative(dir, full)) : '');
  return {
    keep(relPath) {
      if (!previous) throw new Error(`no previous site to keep ${relPath} from`);
      const full = resolve(relPath);
      const before = previousOf(full);
      // A link fails across file systems or on some network drives: then copy after all.
      if (tryLink(before, full)) return true;
      writeFileSync(full, readFileSync(before));
      return false;
    },
    write(relPath, data) {
      const full = resolve(relPath);
      const bytes = typeof data === 'string' ? utf8Bytes(data) : data;
      if (!previous) {
        writeFileSync(full, bytes);
        return 'added';
      }
      const before = previousOf(full);
      const old = readIfPresent(before);
      if (!old) {
        writeFileSync(full, bytes);
        return 'added';
      }
      const same = old.equals(bytes);
      // A link fails across file systems or on some network drives: then write after all.
      if (same && tryLink(before, full)) return 'same';
      writeFileSync(full, bytes);
      return same ? 'same' : 'changed';
    },
  };
}

/**
 * Moves files, if they are there, into `into` (made when first needed), each under a name of its own:
 * the thread's and a count, as the threads of one build share the folder.
 */
function mover(into: string): (full: string) => void {
  let count = 0;
  let made = false;
  return (full) => {
    for (;;) {
      try {
        renameSync(full, path.join(into, `${threadId}-${count++}`));
        return;
      } catch (cause) {
        const code = (cause as NodeJS.ErrnoException).code;
        if (code !== 'ENOENT') throw cause;
        // The file is not there (nothing to move), or the folder is not there yet.
        if (made) return;
        mkdirSync(into, { recursive: true });
        made = true;
      }
    }
  };
}

function tryLink(from: string, to: string): boolean {
  try {
    linkSync(from, to);
    return true;
  } catch {
    return false;
  }
}

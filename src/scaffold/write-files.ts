import { constants } from 'node:fs';
import { copyFile, lstat, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SiteFile } from './site-files.js';

/** The files of `files` that already exist in `dir` (as anything: a file, a folder, a link). */
export async function existingFiles(dir: string, files: readonly SiteFile[]): Promise<string[]> {
  const found = await Promise.all(
    files.map(async (f) =>
      (await lstat(path.join(dir, f.path)).catch(() => undefined)) ? f.path : undefined,
    ),
  );
  return found.filter((f) => f !== undefined);
}

/**
 * Writes every file into `dir`, never over an existing one (even one that appeared since it was
 * looked for): if any cannot be written, those already written are removed again, and it throws.
 */
export async function writeNewFiles(dir: string, files: readonly SiteFile[]): Promise<void> {
  const written: string[] = [];
  try {
    for (const f of files) {
      const full = path.join(dir, ...f.path.split('/'));
      await mkdir(path.dirname(full), { recursive: true });
      try {
        if ('copyOf' in f) await copyFile(f.copyOf, full, constants.COPYFILE_EXCL);
        else await writeFile(full, f.text, { encoding: 'utf8', flag: 'wx' });
      } catch (cause) {
        // A half-written file of ours goes; a file that was there is not ours to remove.
        if ((cause as NodeJS.ErrnoException).code !== 'EEXIST') await rm(full, { force: true });
        throw cause;
      }
      written.push(full);
    }
  } catch (cause) {
    await Promise.all(written.map((f) => rm(f, { force: true })));
    throw cause;
  }
}

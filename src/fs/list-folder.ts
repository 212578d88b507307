import { isUtf8 } from 'node:buffer';
import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';

/** One folder's entries, with the names that are not text apart. */
export interface FolderListing {
  readonly entries: Dirent[];
  /** Entries whose names are not UTF-8, by their bytes: nothing can open them by a name in a string. */
  readonly undecodable: Dirent<Buffer>[];
}

/**
 * The entries of `dir`. Node gives a name that is not UTF-8 (a zip made on Windows names its files
 * in GBK) with U+FFFD for each bad byte, and no file opens by that name: reading it fails with
 * ENOENT, as if it were gone. Only a folder where U+FFFD shows up is listed again as bytes, so that
 * such names can be told from names that hold a real U+FFFD, and be shown as they are.
 */
export async function listFolder(dir: string): Promise<FolderListing> {
  const entries = await readdir(dir, { withFileTypes: true });
  if (!entries.some((e) => e.name.includes('\uFFFD'))) return { entries, undecodable: [] };
  const undecodable = (await readdir(dir, { withFileTypes: true, encoding: 'buffer' })).filter(
    (e) => !isUtf8(e.name),
  );
  // Node turns bytes into a name as Buffer#toString does: that is how the lossy names are known.
  const lossy = new Set(undecodable.map((e) => e.name.toString('utf8')));
  return { entries: entries.filter((e) => !lossy.has(e.name)), undecodable };
}

import path from 'node:path';
import { errorCode } from './fs-failure.js';
import { type FolderListing, listFolder } from './list-folder.js';
import type { ListingProblem } from './listing-problems.js';

export interface WalkedFiles {
  /** Ordinary files under the folder, relative to it, with "/": in no particular order. */
  readonly files: string[];
  /** What could not be listed: names that are not UTF-8, folders that cannot be read. */
  readonly problems: ListingProblem[];
}

/**
 * Every ordinary file under `dir`, links not followed. A missing `dir` has none. Node's own
 * recursive readdir fails as a whole when one folder cannot be listed (a name that is not UTF-8, a
 * path too long), and callers took that for an empty folder: here each such folder is a problem,
 * and the rest is listed.
 */
export async function walkFiles(dir: string): Promise<WalkedFiles> {
  const files: string[] = [];
  const problems: ListingProblem[] = [];
  const visit = async (folder: string, rel: string): Promise<void> => {
    let listing: FolderListing;
    try {
      listing = await listFolder(folder);
    } catch (cause) {
      const code = errorCode(cause);
      if (!(rel === '' && code === 'ENOENT'))
        problems.push({ kind: 'unreadable', path: folder, code, isFolder: true });
      return;
    }
    for (const e of listing.undecodable)
      problems.push({ kind: 'undecodable', folder, name: e.name, isFolder: e.isDirectory() });
    for (const e of listing.entries) {
      const at = rel === '' ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory()) await visit(path.join(folder, e.name), at);
      else if (e.isFile()) files.push(at);
    }
  };
  await visit(dir, '');
  return { files, problems };
}

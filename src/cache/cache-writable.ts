import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import path from 'node:path';
import { type FsFailure, fsFailureOf } from '../fs/fs-failure.js';

/**
 * Why a build could not write the cache in `dir` and its bodies in `bodiesDir` (inside it), if it
 * could not: a file is where one of them (or the folder `dir` is in) should be, or one of them that
 * exists, else the folder it would be made in, may not be written (another owner, a read-only
 * mount, an immutable folder). Found before the build uses the cache: when saving it, the new site
 * has replaced dist/ already. A full disk shows only when written to (see CacheUnwritable).
 */
export async function whyUnwritable(dir: string, bodiesDir: string): Promise<FsFailure | undefined> {
  try {
    const mustWrite: string[] = [];
    let parent = path.dirname(path.dirname(dir));
    for (const folder of [path.dirname(dir), dir, bodiesDir]) {
      const found = await stat(folder).catch((cause: NodeJS.ErrnoException) => {
        if (cause.code === 'ENOENT') return undefined;
        throw cause;
      });
      if (!found) {
        mustWrite.push(parent);
        break;
      }
      if (!found.isDirectory())
        throw Object.assign(new Error(`ENOTDIR: not a directory, '${folder}'`), { code: 'ENOTDIR' });
      // The folder the cache is in need not be writable once the cache is there.
      if (folder !== path.dirname(dir)) mustWrite.push(folder);
      parent = folder;
    }
    for (const folder of mustWrite) await access(folder, constants.W_OK | constants.X_OK);
    return undefined;
  } catch (cause) {
    const failure = fsFailureOf(cause);
    if (!failure) throw cause;
    return failure;
  }
}

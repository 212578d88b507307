import { readlinkSync, realpathSync } from 'node:fs';
import path from 'node:path';

/** The kernel gives up after as many links in a row (ELOOP). */
const MAX_LINKS = 40;

/**
 * Where `p` really is: `..` and trailing slashes resolved as every other path of gazette is
 * (`path.resolve`), then every symlink followed, also in a path that does not exist yet: its
 * existing part is resolved, and a last link that leads nowhere yet is followed to where it leads.
 * Two paths name the same place if and only if their real paths are equal, and a folder inside
 * another has the other's real path as a prefix (case-insensitive file systems aside).
 */
export function realPathOf(p: string): string {
  return follow(path.resolve(p), 0);
}

function follow(full: string, links: number): string {
  try {
    return realpathSync.native(full);
  } catch {
    // Does not exist (yet), or a link leads nowhere: resolve the parent and look at this name.
  }
  const parent = path.dirname(full);
  if (parent === full) return full;
  const here = path.join(follow(parent, links), path.basename(full));
  const target = readLink(here);
  return target !== undefined && links < MAX_LINKS
    ? follow(path.resolve(path.dirname(here), target), links + 1)
    : here;
}

function readLink(p: string): string | undefined {
  try {
    return readlinkSync(p);
  } catch {
    return undefined;
  }
}

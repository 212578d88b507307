import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { isIgnoredName } from '../content/discover.js';
import { THEME_PUBLIC } from '../paths.js';

/** A static file to copy unchanged: where it comes from and where it goes in the site. */
export interface StaticFile {
  readonly from: string;
  readonly to: string;
}

/**
 * The static files of the site: the built-in theme's `public/`, overlaid file by file with the
 * site's own `public/` (the site wins). Sorted by destination.
 */
export async function listPublicFiles(dirs: readonly string[]): Promise<StaticFile[]> {
  const byDest = new Map<string, StaticFile>();
  for (const dir of dirs) {
    for (const rel of await listFiles(dir)) byDest.set(rel, { from: path.join(dir, rel), to: rel });
  }
  return [...byDest.values()].sort((a, b) => (a.to < b.to ? -1 : 1));
}

/** The static files of the site in `root`: the theme's `public/` under the site's own. */
export const sitePublicFiles = (root: string): Promise<StaticFile[]> =>
  listPublicFiles([THEME_PUBLIC, path.join(root, 'public')]);

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && !isIgnoredName(e.name))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
}

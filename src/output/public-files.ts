import path from 'node:path';
import { isIgnoredName } from '../content/discover.js';
import { type Diagnostic, GazetteError } from '../errors/diagnostic.js';
import { displayPath } from '../fs/display-path.js';
import { listingError } from '../fs/listing-problems.js';
import { walkFiles } from '../fs/walk-files.js';
import { THEME_PUBLIC } from '../paths.js';

/** A static file to copy unchanged: where it comes from and where it goes in the site. */
export interface StaticFile {
  readonly from: string;
  readonly to: string;
}

/**
 * The static files of the site: the built-in theme's `public/`, overlaid file by file with the
 * site's own `public/` (the site wins). Sorted by destination. Throws GazetteError, naming paths
 * from `root`, when a file cannot be listed (a name that is not UTF-8): it would be missing.
 */
export async function listPublicFiles(dirs: readonly string[], root: string): Promise<StaticFile[]> {
  const byDest = new Map<string, StaticFile>();
  const problems: Diagnostic[] = [];
  for (const dir of dirs) {
    const walked = await walkFiles(dir);
    problems.push(...walked.problems.map((p) => listingError(p, (full) => displayPath(full, root))));
    for (const rel of walked.files)
      if (!isIgnoredName(path.posix.basename(rel))) byDest.set(rel, { from: path.join(dir, rel), to: rel });
  }
  if (problems.length > 0) throw new GazetteError(problems);
  return [...byDest.values()].sort((a, b) => (a.to < b.to ? -1 : 1));
}

/** The static files of the site in `root`: the theme's `public/` under the site's own. */
export const sitePublicFiles = (root: string): Promise<StaticFile[]> =>
  listPublicFiles([THEME_PUBLIC, path.join(root, 'public')], root);

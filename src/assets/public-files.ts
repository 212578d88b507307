import type { Dirent } from 'node:fs';
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { isIgnoredName } from '../content/discover.js';
import { problem as coded, type Diagnostic, GazetteError } from '../errors/diagnostic.js';
import { displayPath } from '../fs/display-path.js';
import { followLink, isWithin } from '../fs/follow-link.js';
import { errnoOf, errorCode } from '../fs/fs-failure.js';
import { listFolder } from '../fs/list-folder.js';
import { listingError } from '../fs/listing-problems.js';
import { THEME_PUBLIC } from '../paths.js';

/** A static file to copy unchanged: where it comes from and where it goes in the site. */
export interface StaticFile {
  readonly from: string;
  readonly to: string;
}

/**
 * The static files of the site: the built-in theme's `public/`, overlaid file by file with the
 * site's own `public/` (the site wins). Sorted by destination. A link is followed if it leads to a
 * file or folder inside the site in `root` (its bytes are copied); one that leads out of the site,
 * nowhere, or back into a folder it is in is an error, never skipped without a word; so is a
 * name that is not UTF-8, or a folder that cannot be listed: its files would be missing.
 */
export async function listPublicFiles(dirs: readonly string[], root: string): Promise<StaticFile[]> {
  const realRoot = await realpath(root).catch(() => path.resolve(root));
  const byDest = new Map<string, StaticFile>();
  const problems: Diagnostic[] = [];
  for (const dir of dirs) {
    for (const f of await listFiles(dir, root, realRoot, problems)) byDest.set(f.to, f);
  }
  if (problems.length > 0) throw new GazetteError(problems.sort((a, b) => (a.file < b.file ? -1 : 1)));
  return [...byDest.values()].sort((a, b) => (a.to < b.to ? -1 : 1));
}

/** The static files of the site in `root`: the theme's `public/` under the site's own. */
export const sitePublicFiles = (root: string): Promise<StaticFile[]> =>
  listPublicFiles([THEME_PUBLIC, path.join(root, 'public')], root);

async function listFiles(
  dir: string,
  root: string,
  realRoot: string,
  problems: Diagnostic[],
): Promise<StaticFile[]> {
  const files: StaticFile[] = [];
  const shown = (full: string) => displayPath(full, root);
  const problem = (full: string, code: 'GZ0516' | 'GZ0517' | 'GZ0518' | 'GZ0519') =>
    problems.push(coded(code, shown(full), undefined));
  // Reading a named pipe would wait for a writer forever.
  const notOrdinary = (full: string) => problem(full, 'GZ0518');
  // `inside`: the real paths of the folders the walk is in. A link to one of them, or to a folder
  // above one of them, would list its own files again and again.
  const walk = async (folder: string, relDir: string, inside: readonly string[]): Promise<void> => {
    let entries: Dirent[];
    try {
      const listing = await listFolder(folder);
      for (const e of listing.undecodable)
        problems.push(
          listingError({ kind: 'undecodable', folder, name: e.name, isFolder: e.isDirectory() }, shown),
        );
      entries = listing.entries.sort((a, b) => (a.name < b.name ? -1 : 1));
    } catch (cause) {
      // A site without its own public/ has nothing to add to the theme's.
      if (relDir === '' && errnoOf(cause) === 'ENOENT') return;
      problems.push(
        listingError({ kind: 'unreadable', path: folder, code: errorCode(cause), isFolder: true }, shown),
      );
      return;
    }
    for (const e of entries) {
      if (isIgnoredName(e.name)) continue;
      const full = path.join(folder, e.name);
      const to = relDir === '' ? e.name : `${relDir}/${e.name}`;
      if (e.isFile()) files.push({ from: full, to });
      else if (e.isDirectory()) await walk(full, to, [...inside, path.join(inside.at(-1) ?? '', e.name)]);
      else if (!e.isSymbolicLink()) notOrdinary(full);
      else {
        const target = await followLink(full, realRoot);
        if (target.kind === 'nowhere') problem(full, 'GZ0516');
        else if (target.kind === 'outside') problem(full, 'GZ0517');
        else if (target.kind === 'file') files.push({ from: target.real, to });
        else if (target.kind === 'other') notOrdinary(full);
        else if (target.kind === 'folder' && inside.some((f) => isWithin(f, target.real)))
          problem(full, 'GZ0519');
        else if (target.kind === 'folder') await walk(full, to, [...inside, target.real]);
      }
    }
  };
  const realDir = await realpath(dir).catch(() => undefined);
  if (realDir !== undefined) await walk(dir, '', [realDir]);
  return files;
}

import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';

/** Where a symbolic link leads: the real path of what it points to, if that is inside the folder given. */
export type LinkTarget =
  | { readonly kind: 'folder' | 'file' | 'other'; readonly real: string }
  | { readonly kind: 'nowhere' | 'outside' };

/**
 * Follows the link `link` to the end (links to links included) and says what is there, unless it
 * leads out of `realWithin` (a real path: the folder the site's files must come from).
 */
export async function followLink(link: string, realWithin: string): Promise<LinkTarget> {
  const real = await realpath(link).catch(() => undefined);
  if (real === undefined) return { kind: 'nowhere' };
  if (!isWithin(real, realWithin)) return { kind: 'outside' };
  const entry = await stat(real).catch(() => undefined);
  if (!entry) return { kind: 'nowhere' };
  return { kind: entry.isDirectory() ? 'folder' : entry.isFile() ? 'file' : 'other', real };
}

/** Whether `file` is `folder` or inside it (both real, absolute paths). */
export const isWithin = (file: string, folder: string): boolean =>
  file === folder || file.startsWith(folder + path.sep);

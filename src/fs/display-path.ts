import path from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';

/**
 * A path as a message names it: relative to the site's root, or, for a file of the built-in theme,
 * marked as such (`(built-in theme) templates/base.njk`); otherwise absolute.
 */
export function displayPath(file: string, root: string): string {
  const inside = (dir: string) => {
    const rel = path.relative(dir, file);
    return rel.startsWith('..') || path.isAbsolute(rel) ? undefined : rel.split(path.sep).join('/');
  };
  const own = inside(root);
  if (own !== undefined) return own;
  const theme = inside(PACKAGE_ROOT);
  return theme !== undefined ? `(built-in theme) ${theme}` : file;
}

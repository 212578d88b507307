import path from 'node:path';
import { THEME_TEMPLATES } from '../paths.js';

/** Where templates are looked up, in order: the site's own, then the built-in theme. */
export const templateDirs = (root: string): string[] => [path.join(root, 'templates'), THEME_TEMPLATES];

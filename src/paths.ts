import { fileURLToPath } from 'node:url';

/** The gazette package itself (this file lives in src/ or, compiled, in lib/). */
export const PACKAGE_ROOT = fileURLToPath(new URL('../', import.meta.url));
/** The built-in theme: templates and static files that any site can override file by file. */
export const THEME_TEMPLATES = fileURLToPath(new URL('../templates/', import.meta.url));
export const THEME_PUBLIC = fileURLToPath(new URL('../public/', import.meta.url));
/** The files of a new site (`gazette init`): site.yaml, README, editors' guide, workflow, … */
export const STARTER = fileURLToPath(new URL('../starter/', import.meta.url));

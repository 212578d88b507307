import path from 'node:path';
import { CONFIG_FILE } from '../config/load-config.js';
import { CONTENT_DIR } from '../content/discover.js';
import { THEME_PUBLIC } from '../paths.js';
import { templateDirs } from '../templates/template-dirs.js';

export type SourceKind = 'content' | 'config' | 'public' | 'templates' | 'theme templates' | 'theme public';

/** The build cache of a site: `ROOT/.cache/gazette/`. Deleting it is always safe. */
export const cacheDirOf = (root: string): string => path.join(root, '.cache', 'gazette');

/** A file or folder a site is made from. */
export interface SiteSource {
  readonly kind: SourceKind;
  readonly path: string;
}

/**
 * Everything a site is made from, whether it exists or not: its articles, site.yaml, its own static
 * files and templates, and the built-in theme's. The dev server watches these; no build may write
 * into them (see output-place.ts).
 */
export function siteSources(root: string): SiteSource[] {
  const [templates, themeTemplates] = templateDirs(root) as [string, string];
  return [
    { kind: 'content', path: path.join(root, CONTENT_DIR) },
    { kind: 'config', path: path.join(root, CONFIG_FILE) },
    { kind: 'public', path: path.join(root, 'public') },
    { kind: 'templates', path: templates },
    { kind: 'theme templates', path: themeTemplates },
    { kind: 'theme public', path: THEME_PUBLIC },
  ];
}

/**
 * Whether a change of `file` can change the config: site.yaml itself, or a file of public/ (the
 * site's or the theme's), since site.yaml names pictures there (logo, favicon, the 党政机关 badge)
 * that loading it finds and measures (withPublicFiles): a logo replaced by one of another size
 * changes every page's `<img width height>`, and one deleted is an error at its key.
 */
export function changesConfig(root: string, file: string): boolean {
  return siteSources(root).some(
    (s) =>
      (s.kind === 'config' && file === s.path) ||
      ((s.kind === 'public' || s.kind === 'theme public') &&
        file.startsWith(path.resolve(s.path) + path.sep)),
  );
}

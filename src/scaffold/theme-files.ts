import path from 'node:path';
import { listPublicFiles } from '../assets/public-files.js';
import { THEME_PUBLIC, THEME_TEMPLATES } from '../paths.js';
import { listTemplates } from '../templates/list-templates.js';

/** A file of the built-in theme, named by where a site's own copy of it goes: `templates/base.njk`. */
export interface ThemeFile {
  readonly name: string;
  /** Its name within the theme's folder: `base.njk`, `assets/site.css`. */
  readonly inFolder: string;
  readonly from: string;
}

/** The theme's folders, by the name of the site's folder that overrides them file by file. */
const FOLDERS = { templates: THEME_TEMPLATES, public: THEME_PUBLIC } as const;

/** Every file of the built-in theme a site can override, templates first, each sorted by name. */
export async function themeFiles(): Promise<ThemeFile[]> {
  const templates = [...(await listTemplates([FOLDERS.templates], FOLDERS.templates)).keys()].sort();
  // The theme is its own root: links in it may lead only within it.
  const statics = (await listPublicFiles([FOLDERS.public], FOLDERS.public)).map((f) => f.to);
  return [
    ...templates.map((name) => fileOf('templates', name)),
    ...statics.map((name) => fileOf('public', name)),
  ];
}

const fileOf = (folder: keyof typeof FOLDERS, name: string): ThemeFile => ({
  name: `${folder}/${name}`,
  inFolder: name,
  from: path.join(FOLDERS[folder], ...name.split('/')),
});

/** The theme's files that `asked` names: as listed, or without its `templates/` or `public/`. */
export function themeFilesNamed(files: readonly ThemeFile[], asked: string): ThemeFile[] {
  const name = asked.replaceAll('\\', '/').replace(/^\.\//, '');
  const exact = files.find((f) => f.name === name);
  return exact ? [exact] : files.filter((f) => f.inFolder === name);
}

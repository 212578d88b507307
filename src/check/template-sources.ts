import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isIgnoredName } from '../content/discover.js';
import { displayPath } from '../fs/display-path.js';
import { listTemplateFiles } from '../templates/list-templates.js';
import { templateDirs } from '../templates/template-dirs.js';
import type { TemplateSource } from './check-pages.js';

/**
 * The templates a build of `root` uses, as Nunjucks looks them up: the site's own first, then those
 * of the built-in theme it does not override. Named as template errors name them.
 */
export async function readTemplateSources(root: string): Promise<TemplateSource[]> {
  const sources: TemplateSource[] = [];
  for (const [name, full] of await listTemplateFiles(templateDirs(root), root)) {
    if (isIgnoredName(path.posix.basename(name))) continue;
    sources.push({ file: displayPath(full, root), text: await readFile(full, 'utf8') });
  }
  return sources;
}

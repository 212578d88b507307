import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { isIgnoredName } from '../content/discover.js';
import { templateDirs } from '../templates/template-dirs.js';
import { displayPath } from '../templates/template-error.js';
import type { TemplateSource } from './check-pages.js';

/**
 * The templates a build of `root` uses, as Nunjucks looks them up: the site's own first, then those
 * of the built-in theme it does not override. Named as template errors name them.
 */
export async function readTemplateSources(root: string): Promise<TemplateSource[]> {
  const seen = new Set<string>();
  const sources: TemplateSource[] = [];
  for (const dir of templateDirs(root)) {
    const found = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
    const names = found
      .filter((e) => e.isFile() && !isIgnoredName(e.name))
      .map((e) => path.join(e.parentPath, e.name))
      .sort();
    for (const full of names) {
      const rel = path.relative(dir, full);
      if (seen.has(rel)) continue;
      seen.add(rel);
      sources.push({ file: displayPath(full, root), text: await readFile(full, 'utf8') });
    }
  }
  return sources;
}

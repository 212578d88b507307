import { readdir } from 'node:fs/promises';
import path from 'node:path';

/**
 * Every template the site can use, by name (`partials/meta-line.njk`) → the file that wins: the
 * site's own `templates/` first, then the built-in theme, as the Nunjucks loader looks them up.
 */
export async function listTemplates(dirs: readonly string[]): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const dir of dirs) {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      if (!e.isFile() || !e.name.endsWith('.njk')) continue;
      const full = path.join(e.parentPath, e.name);
      const name = path.relative(dir, full).split(path.sep).join('/');
      if (!files.has(name)) files.set(name, full);
    }
  }
  return files;
}

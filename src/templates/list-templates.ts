import path from 'node:path';
import { type Diagnostic, GazetteError } from '../errors/diagnostic.js';
import { displayPath } from '../fs/display-path.js';
import { listingError } from '../fs/listing-problems.js';
import { walkFiles } from '../fs/walk-files.js';

/**
 * Every file of the template folders, as the Nunjucks loader looks them up: by name
 * (`partials/meta-line.njk`) → the file that wins, the site's own `templates/` first, then the
 * built-in theme. Throws GazetteError, naming paths from `root`, when a file cannot be listed (a
 * name that is not UTF-8): a template could be missing without a word.
 */
export async function listTemplateFiles(dirs: readonly string[], root: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const problems: Diagnostic[] = [];
  for (const dir of dirs) {
    const walked = await walkFiles(dir);
    problems.push(...walked.problems.map((p) => listingError(p, (full) => displayPath(full, root))));
    for (const name of walked.files.sort()) if (!files.has(name)) files.set(name, path.join(dir, name));
  }
  if (problems.length > 0) throw new GazetteError(problems);
  return files;
}

/** The templates (`.njk`) among them. */
export async function listTemplates(dirs: readonly string[], root: string): Promise<Map<string, string>> {
  const files = await listTemplateFiles(dirs, root);
  for (const name of files.keys()) if (!name.endsWith('.njk')) files.delete(name);
  return files;
}

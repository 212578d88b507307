import { readFile } from 'node:fs/promises';
import { type Diagnostic, GazetteError } from '../errors/diagnostic.js';
import { listTemplates } from './list-templates.js';
import { templateDirs } from './template-dirs.js';
import { templateText } from './template-text.js';

/** Every template the site can use, by name (`partials/meta-line.njk`) → its text. */
export type TemplateSources = ReadonlyMap<string, string>;

/**
 * Reads the templates of the site in `root` (its own first, then the built-in theme's), as the
 * Nunjucks loader would: throws an error for every file that is not UTF-8.
 */
export async function readTemplates(root: string): Promise<TemplateSources> {
  const sources = new Map<string, string>();
  const problems: Diagnostic[] = [];
  const files = [...(await listTemplates(templateDirs(root), root))].sort(([a], [b]) => (a < b ? -1 : 1));
  for (const [name, file] of files) {
    const text = templateText(await readFile(file), file, root);
    if (typeof text === 'string') sources.set(name, text);
    else problems.push(text);
  }
  if (problems.length > 0) throw new GazetteError(problems);
  return sources;
}

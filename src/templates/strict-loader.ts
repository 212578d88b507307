import { readFileSync } from 'node:fs';
import nunjucks from 'nunjucks';
import { GazetteError } from '../errors/diagnostic.js';
import { templateText } from './template-text.js';

/**
 * Nunjucks' file loader (the same lookup: the site's templates/ first, then the built-in theme's),
 * but a template's bytes are decoded strictly: Nunjucks itself reads them as UTF-8 whatever they are,
 * and a template saved as GBK came out as mojibake on every page.
 */
export class StrictLoader extends nunjucks.FileSystemLoader {
  readonly #root: string;

  constructor(dirs: readonly string[], root: string) {
    super([...dirs], { noCache: false });
    this.#root = root;
  }

  override getSource(name: string): nunjucks.LoaderSource {
    const source = super.getSource(name);
    // Not found: Nunjucks says so itself ("template not found"), or goes on if told to ignore it.
    if (!source) return source;
    const text = templateText(readFileSync(source.path), source.path, this.#root);
    if (typeof text !== 'string') throw new GazetteError([text]);
    return { ...source, src: text };
  }
}

import matter from 'gray-matter';
import { type Diagnostic, problem } from '../errors/diagnostic.js';
import { positionOf } from '../text/decode.js';

export interface SplitFile {
  /** The YAML text, padded with blank lines so that its line numbers are the file's own. */
  readonly yaml: string;
  readonly body: string;
  /** 1-based line of the file on which the body starts. */
  readonly bodyLine: number;
}

const refuse = (language: string) => () => {
  throw new ForeignFrontMatter(language);
};
class ForeignFrontMatter extends Error {}

/**
 * Splits `---` YAML front matter from the Markdown body with gray-matter, checking first what
 * gray-matter would let through: another language (gray-matter would eval `---js`), or no closing line.
 * Content is never executed: every engine but YAML refuses, and YAML is parsed later, as data only.
 */
export function splitFrontMatter(
  text: string,
  file: string,
): { ok: true; value: SplitFile } | { ok: false; diagnostic: Diagnostic } {
  if (text.trim() === '') {
    return {
      ok: false,
      diagnostic: problem('GZ0103', file, { line: 1, column: 1 }),
    };
  }
  if (!text.startsWith('---')) {
    return {
      ok: false,
      diagnostic: problem('GZ0104', file, { line: 1, column: 1 }),
    };
  }
  const firstLineEnd = text.indexOf('\n') === -1 ? text.length : text.indexOf('\n');
  const language = text.slice(3, firstLineEnd).trim();
  if (language !== '' && !/^ya?ml$/i.test(language)) {
    return {
      ok: false,
      diagnostic: problem('GZ0105', file, { line: 1, column: 4 }, { language }),
    };
  }
  const closing = text.indexOf('\n---', firstLineEnd);
  if (closing === -1) {
    return {
      ok: false,
      diagnostic: problem('GZ0106', file, { line: 1, column: 1 }),
    };
  }

  // gray-matter gets the front matter and the closing line only: it would copy all of a 20 MB body
  // into a Buffer first. What it returns as content is the start of the body; the rest follows.
  const closingLineEnd = text.indexOf('\n', closing + 4);
  const headEnd = closingLineEnd === -1 ? text.length : closingLineEnd + 1;
  let yaml = '';
  let parsed: { content: string };
  try {
    parsed = matter(text.slice(0, headEnd), {
      language: 'yaml',
      engines: {
        yaml: (s: string) => {
          yaml = s;
          return {};
        },
        javascript: refuse('javascript'),
        js: refuse('js'),
        json: refuse('json'),
        coffee: refuse('coffee'),
      },
    });
  } catch {
    return {
      ok: false,
      diagnostic: problem('GZ0107', file, { line: 1, column: 1 }),
    };
  }
  // gray-matter hands over the text after "---" including the rest of the first line, so line N of
  // `yaml` is line N of the file.
  const body = parsed.content + text.slice(headEnd);
  const bodyLine = positionOf(text, text.length - body.length).line;
  return { ok: true, value: { yaml, body, bodyLine } };
}

import type { z } from 'zod';
import { type Diagnostic, error, warning } from '../errors/diagnostic.js';
import { closest } from '../text/suggest.js';
import type { YamlMapping } from './parse-yaml.js';

/** Validates a parsed mapping against a zod schema; every issue becomes a positioned diagnostic. */
export function validateMapping<T>(
  schema: z.ZodType<T>,
  yaml: YamlMapping,
  file: string,
  what: string,
): { ok: true; value: T } | { ok: false; diagnostics: Diagnostic[] } {
  const result = schema.safeParse(yaml.data);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    diagnostics: result.error.issues.map((issue) => {
      const path = issue.path as PropertyKey[];
      const missing =
        issue.code === 'invalid_type' && path.length === 1 && yaml.data[String(path[0])] === undefined;
      if (missing) {
        // Point at the start of the mapping: the field belongs somewhere between the "---" lines.
        const example = /e\.g\. ([^(]+?)(?: \(|$)/.exec(issue.message)?.[1];
        const hint = example ? `add a line like "${example}"` : `add it to the ${what}`;
        return error(file, `the required field "${String(path[0])}" is missing`, yaml.locate([]), hint);
      }
      return error(file, issue.message, yaml.locate(path));
    }),
  };
}

/** Warns about keys the schema does not know, suggesting the nearest known one (a likely typo). */
export function unknownKeyWarnings(
  yaml: YamlMapping,
  known: readonly string[],
  file: string,
  what: string,
): Diagnostic[] {
  return yaml.keys
    .filter((k) => !known.includes(k))
    .map((k) => {
      const guess = closest(k, known);
      return warning(
        file,
        `unknown ${what} key "${k}"`,
        yaml.locateKey([k]),
        guess ? `did you mean "${guess}"?` : `known keys: ${known.join(', ')}`,
      );
    });
}

import type { z } from 'zod';
import { type Diagnostic, problem } from '../errors/diagnostic.js';
import { describeInvisible, showInvisible, withoutInvisible } from '../text/invisible.js';
import { closest } from '../text/suggest.js';
import { issueValues } from './issue-values.js';
import type { YamlMapping } from './parse-yaml.js';

/** The fields a mapping may have, and other names editors give them (标题 for title). */
export interface FieldNames {
  readonly known: readonly string[];
  readonly otherNames?: ReadonlyMap<string, string>;
}

/** The field an unknown key likely stands for: one of its other names, or a near miss of its spelling. */
export const meantField = (key: string, fields: FieldNames): string | undefined =>
  fields.otherNames?.get(key) ?? closest(key, fields.known);

/**
 * Validates a parsed mapping against a zod schema; every issue becomes a positioned diagnostic.
 * A required field that is missing while an unknown key stands for it (`titel:`, `标题:`) is
 * reported at that key.
 */
export function validateMapping<T>(
  schema: z.ZodType<T>,
  yaml: YamlMapping,
  file: string,
  what: string,
  fields: FieldNames = { known: [] },
): { ok: true; value: T } | { ok: false; diagnostics: Diagnostic[] } {
  const result = schema.safeParse(yaml.data);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    diagnostics: result.error.issues.flatMap((issue) => {
      const path = issue.path as PropertyKey[];
      const missing =
        issue.code === 'invalid_type' && path.length === 1 && yaml.data[String(path[0])] === undefined;
      if (missing) {
        const field = String(path[0]);
        // `ti\u200Btle:` looks like title: to the editor; say why it is not.
        const lookalike = yaml.keys.find((k) => k !== field && withoutInvisible(k) === field);
        if (lookalike !== undefined) {
          return problem('GZ0710', file, yaml.locateKey([lookalike]), {
            field,
            key: showInvisible(lookalike),
            invisible: describeInvisible(lookalike) ?? '',
          });
        }
        const meant = yaml.keys.find((k) => !fields.known.includes(k) && meantField(k, fields) === field);
        if (meant !== undefined) return problem('GZ0715', file, yaml.locateKey([meant]), { meant, field });
        // Point at the start of the mapping: the field belongs somewhere between the "---" lines.
        const example = /e\.g\. ([^(]+?)(?: \(|$)/.exec(issue.message)?.[1];
        const line = example?.startsWith(`${field}:`) ? example : example && `${field}: ${example}`;
        return problem('GZ0709', file, yaml.locate([]), {
          field: String(path[0]),
          example: line || '',
          what,
        });
      }
      if (issue.code === 'invalid_type' && valueAt(yaml.data, path) === null) {
        const field = path.map(String).join('.');
        return problem('GZ0711', file, yaml.locate(path), { field });
      }
      if (issue.code === 'unrecognized_keys') {
        // Each unknown key at its own line, with the keys of its mapping, as for an unknown top-level key.
        const known = keysAt(schema, path);
        return issue.keys.map((key) =>
          problem('GZ0712', file, yaml.locateKey([...path, key]), {
            ...issueValues(issue, valueAt(yaml.data, path)),
            key,
            known: known.join(', '),
            guess: closest(key, known) ?? '',
          }),
        );
      }
      return problem('GZ0712', file, yaml.locate(path), issueValues(issue, valueAt(yaml.data, path)));
    }),
  };
}

/**
 * Warns about keys the schema does not know, suggesting the field meant (a likely typo, or a
 * Chinese name of it).
 * A key with an invisible character in it (a zero-width space pasted from a web page) is always
 * worth a warning. With `nearMissesOnly`, other unknown keys are allowed silently.
 */
export function unknownKeyWarnings(
  yaml: YamlMapping,
  fields: FieldNames,
  file: string,
  what: string,
  { nearMissesOnly = false }: { nearMissesOnly?: boolean } = {},
): Diagnostic[] {
  const { known } = fields;
  const problems: Diagnostic[] = [];
  for (const k of yaml.keys) {
    if (known.includes(k)) continue;
    const invisible = describeInvisible(k);
    const visible = withoutInvisible(k);
    const guess = invisible && known.includes(visible) ? visible : meantField(visible, fields);
    if (nearMissesOnly && !guess && !invisible) continue;
    problems.push(
      problem(
        'GZ0713',
        file,
        yaml.locateKey([k]),
        {
          what,
          key: showInvisible(k),
          invisible: invisible ?? '',
          guess: guess ?? '',
          known: known.join(', '),
        },
        'warning',
      ),
    );
  }
  return problems;
}

/** The keys of the mapping the schema describes at `path` (through optional, default and pipes). */
function keysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  type Def = {
    type: string;
    shape?: Record<string, z.ZodType>;
    innerType?: z.ZodType;
    in?: z.ZodType;
    element?: z.ZodType;
  };
  let at: z.ZodType | undefined = schema;
  let rest = [...path];
  while (at) {
    const def: Def = (at as unknown as { _zod: { def: Def } })._zod.def;
    if (def.innerType) at = def.innerType;
    else if (def.type === 'pipe') at = def.in;
    else if (def.type === 'array' && typeof rest[0] === 'number') {
      at = def.element;
      rest = rest.slice(1);
    } else if (def.type === 'object' && def.shape) {
      if (rest.length === 0) return Object.keys(def.shape);
      at = def.shape[String(rest[0])];
      rest = rest.slice(1);
    } else return [];
  }
  return [];
}

const valueAt = (data: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>(
    (v, k) => (v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined),
    data,
  );

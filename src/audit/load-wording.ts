import path from 'node:path';
import { z } from 'zod';
import { type Diagnostic, problem } from '../errors/diagnostic.js';
import { readIfPresent } from '../fs/read-if-present.js';
import { decodeText, undecodable } from '../text/decode.js';
import { parseYamlMapping } from '../yaml/parse-yaml.js';
import { unknownKeyWarnings, validateMapping } from '../yaml/validate.js';
import type { WordingEntry } from './audit-input.js';

/** The site's list of wrong wordings, kept apart from site.yaml: it is long, and kept by the 审校. */
export const WORDING_FILE = 'audit/wording.yaml';

const text = (field: string) =>
  z
    .string({ error: `"${field}" must be text` })
    .trim()
    .min(1, { error: `"${field}" must not be empty` });

const entrySchema = z
  .object(
    {
      wrong: text('wrong'),
      right: text('right'),
      note: z.string({ error: '"note" must be text' }).trim().optional(),
      serious: z.boolean({ error: '"serious" must be true or false' }).default(false),
    },
    { error: 'each wording must be a mapping like {wrong: 中华人名共和国, right: 中华人民共和国}' },
  )
  .refine((e) => e.wrong !== e.right, { error: '"wrong" and "right" are the same text' });

const wordingSchema = z.object({
  wordings: z
    .array(entrySchema, { error: '"wordings" must be a list of {wrong, right} entries' })
    .default([]),
});

export interface WordingList {
  /** False when the site has no such file: the report says the wording was not checked. */
  readonly present: boolean;
  readonly entries: readonly WordingEntry[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Reads and validates ROOT/audit/wording.yaml; a site without one has an empty list. */
export function loadWording(root: string): WordingList {
  const bytes = readIfPresent(path.join(root, WORDING_FILE));
  if (!bytes) return { present: false, entries: [], diagnostics: [] };
  const file = WORDING_FILE;
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { present: true, entries: [], diagnostics: [undecodable(file, decoded)] };
  const parsed = parseYamlMapping(decoded.text, file, file);
  if (!parsed.ok) return { present: true, entries: [], diagnostics: parsed.diagnostics };
  const yaml = parsed.value;
  const fields = { known: ['wordings'] };
  const validated = validateMapping(wordingSchema, yaml, file, file, fields);
  if (!validated.ok)
    return { present: true, entries: [], diagnostics: [...yaml.warnings, ...validated.diagnostics] };
  const diagnostics: Diagnostic[] = [...yaml.warnings, ...unknownKeyWarnings(yaml, fields, file, file)];
  const entries: WordingEntry[] = [];
  const first = new Map<string, number>();
  validated.value.wordings.forEach((e, i) => {
    const at = yaml.locate(['wordings', i, 'wrong']);
    const line = first.get(e.wrong);
    if (line !== undefined) {
      diagnostics.push(problem('GZ0907', file, at, { wrong: e.wrong, line }));
      return;
    }
    first.set(e.wrong, at.line);
    entries.push({ wrong: e.wrong, right: e.right, serious: e.serious, ...(e.note && { note: e.note }) });
  });
  return { present: true, entries, diagnostics };
}

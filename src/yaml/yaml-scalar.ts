import { stringify } from 'yaml';

/**
 * A YAML scalar for `value` on one line: plain where that reads back the same, quoted otherwise.
 * Text typed by people (quotes, `: `, `#`, a leading `[`) never changes the YAML around it.
 */
export function yamlScalar(value: string): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

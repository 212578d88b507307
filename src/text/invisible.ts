/**
 * Characters an editor cannot see, or cannot tell from a space, that come in with text pasted from
 * web pages and Word: zero-width spaces and joiners, the BOM, and the full-width space U+3000 (which
 * Chinese input methods type). In a field name they make a different, unknown name.
 */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u3000\u00A0]/gu;

const NAMES: Record<string, string> = {
  '\u200B': 'ZERO WIDTH SPACE',
  '\u200C': 'ZERO WIDTH NON-JOINER',
  '\u200D': 'ZERO WIDTH JOINER',
  '\u2060': 'WORD JOINER',
  '\uFEFF': 'ZERO WIDTH NO-BREAK SPACE (BOM)',
  '\u3000': 'FULL-WIDTH SPACE "　"',
  '\u00A0': 'NO-BREAK SPACE',
};

const codeOf = (c: string) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

export const hasInvisible = (s: string): boolean => s.search(INVISIBLE) !== -1;

export const withoutInvisible = (s: string): string => s.replace(INVISIBLE, '');

/** `ti\u200Btle` → `ti<U+200B>tle`: the text as a message can show it. */
export const showInvisible = (s: string): string => s.replace(INVISIBLE, (c) => `<${codeOf(c)}>`);

/** `U+200B ZERO WIDTH SPACE` for the first invisible character of `s`. */
export function describeInvisible(s: string): string | undefined {
  const c = s.match(INVISIBLE)?.[0];
  return c === undefined ? undefined : `${codeOf(c)} ${NAMES[c] ?? ''}`.trim();
}

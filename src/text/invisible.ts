import type { Values } from '../messages/types.js';

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

/**
 * Control characters: C0 but tab, newline and carriage return, DEL, and C1. No page shows them,
 * XML 1.0 forbids most of them (a feed or sitemap with one is invalid), and they come in with text
 * pasted from Word, which writes a line break inside a paragraph as U+000B. They are taken out of
 * the editors' text wherever it is read (front matter, site.yaml, the Markdown body), with a warning.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters meant
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** Word's line break (U+000B) and page break (U+000C) part two words: a space keeps them apart. */
const BREAKS = new Set(['\u000B', '\u000C']);

const CONTROL_NAMES: Record<string, string> = {
  '\u0000': 'NUL',
  '\u0007': 'BELL',
  '\u0008': 'BACKSPACE',
  '\u000B': 'LINE TABULATION, a line break pasted from Word',
  '\u000C': 'FORM FEED, a page break pasted from Word',
  '\u001B': 'ESCAPE',
  '\u007F': 'DELETE',
  '\u0085': 'NEXT LINE',
};

/** Index of the first control character of `s`, or -1. */
export const firstControl = (s: string): number => s.search(CONTROL);

export const isControl = (c: string): boolean => c.length === 1 && c.search(CONTROL) === 0;

/** `s` without control characters: line and page breaks become a space, the others go. */
export const withoutControls = (s: string): string => s.replace(CONTROL, (c) => (BREAKS.has(c) ? ' ' : ''));

/**
 * The warning for text whose control characters were taken out, at the first of them, which is
 * `first`; `count` is how many there were.
 */
export function controlsDropped(first: string, count: number): { code: 'GZ0714'; values: Values } {
  return {
    code: 'GZ0714',
    values: {
      char: codeOf(first),
      name: CONTROL_NAMES[first] ?? 'a control character',
      replaced: BREAKS.has(first) ? 1 : 0,
      more: count - 1,
    },
  };
}

/** How many control characters `s` has. */
export const countControls = (s: string): number => s.match(CONTROL)?.length ?? 0;

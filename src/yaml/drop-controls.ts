import { type Document, type Scalar, visit } from 'yaml';
import { countControls, firstControl, isControl, withoutControls } from '../text/invisible.js';

/** A text of the YAML whose control characters were taken out. */
export interface DroppedControls {
  /** Where the first of them is written, as an offset into the YAML text. */
  readonly offset: number;
  readonly first: string;
  readonly count: number;
}

/**
 * Takes the control characters (see invisible.ts) out of every text of `doc`, values and keys, in
 * place, before it becomes data: written as they are (Word's line break in a pasted title) or as
 * escapes in double quotes ("\u0000", "\e").
 */
export function dropControls(doc: Document, text: string): DroppedControls[] {
  const dropped: DroppedControls[] = [];
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value !== 'string') return;
      const at = firstControl(node.value);
      if (at === -1) return;
      dropped.push({
        offset: writtenAt(node, text),
        first: node.value[at] ?? '',
        count: countControls(node.value),
      });
      node.value = withoutControls(node.value);
    },
  });
  return dropped;
}

/** YAML's one-letter escapes of control characters. */
const LETTERS: Record<string, number> = { '0': 0x00, a: 0x07, b: 0x08, v: 0x0b, f: 0x0c, e: 0x1b, N: 0x85 };
const HEX: Record<string, number> = { x: 2, u: 4, U: 8 };

/** The offset of the scalar's first control character, or of its escape; the scalar's start if neither shows. */
function writtenAt(node: Scalar, text: string): number {
  const [start, end] = node.range ?? [0, 0];
  const escapes = node.type === 'QUOTE_DOUBLE';
  for (let i = start; i < end; i++) {
    const c = text[i] ?? '';
    if (escapes && c === '\\') {
      const letter = text[i + 1] ?? '';
      const digits = HEX[letter];
      const code =
        digits === undefined ? LETTERS[letter] : Number.parseInt(text.slice(i + 2, i + 2 + digits), 16);
      if (code !== undefined && isControl(String.fromCodePoint(code))) return i;
      // Past the escape: "\\0" is a backslash and a zero.
      i += 1 + (digits ?? 0);
    } else if (isControl(c)) {
      return i;
    }
  }
  return start;
}

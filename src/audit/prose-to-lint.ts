/**
 * The paragraphs of a Markdown body that zhlint needs to see, so that it reads less (it takes
 * about 50 ms for a whole article). A paragraph of Chinese prose with nothing but Han characters,
 * Latin letters, figures and full-width punctuation, its quotes and brackets paired, gives no rule
 * of typography.ts anything to find: those rules are about half-width punctuation, spaces, Markdown
 * marks and unpaired marks. Each other paragraph is linted on its own: zhlint gives the place of an
 * unclosed quote from the start of its paragraph, not of the text.
 */
export interface ProseBlock {
  readonly text: string;
  /** Its offset in the body. */
  readonly from: number;
}

const PLAIN = /^[\p{Script=Han}A-Za-z0-9，。：；？！“”‘’（）、《》—…·]*$/u;
const PAIRS = [
  ['“', '”'],
  ['‘', '’'],
  ['（', '）'],
] as const;

export function proseToLint(body: string): ProseBlock[] {
  // In a fenced code block a blank line does not end the block: leave such a body to zhlint whole.
  if (/^\s*(```|~~~)/m.test(body)) return [{ text: body, from: 0 }];
  const blocks: ProseBlock[] = [];
  const paragraphs = /[^\n]+(?:\n[^\n]+)*/g;
  for (let m = paragraphs.exec(body); m !== null; m = paragraphs.exec(body)) {
    const text = m[0];
    if (text.split('\n').every((line) => PLAIN.test(line)) && paired(text)) continue;
    blocks.push({ text, from: m.index });
  }
  return blocks;
}

function paired(text: string): boolean {
  for (const [open, close] of PAIRS) {
    let depth = 0;
    for (const ch of text) {
      if (ch === open) depth++;
      else if (ch === close && --depth < 0) return false;
    }
    if (depth !== 0) return false;
  }
  return true;
}

import type { MarkdownIt } from 'markdown-it';

/** Where, in the env of a parse, the lines whose text was nested too deeply are noted. */
const KEY = 'gazetteTooDeep';

/**
 * markdown-it stops at `maxNesting` (100) levels of quotes or lists, which keeps a body of 10,000
 * `>` from overflowing the stack, but it then drops the rest of the block without a word: text
 * after it, even a whole article, would be lost. Here that rest is kept as one plain paragraph
 * instead, and its first line (0-based, in the text parsed) is noted for a warning.
 */
export function keepTooDeepText(md: MarkdownIt): void {
  const { block } = md;
  const tokenize = block.tokenize.bind(block);
  const limit = maxNesting(md);
  block.tokenize = (state, startLine, endLine) => {
    if (state.level < limit) {
      tokenize(state, startLine, endLine);
      return;
    }
    const line = state.skipEmptyLines(startLine);
    state.line = line;
    if (line >= endLine || (state.sCount[line] ?? 0) < state.blkIndent) return;
    const text = state.getLines(line, endLine, state.blkIndent, false).trim();
    state.push('paragraph_open', 'p', 1).map = [line, endLine];
    const inline = state.push('inline', '', 0);
    inline.content = text;
    inline.map = [line, endLine];
    inline.children = [];
    state.push('paragraph_close', 'p', -1);
    state.line = endLine;
    const env = state.env as Record<string, unknown>;
    env[KEY] = [...((env[KEY] as number[] | undefined) ?? []), line];
  };
}

/** The parser's nesting limit: an option of every markdown-it preset, missing from @types/markdown-it. */
export const maxNesting = (md: MarkdownIt): number =>
  (md.options as MarkdownIt['options'] & { maxNesting?: number }).maxNesting ?? 100;

/** Lines (0-based) of the parse with `env` whose text was kept as plain text for being nested too deeply. */
export const tooDeepLines = (env: Record<string, unknown>): readonly number[] =>
  (env[KEY] as number[] | undefined) ?? [];

/** The few entities markdown-it writes into text (raw HTML is off, so every `<` of the text is escaped). */
const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

/** Tags inside a line of text: removed, since a space inside a Chinese phrase would split its words. */
const INLINE_TAG = /<\/?(?:a|strong|em|s|del|code|span|sub|sup|mark)\b[^>]*>/g;

/**
 * The text of an article's rendered body, for the search index: inline tags vanish (`员工<strong>返岗
 * </strong>率` is one phrase), other tags become spaces (so that two paragraphs or table cells do not
 * run into one word), whitespace is collapsed. Safe on gazette's own HTML only, where the only `<` and
 * `>` are those of tags.
 */
export function plainText(html: string): string {
  return html
    .replace(INLINE_TAG, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e)
    .replace(/\s+/g, ' ')
    .trim();
}

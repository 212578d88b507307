/** About how many characters a summary may have; Chinese text counts one per character. */
export const SUMMARY_LENGTH = 120;

const SENTENCE = /[^。！？!?]*[。！？!?]+[”’」』）)]*/gu;

/**
 * The first sentences of an article, up to about 120 characters, cut at a sentence end (。！？).
 * Works on plain text, so it can never cut inside a tag; a sentence too long on its own is cut
 * between words (never inside a Latin word) and marked with "…".
 */
export function makeSummary(paragraphs: readonly string[], limit = SUMMARY_LENGTH): string {
  // Only the opening paragraphs can matter: stop joining once there is plenty to cut from.
  let joined = '';
  for (const p of paragraphs) {
    joined += p;
    if (joined.length > limit * 4) break;
  }
  const text = joined.replace(/\s+/g, ' ').trim();
  // A character is one or two UTF-16 units: only short text needs counting.
  if (text.length <= limit || (text.length <= limit * 2 && [...text].length <= limit)) return text;
  // Only the first `limit` characters can be in the summary, so look no further: on a huge paragraph
  // with no sentence end, SENTENCE would backtrack in quadratic time (minutes for 300 KB).
  const head = text.slice(0, limit * 4);
  let summary = '';
  for (const sentence of head.match(SENTENCE) ?? []) {
    if ([...summary].length + [...sentence].length > limit) break;
    summary += sentence;
  }
  if (summary !== '') return summary.trim();
  return `${cutBetweenWords(head, limit)}…`;
}

function cutBetweenWords(text: string, limit: number): string {
  const chars = [...text].slice(0, limit);
  const isWordChar = (c: string | undefined) => c !== undefined && /[\p{Script=Latin}\p{Nd}_'-]/u.test(c);
  let end = chars.length;
  // Step back while the cut would split a Latin word or a number.
  const all = [...text];
  while (end > 0 && isWordChar(chars[end - 1]) && isWordChar(all[end])) end--;
  // One word longer than the whole summary: cutting it is better than an empty summary.
  return chars
    .slice(0, end === 0 ? limit : end)
    .join('')
    .trim();
}

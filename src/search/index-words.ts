/**
 * Text parted into words for Pagefind, the words parted by spaces: “市民服务中心开放” → “市民 服务
 * 中心 开放”. Parted with `Intl.Segmenter`, as the search page parts a reader's query (Pagefind's
 * module does so for a page in Chinese): an article's words and a query's words are cut alike.
 * Pagefind, told the records are `und` (search-records.ts), takes these words as they are. Its own
 * segmenting of Chinese cost about 70% of its indexing time (4,000 articles in shards of 500: 33.5 s,
 * against 8.0 s for the same text given in words); this takes about 1.5 ms an article, in the
 * Pagefind processes, so on every core. Whitespace is left out: the spaces part the words.
 */
export function indexWords(text: string, locale: string): string {
  const segmenter = wordSegmenter(locale);
  const words: string[] = [];
  for (const [piece] of text.matchAll(PIECE))
    for (const { segment } of segmenter.segment(piece)) if (segment.trim() !== '') words.push(segment);
  return words.join(' ');
}

/**
 * The text is segmented a piece at a time: a line, or up to 500 characters ending before a space or
 * a Chinese mark that ends a phrase, where a word always ends anyway. ICU's segmenter slows down
 * more than in proportion on long runs (“*a ” 100,000 times on one line: 81 s whole, 0.2 s in
 * pieces); in pieces, 1,000 articles of the benchmark's corpus part into the same words 30% faster.
 * A run of 500 characters with no such place is cut there.
 */
const PIECE = /[^\n]{1,500}(?=[\s。，、；：！？]|$)|[^\n]{1,500}|\n+/gu;

const segmenters = new Map<string, Intl.Segmenter>();

/** ICU's word segmenter for `locale`, made once: the one every word gazette parts is cut with. */
export function wordSegmenter(locale: string): Intl.Segmenter {
  let segmenter = segmenters.get(locale);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
    segmenters.set(locale, segmenter);
  }
  return segmenter;
}

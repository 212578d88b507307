/**
 * Text parted into words for Pagefind, the words parted by spaces: “市民服务中心开放” → “市民 服务
 * 中心 开放”. Parted with `Intl.Segmenter`, as the search page parts a reader's query (Pagefind's
 * module does so for a page in Chinese): an article's words and a query's words are cut alike.
 * Pagefind, told the records are `und` (search-records.ts), takes these words as they are. Its own
 * segmenting of Chinese cost about 70% of its indexing time (4,000 articles in shards of 500: 33.5 s,
 * against 8.0 s for the same text given in words); `Intl.Segmenter` takes about 2.6 ms an article,
 * in the Pagefind processes, so on every core. Whitespace is left out: the spaces part the words.
 */
export function indexWords(text: string, locale: string): string {
  const segmenter = segmenters.get(locale) ?? new Intl.Segmenter(locale, { granularity: 'word' });
  segmenters.set(locale, segmenter);
  const words: string[] = [];
  for (const { segment } of segmenter.segment(text)) if (segment.trim() !== '') words.push(segment);
  return words.join(' ');
}

const segmenters = new Map<string, Intl.Segmenter>();

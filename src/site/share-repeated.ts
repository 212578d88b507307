import type { FileResult } from './load-files.js';

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Results come back from a worker as copies (structured clone), each with its own copy of every
 * string and object, also of those that thousands of results share: the pack a body is in, the
 * category, the year and month, the source, the tags, the file's path and digest named twice. The
 * main thread keeps every result until the build ends, so it keeps one of each instead: at 20,000
 * articles that was about 550 bytes a result. Changes the copies in place, which no one else holds.
 */
export function shareRepeated(results: readonly FileResult[]): void {
  results.forEach(repeatedSharer());
}

/**
 * shareRepeated one result at a time, sharing with those given before: for results parsed from the
 * build cache's lines (JSON.parse copies as much as a structured clone), which a whole-site plan
 * parses one by one and keeps.
 */
export function repeatedSharer(): (result: FileResult) => void {
  const strings = new Map<string, string>();
  const one = (s: string): string => {
    const known = strings.get(s);
    if (known !== undefined) return known;
    strings.set(s, s);
    return s;
  };
  const categories = new Map<string, NonNullable<FileResult['entry']>['category']>();
  return (r) => {
    const result = r as Writable<FileResult>;
    if (result.body && 'pack' in result.body) result.body = { ...result.body, pack: one(result.body.pack) };
    const e = result.entry as Writable<NonNullable<FileResult['entry']>> | undefined;
    if (!e) return;
    if (e.file === result.path) e.file = result.path;
    if (e.version === result.digest) e.version = result.digest;
    const key = JSON.stringify(e.category);
    const category = categories.get(key);
    if (category) e.category = category;
    else categories.set(key, e.category);
    e.date = { ...e.date, year: one(e.date.year), month: one(e.date.month), day: one(e.date.day) };
    if (e.source !== undefined) e.source = one(e.source);
    e.tags = e.tags.map(one);
    if (e.tagSlugs) e.tagSlugs = e.tagSlugs.map(one);
  };
}

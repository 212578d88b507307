import { createRequire } from 'node:module';
import type { pinyin as Pinyin } from 'pinyin-pro';

// The pinyin dictionary takes 24 MB of memory per thread: it is loaded by the first Chinese text
// slugged, so a thread that slugs none (a build's main thread, given the tags' slugs) never loads it.
let pinyin: typeof Pinyin | undefined;
const syllables = (text: string): string[] => {
  pinyin ??= (createRequire(import.meta.url)('pinyin-pro') as { pinyin: typeof Pinyin }).pinyin;
  return pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true });
};

/**
 * A URL-safe slug for any text: Chinese becomes toneless pinyin (学习 → xue-xi), Latin letters are
 * lowercased, everything else becomes a hyphen. Chinese never yields an empty or percent-encoded slug.
 */
export function slugify(text: string): string {
  const known = slugs.get(text);
  if (known !== undefined) return known;
  const slug = slugOf(text);
  // Tags, categories and many headings come back article after article; a bound keeps a thread
  // that slugs a whole site's headings from holding them all.
  if (slugs.size >= REMEMBERED) slugs.clear();
  slugs.set(text, slug);
  return slug;
}

const REMEMBERED = 10_000;
const slugs = new Map<string, string>();

/** Slugs made by slugify elsewhere (another thread: see slugsAhead), remembered as its own. */
export function rememberSlugs(pairs: Iterable<readonly [text: string, slug: string]>): void {
  for (const [text, slug] of pairs) if (slugs.size < REMEMBERED) slugs.set(text, slug);
}

function slugOf(text: string): string {
  const ascii = /[^ -~\t\n]/.test(text) ? syllables(text.normalize('NFKC')).join('-') : text;
  return ascii
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Slugs that editors may write by hand: lowercase ASCII letters, digits, hyphens, underscores, dots. */
export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?$/;

export const isValidSlug = (s: string): boolean => SLUG_PATTERN.test(s) && !s.includes('..');

import path from 'node:path';

/**
 * The texts that loading a content file will most likely slug (slugify): its tags, its headings
 * (their anchors) and its file name, found by a quick look at the text, not by parsing it. Only
 * what holds Chinese or other non-ASCII text, which needs the pinyin dictionary. A guess that misses
 * (a heading with markup, a tag written in an unusual way) costs nothing but the guess: the text is
 * then slugged where the article is loaded, as it would be anyway (see slugsAhead).
 */
export function textsToSlug(file: string, text: string): string[] {
  const texts = [path.posix.basename(file).replace(/\.(md|markdown)$/i, '')];
  const frontMatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
  const flow = /^tags:\s*\[(.*)\]\s*$/m.exec(frontMatter)?.[1];
  if (flow !== undefined) texts.push(...flow.split(',').map(unquoted));
  const block = /^tags:\s*\r?\n((?:[ \t]+-.*\r?\n?)+)/m.exec(frontMatter)?.[1];
  if (block !== undefined) texts.push(...block.split(/\r?\n/).map((l) => unquoted(l.replace(/^\s*-/, ''))));
  for (const m of text.matchAll(/^ {0,3}#{1,6}[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/gm))
    texts.push((m[1] as string).replace(/[*_`~]/g, '').trim());
  return texts.filter((t) => t !== '' && NON_ASCII.test(t));
}

const NON_ASCII = /[^ -~\t\n]/;

/** A YAML scalar written plainly or in quotes, as its text (escapes aside: a miss, not a mistake). */
const unquoted = (s: string): string => s.trim().replace(/^(["'])(.*)\1$/, '$2');

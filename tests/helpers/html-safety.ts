import { parse } from 'node-html-parser';

/** Attributes that a browser follows or runs: a URL there may never use one of these schemes. */
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'srcset', 'poster', 'data'];
const UNSAFE_SCHEME = /^(javascript|vbscript|data):/i;

/**
 * Everything in an HTML page that could run code: script elements, event-handler attributes
 * (`onerror=`), and links or sources with a javascript:, vbscript: or data: URL (as a browser
 * reads them: entities decoded, whitespace and control characters dropped). Empty means safe.
 */
export function dangerIn(html: string): string[] {
  const found: string[] = [];
  const doc = parse(html, { comment: false });
  for (const el of doc.querySelectorAll('*')) {
    const tag = el.rawTagName?.toLowerCase() ?? '';
    // The theme's own scripts are not from content: its JSON-LD data block (escaped by the jsonld
    // filter, checked by its own tests), its static scripts under /assets/ and Pagefind's UI script.
    const themeScript =
      tag === 'script' &&
      (el.getAttribute('type') === 'application/ld+json' ||
        /^\/([^/]+\/)*(assets\/[a-z-]+|pagefind\/pagefind-ui)\.js$/.test(el.getAttribute('src') ?? ''));
    if ((tag === 'script' && !themeScript) || tag === 'iframe' || tag === 'object' || tag === 'embed')
      found.push(`<${tag}>`);
    for (const [name, value] of Object.entries(el.attributes)) {
      const attr = name.toLowerCase();
      if (attr.startsWith('on')) found.push(`<${tag} ${attr}=…>`);
      // biome-ignore lint/suspicious/noControlCharactersInRegex: browsers drop them from URLs, so must we
      const url = decodeEntities(value).replace(/[\u0000-\u0020\u007f]/g, '');
      if (URL_ATTRIBUTES.includes(attr) && UNSAFE_SCHEME.test(url)) found.push(`<${tag} ${attr}="${value}">`);
    }
  }
  // Anything the parser might not see as an element (the theme's own script tags taken out first).
  const themeTags =
    /<script (?:type="application\/ld\+json"|src="\/(?:[^/"]+\/)*(?:assets\/[a-z-]+|pagefind\/pagefind-ui)\.js"(?: defer)?)>/g;
  if (/<script\b/i.test(html.replace(themeTags, ''))) found.push('<script');
  return found;
}

const decodeEntities = (s: string) =>
  s
    .replace(/&#x([0-9a-f]+);?/gi, (_, h: string) => String.fromCodePoint(Number.parseInt(h, 16) % 0x110000))
    .replace(/&#(\d+);?/g, (_, d: string) => String.fromCodePoint(Number(d) % 0x110000))
    .replace(/&colon;/gi, ':')
    .replace(/&tab;/gi, '\t')
    .replace(/&newline;/gi, '\n')
    .replace(/&amp;/gi, '&');

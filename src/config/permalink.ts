import { addressTooLong } from '../urls/address-length.js';

/** What a permalink may be made of besides its own characters. */
const PLACEHOLDER = /\{(category|yyyy|mm|dd|slug)\}/g;

/**
 * What is wrong with a permalink pattern, if anything, as a message for site.yaml. Every address
 * it makes must be a plain path inside the site: each part between "/" is a folder (or the page's
 * file) of the output, so "..", "." and "" parts, and characters that mean something else in a
 * URL or a file name ("?", "#", "%", "\", spaces, control characters), would lead elsewhere.
 */
export function permalinkProblem(pattern: string): string | undefined {
  if (!pattern.startsWith('/') || !pattern.includes('{slug}') || !/(\/|\.html)$/.test(pattern))
    return '"permalink" must start with "/", contain {slug} and end with "/" or ".html"';
  const literal = pattern.replace(PLACEHOLDER, 'x');
  const unknown = /\{[^}]*\}?/.exec(literal)?.[0];
  if (unknown !== undefined)
    return `"permalink" has an unknown placeholder "${unknown}"; use {category}, {yyyy}, {mm}, {dd} and {slug}`;
  const odd = /[^A-Za-z0-9._~/-]/u.exec(literal)?.[0];
  if (odd !== undefined)
    return `"permalink" may contain only a-z, A-Z, 0-9, "-", "_", ".", "~" and "/" besides its placeholders, not ${JSON.stringify(odd)}; e.g. permalink: /{category}/{yyyy}/{mm}/{slug}/`;
  const parts = literal.slice(1).split('/');
  // The part after the last "/" of a pretty address is empty: its page is index.html.
  if (pattern.endsWith('/')) parts.pop();
  if (parts.some((p) => p === ''))
    return '"permalink" must not contain "//": every part between two "/" names a folder; e.g. permalink: /{category}/{yyyy}/{mm}/{slug}/';
  const dotted = parts.find((p) => p.startsWith('.'));
  if (dotted !== undefined)
    return `"permalink" must not have a part that starts with "." ("${dotted}"): ".." would lead out of the site, and web servers hide the others; e.g. permalink: /{category}/{yyyy}/{mm}/{slug}/`;
  const tooLong = addressTooLong(pattern);
  return tooLong && `"permalink" makes addresses that are too long: ${tooLong.replace(/^the address /, '')}`;
}

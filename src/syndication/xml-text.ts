/** Characters XML 1.0 forbids even as references (C0 controls but tab and newlines, U+FFFE/U+FFFF). */
const NOT_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters to remove
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text without the characters XML cannot hold at all. */
export const xmlChars = (text: string): string => text.replace(NOT_XML, '');

/** Text safe to put into an XML document: forbidden characters dropped, markup characters escaped. */
export function escapeXml(text: string): string {
  const clean = xmlChars(text);
  // Most text (a sitemap's addresses) has nothing to escape: skip the five replacements.
  if (!/[&<>"']/.test(clean)) return clean;
  return clean
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * Plain text as HTML, for feed fields that readers show as HTML (RSS titles and descriptions by
 * custom, Atom's type="html"): a title `<img onerror=…>` must reach the reader as text, not markup.
 * The `feed` package then wraps it in CDATA, so it is escaped once for HTML and never again.
 */
export const htmlText = (text: string): string =>
  text.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

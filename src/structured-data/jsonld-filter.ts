import nunjucks from 'nunjucks';

/**
 * JSON for a `<script type="application/ld+json">` element. The HTML parser ends a script at the first
 * `</script`, whatever JSON thinks of it, and never decodes entities inside it; so characters that
 * mean something to HTML are written as JSON's own \u escapes, which every JSON parser reads back
 * unchanged: a title `</script><img onerror=…>` stays text. U+2028/U+2029 are escaped too, for
 * older JavaScript parsers that end a string at them.
 */
export function jsonLdText(value: unknown): string {
  const json = JSON.stringify(value) ?? 'null';
  return json.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The `jsonld` filter: `{{ data | jsonld }}`, marked safe so autoescaping does not turn `"` into `&quot;`. */
export const jsonldFilter = (value: unknown): nunjucks.runtime.SafeString =>
  new nunjucks.runtime.SafeString(jsonLdText(value));

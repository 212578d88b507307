import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** Elements that may repeat, by their path: always read as lists, even when there is one. */
const LISTS = new Set([
  'rss.channel.item',
  'rss.channel.item.category',
  'feed.link',
  'feed.entry',
  'feed.entry.link',
  'feed.entry.category',
  'urlset.url',
  'sitemapindex.sitemap',
]);

/**
 * Parses an XML document with a real XML parser after checking that it is well-formed (a parser
 * that forgives errors would hide them). Attributes as `@_name`; text of an element with attributes
 * as `#text`; elements that may repeat (RSS items, Atom entries and links, sitemap
 * urls) always as lists.
 */
export function parseXml(xml: string): Record<string, unknown> {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`not well-formed XML: ${JSON.stringify(valid.err)}`);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    isArray: (_name, jpath) => LISTS.has(String(jpath)),
  });
  return parser.parse(xml) as Record<string, unknown>;
}

/** An RSS 2.0 item as parseXml reads it. */
export interface RssItem {
  readonly title: string;
  readonly link: string;
  readonly guid: { readonly '#text': string };
  readonly pubDate: string;
  readonly description: string;
  readonly category: string[];
}

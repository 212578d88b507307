import { createHash } from 'node:crypto';
import type { Entry, RenderedEntry } from './site-graph.js';

/** An entry as makeEntry has it before its listing is known. */
type Unlisted = Omit<RenderedEntry, 'listing'>;

/**
 * A digest of everything of an entry that pages other than its own can show: lists, feeds,
 * neighbours and related reading show its title, dates, summary, tags and cover, never its body.
 * A 信息公开 category's list also shows its `disclosure` (索引号, 文号, 成文日期): kept in `shown`
 * on purpose, so that editing a 文号 re-renders that list (tests/e2e/disclosure.test.ts).
 * Those pages count the entry by this in their signatures, so an edit of an article's text further
 * down changes the signature of its own page only (which counts its body by `version`).
 */
export function listingOf(entry: Unlisted | Entry): string {
  const {
    version: _version,
    links: _links,
    warnings: _warnings,
    listing: _listing,
    html: _html,
    // Where its fields are written, for messages: no page shows it.
    at: _at,
    ...shown
  } = entry as Unlisted & { listing?: string; html?: string };
  return createHash('sha1').update(JSON.stringify(shown), 'utf16le').digest('base64url');
}

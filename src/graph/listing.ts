import { createHash } from 'node:crypto';
import { type Entry, type ListedEntry, OWN_PAGE_ONLY, type RenderedEntry } from './site-graph.js';

/** An entry as makeEntry has it before its listing is known. */
type Unlisted = Omit<RenderedEntry, 'listing'>;

/**
 * A digest of everything of an entry that pages other than its own can show: all of it but what
 * only its own page shows (OWN_PAGE_ONLY), which listedView leaves out of what they are given. Those
 * pages (the home page's 图片新闻 and the lists' thumbnails show its cover) count the entry by this
 * in their signatures, so an edit of an article's text further down changes the signature of its
 * own page only (which counts its body by `version`). A 信息公开 category's list shows its
 * `disclosure` (索引号, 文号, 成文日期): not own-page-only, so that editing a 文号 re-renders that
 * list (tests/e2e/disclosure.test.ts).
 */
export function listingOf(entry: Unlisted | Entry): string {
  const { listing: _listing, html: _html, ...rest } = entry as Unlisted & { listing?: string; html?: string };
  return createHash('sha1')
    .update(JSON.stringify(withoutOwn(rest)), 'utf16le')
    .digest('base64url');
}

/** The entry as every page but its own is given it: without what only its own page shows. */
export const listedView = (entry: ListedEntry | Entry): ListedEntry =>
  'version' in entry ? (withoutOwn(entry) as ListedEntry) : entry;

/**
 * Whether page data is an entry as listedView gives it, even as copied to a worker thread (which
 * keeps plain data only): an entry (it has a `listing`) without the digest of its own file.
 */
export const isListedView = (value: object): boolean => 'listing' in value && !('version' in value);

/**
 * Copied key by key, in order, rather than spread and then deleted from: an object a key was deleted
 * from becomes a dictionary, and every list, sort, related reading and signature of a 20,000-article
 * plan read such entries, at several times the cost of reading an ordinary object.
 */
function withoutOwn<T extends object>(entry: T): Partial<T> {
  const rest: Record<string, unknown> = {};
  for (const key of Object.keys(entry))
    if (!OWN.has(key)) rest[key] = (entry as Record<string, unknown>)[key];
  return rest as Partial<T>;
}

const OWN: ReadonlySet<string> = new Set(OWN_PAGE_ONLY);

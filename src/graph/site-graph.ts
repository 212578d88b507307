import type { Attachment } from '../attachments/list-attachments.js';
import type { Category } from '../config/site-config.js';
import type { Article } from '../content/article.js';
import type { Diagnostic } from '../errors/diagnostic.js';
import type { ImageSize } from '../fs/measure-image.js';
import type { MarkdownLink } from '../markdown/render-markdown.js';
import type { ArchiveYear } from './archive.js';
import type { RelatedReading } from './related.js';

/**
 * An article's metadata and its place on the site: what lists, feeds and the graph need. Its rendered
 * body is not here but beside it (see BodyRef), so that the site's structure stays small however many
 * articles there are.
 */
export interface Entry extends Omit<Article, 'body'> {
  /** Digest of the source file: two entries with the same file and version render the same. */
  readonly version: string;
  /** A digest of what pages other than its own show of it (listingOf): they count it by this. */
  readonly listing: string;
  /** The editor's summary, or the first sentences of the body. */
  readonly summaryText: string;
  /**
   * Each tag's slug before homophones are numbered (slugify), in the order of `tags`: made where the
   * article is loaded, a worker thread for a large site, so that the main thread need not load the
   * pinyin dictionary (24 MB of memory per thread) to make the tags' addresses.
   */
  readonly tagSlugs?: readonly string[];
  /** Site path, without the base path: `/xuexi/2022/03/jinhua-yonggong/`. */
  readonly url: string;
  /**
   * The body's links and images as written (root-relative to the site, without the base path), with
   * line and column of the source file itself (front matter counted), for `gazette check`.
   */
  readonly links: readonly MarkdownLink[];
  /** Site path of the cover picture, without the base path: `/xuexi/2022/03/a/images/cover.jpg`. */
  readonly coverUrl?: string;
  /** Its size, when it could be measured: for `width` and `height`. */
  readonly coverSize?: ImageSize;
  /** The files its body links for download, listed under 附件 on its page; absent when none. */
  readonly attachments?: readonly Attachment[];
  /** Problems of the body worth a warning (text nested too deeply), at the file's own lines. */
  readonly warnings?: readonly Diagnostic[];
}

/**
 * What of an entry only its own page shows: its page counts them by `version`, the digest of its
 * file. Every other page (lists, the home page, neighbours, feeds) is given the entry without them
 * (listedView), and counts it by `listing`, a digest of all the rest (listingOf). One declaration
 * for both, so that a field a theme's list can read is always one its page's signature counts.
 */
export const OWN_PAGE_ONLY = ['version', 'links', 'attachments', 'warnings', 'at'] as const;

/** An entry as pages other than its own see it. */
export type ListedEntry = Omit<Entry, (typeof OWN_PAGE_ONLY)[number]>;

/** An entry with its body's HTML, as made from the article: the body then goes its own way. */
export interface RenderedEntry extends Entry {
  readonly html: string;
}

/** One page of a paginated list. */
export interface ListPage {
  readonly number: number;
  readonly url: string;
  readonly entries: readonly ListedEntry[];
}

export interface Pagination {
  readonly pages: readonly ListPage[];
}

export interface CategorySection {
  readonly category: Category;
  readonly url: string;
  /** Newest first. */
  readonly entries: readonly ListedEntry[];
  readonly pages: readonly ListPage[];
}

export interface TagSection {
  readonly name: string;
  readonly slug: string;
  readonly url: string;
  readonly entries: readonly ListedEntry[];
  readonly pages: readonly ListPage[];
}

export interface Neighbours {
  /** 上一篇: the previous (older) article of the same category. */
  readonly previous?: ListedEntry;
  /** 下一篇: the next (newer) article of the same category. */
  readonly next?: ListedEntry;
}

/** Everything about the site's structure, as data; rendering is a separate stage. */
export interface SiteGraph {
  /** Published articles, newest first. */
  readonly entries: readonly ListedEntry[];
  readonly headline?: ListedEntry;
  readonly categories: readonly CategorySection[];
  readonly tags: readonly TagSection[];
  readonly neighbours: ReadonlyMap<string, Neighbours>;
  /** 相关阅读 of each entry, by file: best first, never the entry itself. */
  readonly related: RelatedReading;
  /** The date archive: years and their months, newest first. */
  readonly archive: readonly ArchiveYear[];
}

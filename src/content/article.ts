import type { Category } from '../config/site-config.js';
import type { Position } from '../errors/diagnostic.js';
import type { FileStamp } from '../fs/file-stamp.js';
import type { ArticleDate } from './dates.js';

/** A content file as read from disk: the only input of the content stage. */
export interface SourceFile {
  /** Path relative to the site root, with "/" separators: `content/xuexi/a.md`. */
  readonly path: string;
  readonly bytes: Uint8Array;
  /** What the file system said of it when it was read: lets a later build know it unchanged. */
  readonly stamp?: FileStamp;
}

/** A content file found but not read yet: read where its bytes are needed (readSourceFile). */
export interface SourceRef {
  readonly path: string;
  /** Its absolute path. */
  readonly full: string;
  readonly stamp?: FileStamp;
}

/** A validated article, before its Markdown is rendered. */
export interface Article {
  readonly file: string;
  readonly title: string;
  readonly slug: string;
  readonly category: Category;
  readonly date: ArticleDate;
  readonly source?: string;
  readonly author?: string;
  readonly editor?: string;
  readonly tags: readonly string[];
  /** The editor's own summary, if any; otherwise one is made from the body. */
  readonly summary?: string;
  readonly draft: boolean;
  readonly headline: boolean;
  /** The picture shown above the article (front matter `cover`, `coverAlt`). */
  readonly cover?: ArticleCover;
  /** Its 政府信息公开 fields, when it is a 信息公开 article (front matter `disclosure:`). */
  readonly disclosure?: Disclosure;
  /** Front-matter fields gazette does not know, for templates. */
  readonly extra: Readonly<Record<string, unknown>>;
  readonly body: string;
  readonly bodyLine: number;
  /** Where fields are written in the file, for messages about the article as a whole. */
  readonly at: ArticlePositions;
}

export interface ArticlePositions {
  /** The value of `date:`. */
  readonly date: Position;
  /** The value that sets its address apart from others: `slug:`, or what stands for it (addressAt). */
  readonly address: Position;
  /** The key `index:` of `disclosure:`, for a message about two articles with one 索引号. */
  readonly disclosureIndex?: Position;
}

/** The 政府信息公开 fields of an article, as its page shows them (labels in partials/disclosure.njk). */
export interface Disclosure {
  /** 索引号. */
  readonly index: string;
  /** 发布机构 (发文机关). */
  readonly publisher?: string;
  /** 主题分类. */
  readonly topic?: string;
  /** 成文日期, checked: `2022-02-28`, and as shown, `2022年02月28日`. */
  readonly written?: { readonly iso: string; readonly display: string };
  /** 文号 (发文字号). */
  readonly number?: string;
  /** 有效性. */
  readonly validity?: string;
}

/** A cover picture as written in the front matter, and where its address is written. */
export interface ArticleCover {
  /** Relative to the article's file (`images/cover.jpg`), or to the site's public/ (`/img/a.jpg`). */
  readonly href: string;
  /** Describes the picture for readers who cannot see it; empty: decorative. */
  readonly alt: string;
  readonly line: number;
  readonly column: number;
}

import type { Category } from '../config/site-config.js';
import type { ArticleDate } from './dates.js';

/** A content file as read from disk: the only input of the content stage. */
export interface SourceFile {
  /** Path relative to the site root, with "/" separators: `content/xuexi/a.md`. */
  readonly path: string;
  readonly bytes: Uint8Array;
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
  /** Front-matter fields gazette does not know, for templates. */
  readonly extra: Readonly<Record<string, unknown>>;
  readonly body: string;
  readonly bodyLine: number;
}

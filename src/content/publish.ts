import type { Position } from '../errors/diagnostic.js';
import type { Article } from './article.js';

export interface PublishOptions {
  readonly drafts: boolean;
  readonly future: boolean;
  /** The moment of the build: articles dated after it are scheduled, not published. */
  readonly now: number;
}

export type Exclusion = 'draft' | 'future';

/** The articles a build leaves out: its drafts, by file, for the build to name, and how many wait for their date. */
export interface Skipped {
  readonly drafts: readonly string[];
  readonly future: number;
}

/**
 * What deciding whether to publish an article looks at, and where its date is written: a build
 * names each article it leaves out for its date (futureDatedListing), also from the build cache.
 */
export type Publishing = Pick<Article, 'draft'> & {
  readonly date: Pick<Article['date'], 'epochMs'>;
  readonly dateAt?: Position;
};

/** Why an article is left out of this build, if it is. */
export function exclusionOf(article: Publishing, options: PublishOptions): Exclusion | undefined {
  if (article.draft && !options.drafts) return 'draft';
  if (article.date.epochMs > options.now && !options.future) return 'future';
  return undefined;
}

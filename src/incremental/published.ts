import { exclusionOf, type Publishing, type PublishOptions } from '../content/publish.js';
import type { Entry } from '../graph/site-graph.js';
import type { FileResult } from '../site/load-files.js';

/** A result whose article this build publishes: valid, rendered, and neither a draft nor due later. */
export type PublishedResult = FileResult & { readonly entry: Entry; readonly publishing: Publishing };

/** Whether this build publishes the article of `result`: the one "is it published" of the engine. */
export const isPublished = (result: FileResult, publish: PublishOptions): result is PublishedResult =>
  result.entry !== undefined && result.publishing !== undefined && !exclusionOf(result.publishing, publish);

/**
 * Whether an article an earlier build left out unrendered (`pending`: a draft, a future date) is
 * published by this one: its result then lacks what this build needs.
 */
export const publishedSince = (pending: Publishing | undefined, publish: PublishOptions): boolean =>
  pending !== undefined && exclusionOf(pending, publish) === undefined;

/**
 * Whether a result made by an earlier build holds everything this build needs of its file: an
 * article left out then (a draft, a future date) was not rendered, and is needed if it is published now.
 */
export const stillValid = (result: FileResult, publish: PublishOptions): boolean =>
  !publishedSince(result.entry ? undefined : result.publishing, publish);

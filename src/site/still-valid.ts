import { exclusionOf, type PublishOptions } from '../content/publish.js';
import type { FileResult } from './load-files.js';

/**
 * Whether a result made by an earlier build holds everything this build needs of its file: an
 * article left out then (a draft, a future date) was not rendered, and is needed if it is published now.
 */
export const stillValid = (result: FileResult, publish: PublishOptions): boolean =>
  !result.publishing || result.entry !== undefined || exclusionOf(result.publishing, publish) !== undefined;

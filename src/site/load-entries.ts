import type { MarkdownIt } from 'markdown-it';
import { type BodySink, inlineBodies } from '../bodies/body-ref.js';
import type { SiteConfig } from '../config/site-config.js';
import type { SourceFile } from '../content/article.js';
import type { PublishOptions } from '../content/publish.js';
import { type ImageCatalog, NO_IMAGES } from '../images/image-catalog.js';
import {
  collectEntries,
  digestOf,
  type FileResult,
  type LoadedEntries,
  loadFile,
  stillValid,
} from './load-files.js';

/** What one content file became, with the bytes it was made from: the same buffer again needs no hashing. */
interface Loaded {
  readonly bytes: Uint8Array;
  readonly result: FileResult;
}

/**
 * Remembers each file's result by the digest of its bytes, so a rebuild re-reads only what changed,
 * and an unchanged file keeps the very same entry object (the dev server tells body-only edits by
 * that). Valid for one config and one catalog of images: make a new cache when they change.
 */
export type EntryCache = Map<string, Loaded>;

/**
 * Validates every content file and renders its Markdown (loadFile), taking what it can from `cache`:
 * the in-memory counterpart of the build cache, for the dev server and `check`.
 */
export function loadEntries(
  files: readonly SourceFile[],
  config: SiteConfig,
  publish: PublishOptions,
  md: MarkdownIt,
  cache: EntryCache = new Map(),
  images: ImageCatalog = NO_IMAGES,
  sink: BodySink = inlineBodies,
): LoadedEntries {
  const results: FileResult[] = [];
  const seen = new Set<string>();
  for (const file of files) {
    seen.add(file.path);
    const known = cache.get(file.path);
    const same = known && (known.bytes === file.bytes || known.result.digest === digestOf(file.bytes));
    const result =
      known && same && stillValid(known.result, publish)
        ? known.result
        : loadFile(file, config, publish, md, images, sink);
    cache.set(file.path, { bytes: file.bytes, result });
    results.push(result);
  }
  for (const path of cache.keys()) if (!seen.has(path)) cache.delete(path);
  return collectEntries(results, publish);
}

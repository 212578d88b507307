import { createHash } from 'node:crypto';
import type { MarkdownIt } from 'markdown-it';
import { type BodyRef, type BodySink, inlineBodies } from '../bodies/body-ref.js';
import type { SiteConfig } from '../config/site-config.js';
import type { Article, SourceFile } from '../content/article.js';
import { loadArticle } from '../content/load-article.js';
import { exclusionOf, type PublishOptions } from '../content/publish.js';
import type { Diagnostic } from '../errors/diagnostic.js';
import { makeEntry } from '../graph/entries.js';
import type { Entry } from '../graph/site-graph.js';
import { type ImageCatalog, NO_IMAGES } from '../images/image-catalog.js';

/** What one content file became; kept between rebuilds while the file's bytes stay the same. */
interface Loaded {
  /** The bytes it was made from: the very same buffer again needs no hashing to be known unchanged. */
  readonly bytes: Uint8Array;
  readonly digest: string;
  readonly diagnostics: readonly Diagnostic[];
  readonly article?: Article;
  /** Rendered on first use: drafts and future articles are not rendered unless published. */
  entry?: Entry;
  body?: BodyRef;
}

/**
 * Remembers each file's article and rendered Markdown by the digest of its bytes, so a rebuild
 * re-reads only what changed. Valid for one config: make a new cache when site.yaml changes.
 */
export type EntryCache = Map<string, Loaded>;

export interface LoadedEntries {
  /** The articles this build publishes, rendered. */
  readonly published: readonly Entry[];
  /** Where each published entry's body is, by file. */
  readonly bodies: ReadonlyMap<string, BodyRef>;
  readonly skipped: { draft: number; future: number };
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Validates every content file and renders its Markdown: front matter → Article → Entry, and its
 * body's HTML into `sink`. Images are looked up in `images`; the cache is valid for one catalog of
 * images too.
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
  const diagnostics: Diagnostic[] = [];
  const published: Entry[] = [];
  const bodies = new Map<string, BodyRef>();
  const skipped = { draft: 0, future: 0 };
  const seen = new Set<string>();
  for (const file of files) {
    seen.add(file.path);
    let loaded = cache.get(file.path);
    const digest = loaded?.bytes === file.bytes ? loaded.digest : digestOf(file.bytes);
    if (loaded?.digest !== digest) {
      const { article, diagnostics: found } = loadArticle(file, config);
      loaded = { bytes: file.bytes, digest, diagnostics: found, ...(article && { article }) };
      cache.set(file.path, loaded);
    } else if (loaded.bytes !== file.bytes) {
      loaded = { ...loaded, bytes: file.bytes };
      cache.set(file.path, loaded);
    }
    diagnostics.push(...loaded.diagnostics);
    if (!loaded.article) continue;
    const why = exclusionOf(loaded.article, publish);
    if (why) {
      skipped[why]++;
      continue;
    }
    if (!loaded.entry || !loaded.body) {
      const { html, ...entry } = makeEntry(md, loaded.article, config, digest, images);
      loaded.entry = entry;
      loaded.body = sink(html);
    }
    diagnostics.push(...(loaded.entry.warnings ?? []));
    published.push(loaded.entry);
    bodies.set(loaded.entry.file, loaded.body);
  }
  for (const path of cache.keys()) if (!seen.has(path)) cache.delete(path);
  return { published, bodies, skipped, diagnostics };
}

export const digestOf = (data: string | Uint8Array): string =>
  createHash('sha1').update(data).digest('base64url');

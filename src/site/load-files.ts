import { createHash } from 'node:crypto';
import type { MarkdownIt } from 'markdown-it';
import type { ImageCatalog } from '../assets/image-catalog.js';
import { packWriter } from '../bodies/body-pack.js';
import type { BodyRef, BodySink } from '../bodies/body-ref.js';
import type { SiteConfig } from '../config/site-config.js';
import type { SourceFile, SourceRef } from '../content/article.js';
import { readSourceFile } from '../content/discover.js';
import type { FilePublishing } from '../content/future-dated.js';
import { loadArticle } from '../content/load-article.js';
import { placeholderProblem } from '../content/placeholder.js';
import { exclusionOf, type Publishing, type PublishOptions, type Skipped } from '../content/publish.js';
import type { Diagnostic } from '../errors/diagnostic.js';
import type { FileStamp } from '../fs/file-stamp.js';
import { makeEntry } from '../graph/entries.js';
import type { Entry } from '../graph/site-graph.js';

/**
 * What one content file became, as plain data: what the build cache keeps of it between builds.
 * An article left out of this build (a draft, a future date) is validated but not rendered.
 */
export interface FileResult {
  readonly path: string;
  readonly stamp?: FileStamp;
  /** Digest of the file's bytes: the key everything else here is valid for. */
  readonly digest: string;
  readonly diagnostics: readonly Diagnostic[];
  /** Set when the file is a valid article. */
  readonly publishing?: Publishing;
  /** Set when it was rendered, with where its body's HTML is. */
  readonly entry?: Entry;
  readonly body?: BodyRef;
}

/** Validates one file and, if this build publishes it, renders it, putting its body into `sink`. */
export function loadFile(
  file: SourceFile,
  config: SiteConfig,
  publish: PublishOptions,
  md: MarkdownIt,
  images: ImageCatalog,
  sink: BodySink,
): FileResult {
  const base = { path: file.path, ...(file.stamp && { stamp: file.stamp }), digest: digestOf(file.bytes) };
  const { article, diagnostics } = loadArticle(file, config);
  if (!article) return { ...base, diagnostics };
  // An unwritten article is no valid article, whether this build publishes it or its date has not
  // come; an unwritten draft is a warning of its page, reported only where a build shows it.
  const unwritten = placeholderProblem(article);
  if (unwritten?.severity === 'error') return { ...base, diagnostics: [...diagnostics, unwritten] };
  const publishing = {
    draft: article.draft,
    date: { epochMs: article.date.epochMs },
    dateAt: article.at.date,
  };
  if (exclusionOf(article, publish)) return { ...base, diagnostics, publishing };
  const { html, ...rendered } = makeEntry(md, article, config, base.digest, images);
  const entry =
    unwritten?.severity === 'warning'
      ? { ...rendered, warnings: [...(rendered.warnings ?? []), unwritten] }
      : rendered;
  return { ...base, diagnostics, publishing, entry, body: sink(html) };
}

/**
 * loadFile for a file read or still to be read: one that cannot be read is a result with that error;
 * one gone since it was found, none.
 */
export function loadSource(
  source: SourceFile | SourceRef,
  config: SiteConfig,
  publish: PublishOptions,
  md: MarkdownIt,
  images: ImageCatalog,
  sink: BodySink,
): FileResult | undefined {
  const file = 'full' in source ? readSourceFile(source) : source;
  if (file === undefined) return undefined;
  if (!('bytes' in file)) return { path: source.path, digest: '', diagnostics: [file] };
  return loadFile(file, config, publish, md, images, sink);
}

/**
 * loadSource for each of `sources`, their bodies packed into one pack, `bodiesDir/pack`: what a
 * build does with the files it must read, on one thread or in each worker's batch.
 */
export function loadPacked(
  sources: ReadonlyArray<SourceFile | SourceRef>,
  config: SiteConfig,
  publish: PublishOptions,
  md: MarkdownIt,
  images: ImageCatalog,
  bodiesDir: string,
  pack: string,
): FileResult[] {
  const packed = packWriter(bodiesDir, pack);
  const results: FileResult[] = [];
  for (const source of sources) {
    const r = loadSource(source, config, publish, md, images, packed.add);
    if (r) results.push(r);
  }
  packed.flush();
  return results;
}

/**
 * When the first article left out of this build for its date is due, if any: a build after it is
 * not up to date, and the dev server loads again what it kept.
 */
export function nextDue(results: readonly FileResult[], publish: PublishOptions): number | undefined {
  let due: number | undefined;
  for (const r of results) {
    // Drafts too, when this build publishes drafts: they are left out for their date alone then.
    const at =
      r.publishing && exclusionOf(r.publishing, publish) === 'future' ? r.publishing.date.epochMs : undefined;
    if (at !== undefined && (due === undefined || at < due)) due = at;
  }
  return due;
}

/** The published entries of a build from the results of its files, in the files' order. */
export function collectEntries(results: readonly FileResult[], publish: PublishOptions): LoadedEntries {
  const published: Entry[] = [];
  const bodies = new Map<string, BodyRef>();
  const diagnostics: Diagnostic[] = [];
  const drafts: string[] = [];
  let future = 0;
  const scheduled: FileResult[] = [];
  for (const r of results) {
    diagnostics.push(...r.diagnostics);
    if (!r.publishing) continue;
    const why = exclusionOf(r.publishing, publish);
    if (why === 'draft') drafts.push(r.path);
    else if (why === 'future') {
      future++;
      scheduled.push(r);
    } else if (r.entry && r.body) {
      diagnostics.push(...(r.entry.warnings ?? []));
      published.push(r.entry);
      bodies.set(r.entry.file, r.body);
    }
  }
  return { published, bodies, skipped: { drafts, future }, scheduled, diagnostics };
}

export interface LoadedEntries {
  /** The articles this build publishes, rendered. */
  readonly published: readonly Entry[];
  /** Where each published entry's body is, by file. */
  readonly bodies: ReadonlyMap<string, BodyRef>;
  readonly skipped: Skipped;
  /** The files of the articles left out for their date: to be named (futureDatedListing). */
  readonly scheduled: readonly FilePublishing[];
  readonly diagnostics: readonly Diagnostic[];
}

export const digestOf = (data: string | Uint8Array): string =>
  createHash('sha1').update(data).digest('base64url');

import { inlineBodies } from '../bodies/body-ref.js';
import type { SiteConfig } from '../config/site-config.js';
import type { SourceFile } from '../content/article.js';
import type { FilePublishing } from '../content/future-dated.js';
import type { PublishOptions } from '../content/publish.js';
import type { ImageCatalog } from '../images/image-catalog.js';
import type { LoadedFiles } from '../incremental/planned-build.js';
import type { PreviousState } from '../incremental/previous-state.js';
import { stillValid } from '../incremental/published.js';
import { createMarkdown } from '../markdown/markdown-it.js';
import { digestOf, type FileResult, loadFile } from '../site/load-files.js';

/**
 * What each content file became, with the bytes it was made from (the same buffer again needs no
 * hashing): what was loaded whether or not the rebuild then succeeded. Valid for one content key.
 */
export interface ResultMemo {
  readonly contentKey: string;
  readonly files: Map<string, { readonly bytes: Uint8Array; readonly result: FileResult }>;
}

export const newMemo = (contentKey: string): ResultMemo => ({ contentKey, files: new Map() });

/** The content files as the engine takes them, and those left out unrendered. */
export interface LoadedChanges extends LoadedFiles {
  /** The results of valid articles left out unrendered (drafts, future dates): to be named (futureDatedListing). */
  readonly waiting: readonly FilePublishing[];
}

/**
 * The content files as the build's loader gives them to the engine (LoadedFiles): loaded (`fresh`),
 * those that may differ from the previous rebuild (`since`) and those it has no result of that holds
 * now; the others `unchanged`. A file is loaded from `memo` when its bytes are the ones it was made
 * from, else by `load`. After a save only that file is loaded: each other one is a lookup.
 */
export function loadChanged(
  files: readonly SourceFile[],
  since: 'all' | ReadonlySet<string>,
  previous: PreviousState | undefined,
  memo: ResultMemo,
  load: (file: SourceFile) => FileResult,
  publish: PublishOptions,
): LoadedChanges {
  const fresh: FileResult[] = [];
  const unchanged: string[] = [];
  const waiting: FilePublishing[] = [];
  for (const file of files) {
    const was = previous?.resultOf(file.path);
    const saved = since === 'all' || since.has(file.path);
    const result = was && !saved ? was : remembered(file, memo, load, publish);
    if (result === was) unchanged.push(file.path);
    else fresh.push(result);
    if (result.publishing && !result.entry) waiting.push(result);
  }
  if (since === 'all') forgetOthers(memo, files);
  return { fresh, unchanged, waiting };
}

/** The result of `file` as `memo` has it, if it was made from the same bytes and still holds. */
function remembered(
  file: SourceFile,
  memo: ResultMemo,
  load: (file: SourceFile) => FileResult,
  publish: PublishOptions,
): FileResult {
  const known = memo.files.get(file.path);
  const same = known && (known.bytes === file.bytes || known.result.digest === digestOf(file.bytes));
  const result = known && same && stillValid(known.result, publish) ? known.result : load(file);
  if (known?.bytes !== file.bytes || known.result !== result)
    memo.files.set(file.path, { bytes: file.bytes, result });
  return result;
}

function forgetOthers(memo: ResultMemo, files: readonly SourceFile[]): void {
  const seen = new Set(files.map((f) => f.path));
  for (const file of memo.files.keys()) if (!seen.has(file)) memo.files.delete(file);
}

/** Loads a file as the build does (loadFile), its body kept in memory; Markdown set up once needed. */
export function fileLoader(
  config: SiteConfig,
  images: ImageCatalog,
  publish: PublishOptions,
): (file: SourceFile) => FileResult {
  let md: ReturnType<typeof createMarkdown> | undefined;
  return (file) => {
    md ??= createMarkdown(config.basePath);
    return loadFile(file, config, publish, md, images, inlineBodies);
  };
}

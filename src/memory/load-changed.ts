import type { MarkdownIt } from 'markdown-it';
import type { ImageCatalog } from '../assets/image-catalog.js';
import { inlineBodies } from '../bodies/body-ref.js';
import type { SiteConfig } from '../config/site-config.js';
import type { SourceFile } from '../content/article.js';
import type { FilePublishing } from '../content/future-dated.js';
import type { PublishOptions } from '../content/publish.js';
import type { LoadedFiles } from '../incremental/planned-build.js';
import type { PreviousState } from '../incremental/previous-state.js';
import { stillValid } from '../incremental/published.js';
import { cameDue } from '../incremental/text-edits.js';
import { createMarkdown } from '../markdown/markdown-it.js';
import { digestOf, type FileResult, loadFile } from '../site/load-files.js';
import type { ContentFiles } from './content-files.js';

/**
 * What each content file became, with the bytes it was made from (the same buffer again needs no
 * hashing): what was loaded whether or not the rebuild then succeeded. Valid for one content key.
 */
export interface ResultMemo {
  readonly contentKey: string;
  readonly files: Map<string, { readonly bytes: Uint8Array; readonly result: FileResult }>;
  /** Markdown, set up once for the config of the key. */
  md?: MarkdownIt;
}

export const newMemo = (contentKey: string): ResultMemo => ({ contentKey, files: new Map() });

/** The previous rebuild, as the engine reads it, with its files left out unrendered. */
export interface PreviousLoad {
  readonly state: PreviousState;
  /** Its results of valid articles left out unrendered (drafts, future dates), in order. */
  readonly waiting: readonly FilePublishing[];
}

/** The content files as the engine takes them, and those left out unrendered. */
export interface LoadedChanges extends LoadedFiles {
  /** The results of valid articles left out unrendered: to be named (futureDatedListing). */
  readonly waiting: readonly FilePublishing[];
}

/**
 * The content files as the build's loader gives them to the engine (LoadedFiles): loaded (`fresh`)
 * those that may differ from the previous rebuild, the others `unchanged`. After saves, those are
 * the files saved since (the usual case: after a save of one article, only it is looked at, as a
 * 20,000-article site is); after a scan, or an article come due, every file is looked at. A file is
 * loaded from `memo` when its bytes are the ones it was made from, else by `load`.
 */
export function loadChanged(
  content: Pick<ContentFiles, 'files' | 'index' | 'since'>,
  previous: PreviousLoad | undefined,
  memo: ResultMemo,
  load: (file: SourceFile) => FileResult,
  publish: PublishOptions,
): LoadedChanges {
  const { since } = content;
  if (since === 'all' || !previous || cameDue(previous.state, publish))
    return loadAll(content.files, previous?.state, memo, load, publish);
  const fresh: FileResult[] = [];
  for (const path of since) {
    const at = content.index.get(path);
    if (at !== undefined) fresh.push(remembered(content.files[at] as SourceFile, memo, load, publish));
  }
  // Every file not saved since is as that rebuild had it (a file added or removed was saved).
  const unchanged = previous.state.files.filter((f) => !since.has(f));
  const waiting = [...previous.waiting.filter((f) => !since.has(f.path)), ...fresh.filter(isWaiting)];
  return { fresh, unchanged, waiting: waiting.sort((a, b) => (a.path < b.path ? -1 : 1)) };
}

/** Every file: loaded if the previous rebuild has no result of it that holds, or one from other bytes. */
function loadAll(
  files: readonly SourceFile[],
  previous: PreviousState | undefined,
  memo: ResultMemo,
  load: (file: SourceFile) => FileResult,
  publish: PublishOptions,
): LoadedChanges {
  const fresh: FileResult[] = [];
  const unchanged: string[] = [];
  const waiting: FileResult[] = [];
  for (const file of files) {
    const result = remembered(file, memo, load, publish);
    if (result === previous?.resultOf(file.path)) unchanged.push(file.path);
    else fresh.push(result);
    if (isWaiting(result)) waiting.push(result);
  }
  const seen = new Set(files.map((f) => f.path));
  for (const file of memo.files.keys()) if (!seen.has(file)) memo.files.delete(file);
  return { fresh, unchanged, waiting };
}

/** Whether a result is of a valid article left out unrendered (a draft, a future date). */
export const isWaiting = (r: FileResult): boolean => r.publishing !== undefined && r.entry === undefined;

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

/** Loads a file as the build does (loadFile), its body kept in memory, with the memo's Markdown. */
export function fileLoader(
  config: SiteConfig,
  images: ImageCatalog,
  publish: PublishOptions,
  memo: ResultMemo,
): (file: SourceFile) => FileResult {
  return (file) => {
    memo.md ??= createMarkdown(config.basePath);
    return loadFile(file, config, publish, memo.md, images, inlineBodies);
  };
}

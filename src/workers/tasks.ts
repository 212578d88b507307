import type { ImageCatalog } from '../assets/image-catalog.js';
import type { SiteConfig } from '../config/site-config.js';
import type { SourceFile, SourceRef } from '../content/article.js';
import type { PublishOptions } from '../content/publish.js';
import type { Diagnostic } from '../errors/diagnostic.js';
import type { FsFailure } from '../fs/fs-failure.js';
import type { WriteOutcome } from '../output/folder-writer.js';
import type { Page } from '../pages/page.js';
import type { FileResult } from '../site/load-files.js';

/** What every build worker is started with: the same for all its tasks. */
export interface WorkerInit {
  /**
   * What the pool's threads do: load articles or render pages. Each kind loads only the modules it
   * needs (the pinyin dictionary, YAML and markdown-it; or Nunjucks) as soon as the thread starts.
   */
  readonly role: 'load' | 'render';
  readonly root: string;
  readonly config: SiteConfig;
  readonly publish: PublishOptions;
  /** The measured images articles may show (plain data with Maps: cloned into each worker). */
  readonly images: ImageCatalog;
  /** Where rendered article bodies are packed (the build cache's bodies folder). */
  readonly bodiesDir: string;
}

/** Validate and render a contiguous slice of the content files. */
export interface LoadTask {
  readonly kind: 'load';
  /** Read already, or to be read by the worker. */
  readonly files: ReadonlyArray<SourceFile | SourceRef>;
  /** File name of the pack the slice's bodies go into. */
  readonly pack: string;
}

/** Render a slice of the pages and write them into the staging folder. */
export interface RenderTask {
  readonly kind: 'render';
  readonly pages: readonly Page[];
  readonly staging: string;
  readonly previous?: string;
  /**
   * Set when the staging folder started as the spare: files there are replaced, never written into,
   * and those replaced are moved into this folder (see folderWriter).
   */
  readonly replaced?: string;
}

export type WorkerTask = LoadTask | RenderTask;

export type WorkerResult =
  | {
      readonly kind: 'load';
      readonly results: readonly FileResult[];
      /** Set when the slice's bodies could not be packed into the build cache (see CacheUnwritable). */
      readonly unwritable?: FsFailure;
    }
  | {
      readonly kind: 'render';
      readonly written: ReadonlyArray<readonly [path: string, outcome: WriteOutcome]>;
      readonly diagnostics: readonly Diagnostic[];
      /** Set when a body could not be read from the build cache (see BodyMissing). */
      readonly lostBody?: string;
    };

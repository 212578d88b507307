import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { PACKAGE_ROOT } from '../paths.js';
import { rememberSlugs } from '../text/slug.js';

/** The thread runs the compiled code (lib/), also when the build runs from the sources in tests. */
const THREAD_FILE = path.join(PACKAGE_ROOT, 'lib', 'content', 'slug-thread.js');

/** What the thread slugs: texts, and the texts to slug of content files it reads (textsToSlug). */
export interface AheadWork {
  readonly texts: readonly string[];
  /** Each file's path in the site (`content/a.md`) and on disk. */
  readonly files: ReadonlyArray<readonly [file: string, full: string]>;
}

/**
 * Slugs on a thread of its own what a build is about to slug, while the build goes on, and gives
 * the slugs to slugify's memory when they come. Chinese text is slugged by its pinyin, whose
 * dictionary took 150–170 ms to load and index on the first call: 70% of loading one new article.
 * The machine's other core is mostly idle while the build cache is read, and the slugs are made by
 * the very same function, so they are the ones the build would make; a text they do not cover, or
 * slugs that come too late (they are taken only between the build's steps), are made where they
 * are needed, as without this.
 */
export function slugsAhead(work: AheadWork): { stop(): void } {
  if ((work.texts.length === 0 && work.files.length === 0) || !existsSync(THREAD_FILE)) return { stop() {} };
  const thread = new Worker(THREAD_FILE, { workerData: work });
  thread.unref();
  thread.once('message', (pairs: Array<[string, string]>) => rememberSlugs(pairs));
  // A thread that cannot start or fails leaves the slugs to be made where they are needed.
  thread.once('error', () => {});
  return { stop: () => void thread.terminate() };
}

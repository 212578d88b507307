import { eachBounded } from './each-bounded.js';
import type { OutputFolder } from './output-folder.js';

/** As many links at once as writes (write-pages.ts): enough to keep the disk busy. */
const CONCURRENT = 16;

/** Puts the previous site's files at `relPaths` into the new site unchanged (hard links). */
export const keepFiles = (relPaths: readonly string[], output: OutputFolder): Promise<void> =>
  eachBounded(relPaths, CONCURRENT, (rel) => output.keep(rel));

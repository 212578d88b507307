import type { OutputFolder } from './output-folder.js';

/** Puts the previous site's files at `relPaths` into the new site unchanged (hard links). */
export async function keepFiles(relPaths: readonly string[], output: OutputFolder): Promise<void> {
  // One at a time: the output folder links synchronously (see folderWriter).
  for (const rel of relPaths) await output.keep(rel);
}

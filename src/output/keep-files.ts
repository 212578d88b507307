import type { OutputFolder } from './output-folder.js';

/**
 * Puts the previous site's files at `relPaths` into the new site unchanged (hard links); those that
 * are the very files of the previous site, not copies (see OutputFolder.keep).
 */
export async function keepFiles(relPaths: readonly string[], output: OutputFolder): Promise<Set<string>> {
  const linked = new Set<string>();
  // One at a time: the output folder links synchronously (see folderWriter).
  for (const rel of relPaths) if (await output.keep(rel)) linked.add(rel);
  return linked;
}

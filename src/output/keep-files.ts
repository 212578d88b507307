import type { OutputFolder } from './output-folder.js';

/** As many links at once as writes (write-pages.ts): enough to keep the disk busy. */
const CONCURRENT = 16;

/** Puts the previous site's files at `relPaths` into the new site unchanged (hard links). */
export async function keepFiles(relPaths: readonly string[], output: OutputFolder): Promise<void> {
  let next = 0;
  let failure: { cause: unknown } | undefined;
  const worker = async () => {
    while (next < relPaths.length && !failure) {
      const rel = relPaths[next++] as string;
      await output.keep(rel).catch((cause: unknown) => {
        failure ??= { cause };
      });
    }
  };
  // All stop before the error goes on, as in writePages: the staging folder is about to be removed.
  await Promise.all(Array.from({ length: CONCURRENT }, worker));
  if (failure) throw failure.cause;
}

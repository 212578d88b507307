import { rename, stat } from 'node:fs/promises';
import { GazetteError } from '../errors/diagnostic.js';
import { acquireBuildLock } from './build-lock.js';
import { outputTarget, siblingPath } from './output-folder.js';

/**
 * A build killed between the two renames of its swap leaves no output folder, only the previous
 * site beside it (`.dist.gazette-old`). Every build puts it back first, even one that then fails
 * on an article, so that the site is never left missing. Another build at work does it itself.
 */
export async function recoverOutput(out: string): Promise<void> {
  const target = outputTarget(out);
  const old = siblingPath(target, 'old');
  if ((await exists(target)) || !(await exists(old))) return;
  let lock: Awaited<ReturnType<typeof acquireBuildLock>>;
  try {
    lock = await acquireBuildLock(target);
  } catch (cause) {
    if (cause instanceof GazetteError) return;
    throw cause;
  }
  try {
    if (!(await exists(target)) && (await exists(old))) await rename(old, target);
  } finally {
    await lock.release();
  }
}

const exists = (p: string) =>
  stat(p).then(
    () => true,
    () => false,
  );

import { constants } from 'node:fs';
import { copyFile, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { acquireBuildLock } from './build-lock.js';

/**
 * The output folder, replaced only when a build succeeds: pages are written into a staging folder
 * beside it (`.dist.gazette-new`), which is swapped in by two renames at the end. A failed or killed
 * build leaves the previous site exactly as it was; the next build cleans up what it left behind.
 */
export interface OutputFolder {
  readonly dir: string;
  write(relPath: string, data: string | Uint8Array): Promise<void>;
  /** Puts an existing file into the new site. A copy, not a link: editing dist/ must never edit the source. */
  copy(from: string, relPath: string): Promise<void>;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

export async function openOutputFolder(out: string): Promise<OutputFolder> {
  const target = path.resolve(out);
  const staging = siblingPath(target, 'new');
  const old = siblingPath(target, 'old');
  // Held from here until commit or abort: no other build may touch the folders beside the output.
  const lock = await acquireBuildLock(target);
  try {
    await recover(target, old);
    await rm(staging, { recursive: true, force: true });
    await mkdir(staging, { recursive: true });
  } catch (cause) {
    await lock.release();
    throw cause;
  }
  const made = new Set<string>([staging]);

  const resolve = async (relPath: string): Promise<string> => {
    const full = path.resolve(staging, relPath);
    if (!full.startsWith(staging + path.sep))
      throw new Error(`refusing to write outside the output folder: ${relPath}`);
    const dir = path.dirname(full);
    if (!made.has(dir)) {
      await mkdir(dir, { recursive: true });
      made.add(dir);
    }
    return full;
  };

  return {
    dir: staging,
    async write(relPath, data) {
      await writeFile(await resolve(relPath), data);
    },
    async copy(from, relPath) {
      await copyFile(from, await resolve(relPath), constants.COPYFILE_FICLONE);
    },
    async commit() {
      await rm(old, { recursive: true, force: true });
      const hadOutput = await exists(target);
      if (hadOutput) await rename(target, old);
      await rename(staging, target);
      if (hadOutput) await rm(old, { recursive: true, force: true });
      await lock.release();
    },
    async abort() {
      await rm(staging, { recursive: true, force: true });
      await lock.release();
    },
  };
}

/** `/site/dist` → `/site/.dist.gazette-new`: hidden, beside the output, on the same file system. */
export const siblingPath = (target: string, kind: 'new' | 'old' | 'lock'): string =>
  path.join(path.dirname(target), `.${path.basename(target)}.gazette-${kind}`);

/** A build killed between the two renames leaves only the old site: put it back. */
async function recover(target: string, old: string): Promise<void> {
  if (!(await exists(target)) && (await exists(old))) await rename(old, target);
}

const exists = (p: string) =>
  stat(p).then(
    () => true,
    () => false,
  );

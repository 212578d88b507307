import { spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { copyFile, mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

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
  await recover(target, old);
  await discardLeftovers(target);
  if (await exists(staging)) await discard(target, staging);
  await mkdir(staging, { recursive: true });
  const { write, resolve } = folderWriter(staging);

  return {
    dir: staging,
    write,
    async copy(from, relPath) {
      await copyFile(from, await resolve(relPath), constants.COPYFILE_FICLONE);
    },
    async commit() {
      if (await exists(old)) await discard(target, old);
      const hadOutput = await exists(target);
      if (hadOutput) await rename(target, old);
      await rename(staging, target);
      if (hadOutput) await discard(target, old);
    },
    async abort() {
      await discard(target, staging);
    },
  };
}

/**
 * Writes files under `dir`, creating folders as needed (each once), and never outside it. Used by
 * the output folder and by build workers writing into the same staging folder.
 */
export function folderWriter(dir: string) {
  const made = new Set<string>([dir]);
  const resolve = async (relPath: string): Promise<string> => {
    const full = path.resolve(dir, relPath);
    if (!full.startsWith(dir + path.sep))
      throw new Error(`refusing to write outside the output folder: ${relPath}`);
    const parent = path.dirname(full);
    if (!made.has(parent)) {
      await mkdir(parent, { recursive: true });
      made.add(parent);
    }
    return full;
  };
  return {
    resolve,
    async write(relPath: string, data: string | Uint8Array): Promise<void> {
      await writeFile(await resolve(relPath), data);
    },
  };
}

/** `/site/dist` → `/site/.dist.gazette-new`: hidden, beside the output, on the same file system. */
export const siblingPath = (target: string, kind: 'new' | 'old' | 'lock' | 'trash'): string =>
  path.join(path.dirname(target), `.${path.basename(target)}.gazette-${kind}`);

/**
 * Removes a folder without making the build wait: deleting 20,000 pages takes seconds. It is renamed
 * out of the way at once (so the name is free) and deleted by a detached `rm`, which outlives this
 * process; whatever a crash leaves behind is taken away by the next build.
 */
async function discard(target: string, dir: string): Promise<void> {
  const trash = `${siblingPath(target, 'trash')}-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  await rename(dir, trash);
  removeInBackground(trash);
}

async function discardLeftovers(target: string): Promise<void> {
  const prefix = `${path.basename(siblingPath(target, 'trash'))}-`;
  const names = await readdir(path.dirname(target)).catch(() => [] as string[]);
  for (const name of names)
    if (name.startsWith(prefix)) removeInBackground(path.join(path.dirname(target), name));
}

function removeInBackground(dir: string): void {
  if (process.platform === 'win32') {
    void rm(dir, { recursive: true, force: true }).catch(() => {});
    return;
  }
  spawn('rm', ['-rf', '--', dir], { detached: true, stdio: 'ignore' })
    .on('error', () => void rm(dir, { recursive: true, force: true }).catch(() => {}))
    .unref();
}

/** A build killed between the two renames leaves only the old site: put it back. */
async function recover(target: string, old: string): Promise<void> {
  if (!(await exists(target)) && (await exists(old))) await rename(old, target);
}

const exists = (p: string) =>
  stat(p).then(
    () => true,
    () => false,
  );

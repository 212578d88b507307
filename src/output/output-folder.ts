import { spawn } from 'node:child_process';
import { type Dirent, readdirSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, rmdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { realPathOf } from '../fs/real-path.js';
import { acquireBuildLock } from './build-lock.js';
import { folderWriter, type WriteOutcome } from './folder-writer.js';

/**
 * The output folder, replaced only when a build succeeds: pages are written into a staging folder
 * beside it (`.dist.gazette-new`), which is swapped in by two renames at the end. A failed or killed
 * build leaves the previous site exactly as it was; the next build cleans up what it left behind.
 * A file whose bytes did not change is hard-linked from the previous site instead of written, so it
 * keeps its mtime and an upload step (rsync, a CDN sync) moves only what changed.
 *
 * The site a swap replaces can be kept beside the output as the spare (`.dist.gazette-spare`), and
 * the next build starts its staging folder from it instead of from nothing: then only the files
 * that differ from the spare are touched. Linking every unchanged page of a large site anew took
 * seconds on a slow disk, more than the rest of a one-article rebuild.
 */
export interface OutputFolder {
  readonly dir: string;
  /** The site being replaced, if there is one: unchanged files are linked from it. */
  readonly previous?: string;
  /**
   * Whether the staging folder started as the spare: it then holds the files the caller's `takeSpare`
   * listed, and those the new site does not have are removed when it is committed.
   */
  readonly prefilled: boolean;
  /**
   * Where the files of the spare that the new site replaces are moved (see folderWriter), when it
   * started as the spare: removed in the background once the new site is swapped in.
   */
  readonly replaced?: string;
  write(relPath: string, data: string | Uint8Array): Promise<void>;
  /** Puts an existing file into the new site. A copy, not a link: editing dist/ must never edit the source. */
  copy(from: string, relPath: string): Promise<void>;
  /**
   * Puts the previous site's file at `relPath` into the new site as it is (a hard link): for pages
   * whose inputs did not change. Only with a `previous` site. False if it could only be copied.
   */
  keep(relPath: string): Promise<boolean>;
  /** Notes files written by others (build workers) into `dir`. */
  record(relPath: string, outcome: WriteOutcome): void;
  /**
   * Says that another program wrote the folder `relDir` of `dir` (the search indexer): its files are
   * compared with the previous site's when the new one is committed.
   */
  adopt(relDir: string): void;
  /** Empties the folder `relDir` of `dir` before another program writes it whole (the search indexer). */
  clear(relDir: string): Promise<void>;
  /** Swaps the new site in and says what changed against the previous one. */
  commit(): Promise<Changes>;
  /** Every file of the new site, once committed. */
  files(): string[];
  abort(): Promise<void>;
}

export interface OpenOptions {
  /** The previous site's files, if known (from the build cache): they need not be listed then. */
  readonly previousFiles?: readonly string[];
  /**
   * Decides whether the spare found beside the output may start the new site: returns its files
   * if so. Without it the spare is left as it is; a spare refused is deleted.
   */
  readonly takeSpare?: (dir: string) => Promise<readonly string[] | undefined>;
  /** Keeps the site a commit replaces as the spare for the next build; otherwise it is deleted. */
  readonly keepSpare?: boolean;
}

export interface Changes {
  readonly added: readonly string[];
  readonly changed: readonly string[];
  readonly removed: readonly string[];
  readonly unchanged: number;
}

/**
 * The folder a build replaces for the output folder `out`: where it really is. Web roots are often
 * symlinks (`/www/site` → `/www/releases/3`): the link is kept, and the folder it points to is
 * replaced, with the staging folder and the spare beside that folder (renames stay on one file
 * system, and the link is never turned into a folder).
 */
export const outputTarget = (out: string): string => realPathOf(out);

export async function openOutputFolder(out: string, options: OpenOptions = {}): Promise<OutputFolder> {
  const target = outputTarget(out);
  const staging = siblingPath(target, 'new');
  const old = siblingPath(target, 'old');
  const spare = siblingPath(target, 'spare');
  // Held from here until commit or abort: no other build may touch the folders beside the output.
  const lock = await acquireBuildLock(target);
  let prefilled: Set<string> | undefined;
  try {
    await recover(target, old);
    await discardLeftovers(target);
    if (await exists(staging)) await discard(target, staging);
    if (options.takeSpare && (await exists(spare))) {
      const files = await options.takeSpare(spare);
      if (files) {
        await rename(spare, staging);
        prefilled = new Set(files);
      } else await discard(target, spare);
    }
    if (!prefilled) await mkdir(staging, { recursive: true });
  } catch (cause) {
    await lock.release();
    throw cause;
  }
  const previous = (await exists(target)) ? target : undefined;
  const replaced = prefilled ? trashPath(target) : undefined;
  const writer = folderWriter(staging, previous, replaced);
  const outcomes = new Map<string, WriteOutcome>();
  const adopted: string[] = [];
  // Paths with "/" (as the build cache lists them) are told as they are: splitting and joining each
  // of a 20,000-article site's 48,000 files by "/" to get the same text was a tenth of a second.
  const record = (relPath: string, outcome: WriteOutcome) =>
    outcomes.set(path.sep === '/' ? relPath : relPath.split(path.sep).join('/'), outcome);

  return {
    dir: staging,
    ...(previous && { previous }),
    prefilled: prefilled !== undefined,
    ...(replaced && { replaced }),
    record,
    adopt: (relDir) => void adopted.push(folderName(relDir)),
    async write(relPath, data) {
      record(relPath, writer.write(relPath, data));
    },
    async copy(from, relPath) {
      record(relPath, writer.write(relPath, await readFile(from)));
    },
    async keep(relPath) {
      const linked = writer.keep(relPath);
      record(relPath, 'same');
      return linked;
    },
    async clear(relDir) {
      const dir = path.join(staging, relDir);
      if (await exists(dir)) await discard(target, dir);
      const under = `${folderName(relDir)}/`;
      for (const f of prefilled ?? []) if (f.startsWith(under)) prefilled?.delete(f);
    },
    async commit() {
      if (await exists(old)) await discard(target, old);
      const hadOutput = await exists(target);
      const before = hadOutput ? (options.previousFiles ?? listFiles(target)) : [];
      // Files put into the folder by others (the search indexer writes its own bundle): compare them too.
      const previousFiles = new Set(before);
      for (const relDir of adopted) {
        for (const f of listFiles(path.join(staging, relDir)).map((f) => `${relDir}/${f}`)) {
          if (outcomes.has(f)) continue;
          if (!previousFiles.has(f)) record(f, 'added');
          else record(f, (await sameBytes(path.join(staging, f), path.join(target, f))) ? 'same' : 'changed');
        }
      }
      // What the spare held that the new site does not have.
      for (const f of prefilled ?? []) if (!outcomes.has(f)) await removeFile(staging, f);
      if (hadOutput) await rename(target, old);
      await rename(staging, target);
      if (await exists(spare)) await discard(target, spare);
      if (hadOutput) await (options.keepSpare ? rename(old, spare) : discard(target, old));
      if (replaced) removeInBackground(replaced);
      await lock.release();
      // One pass over the outcomes (46,000 at 20,000 articles), of which only a few are listed.
      const added: string[] = [];
      const changed: string[] = [];
      let unchanged = 0;
      for (const [file, outcome] of outcomes)
        if (outcome === 'added') added.push(file);
        else if (outcome === 'changed') changed.push(file);
        else unchanged++;
      return {
        added: added.sort(),
        changed: changed.sort(),
        removed: before.filter((f) => !outcomes.has(f)).sort(),
        unchanged,
      };
    },
    files: () => [...outcomes.keys()],
    async abort() {
      // Removed before returning, not in the background: a build that failed on a full disk must
      // give the space back at once.
      await rm(staging, { recursive: true, force: true }).catch(() => {});
      if (replaced) await rm(replaced, { recursive: true, force: true }).catch(() => {});
      await lock.release();
    },
  };
}

async function sameBytes(a: string, b: string): Promise<boolean> {
  // The previous site's file may have been deleted since (by hand): then it is not the same.
  const [x, y] = await Promise.all([readFile(a), readFile(b).catch(() => undefined)]);
  return y !== undefined && x.equals(y);
}

/** `/pagefind/` → `pagefind`: a folder of the site as the recorded file paths begin with it. */
const folderName = (relDir: string): string => relDir.replace(/^\/+|\/+$/g, '');

/** Removes `relPath` from `dir`, and the folders it leaves empty. */
async function removeFile(dir: string, relPath: string): Promise<void> {
  const full = path.resolve(dir, relPath);
  // The list comes from the build cache: whatever it says, nothing outside the folder is removed.
  if (!full.startsWith(dir + path.sep)) return;
  await rm(full, { force: true });
  for (let parent = path.dirname(relPath); parent !== '.'; parent = path.dirname(parent)) {
    const emptied = await rmdir(path.join(dir, parent)).then(
      () => true,
      () => false,
    );
    if (!emptied) break;
  }
}

/** Every file under `dir`, relative, with "/": synchronous, as it is one long walk with nothing to overlap. */
function listFiles(dir: string): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
}

/** `/site/dist` → `/site/.dist.gazette-new`: hidden, beside the output, on the same file system. */
export const siblingPath = (target: string, kind: 'new' | 'old' | 'spare' | 'lock' | 'trash'): string =>
  path.join(path.dirname(target), `.${path.basename(target)}.gazette-${kind}`);

/**
 * Removes a folder without making the build wait: deleting 20,000 pages takes seconds. It is renamed
 * out of the way at once (so the name is free) and deleted by a detached `rm`, which outlives this
 * process; whatever a crash leaves behind is taken away by the next build.
 */
async function discard(target: string, dir: string): Promise<void> {
  const trash = trashPath(target);
  await rename(dir, trash);
  removeInBackground(trash);
}

/** A name of its own for a folder to be deleted, beside the output: see discardLeftovers. */
const trashPath = (target: string): string =>
  `${siblingPath(target, 'trash')}-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;

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

import { readFileSync } from 'node:fs';
import { link, mkdir, readdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { GazetteError, problem } from '../errors/diagnostic.js';
import { siblingPath } from './output-folder.js';

export interface BuildLock {
  /** Gives the lock up; a second call does nothing. */
  release(): Promise<void>;
}

/**
 * Two builds writing one output folder would delete each other's staging folder. A build holds
 * `.dist.gazette-lock` beside the output while it writes; the file names its owner's pid (and, on
 * Linux, the owner's start time, so that a reused pid is not taken for the owner). A second build
 * refuses with a clear message. A lock left by a build that was killed is taken over: its owner
 * no longer runs.
 */
export async function acquireBuildLock(out: string): Promise<BuildLock> {
  const lock = await acquire(path.resolve(out));
  let released = false;
  return {
    async release() {
      if (released) return;
      released = true;
      await release(lock);
    },
  };
}

interface Lock {
  readonly file: string;
  readonly token: string;
}

/** Locks held by this process: a lock naming our own pid that is not among them is stale. */
const held = new Set<string>();

async function acquire(out: string): Promise<Lock> {
  const file = siblingPath(out, 'lock');
  const token = `${process.pid} ${startTimeOf(process.pid) ?? ''}`.trim();
  await mkdir(path.dirname(file), { recursive: true });
  await removeLeftovers(file);
  for (let attempt = 0; attempt < 5; attempt++) {
    if (await create(file, `${token}\n`)) {
      held.add(file);
      return { file, token };
    }
    const owner = await readFile(file, 'utf8').then(
      (text) => text.trim(),
      () => undefined,
    );
    if (owner === undefined) continue; // released meanwhile: try again
    if (isRunning(owner, file)) {
      throw new GazetteError([
        problem('GZ0509', path.basename(out), undefined, {
          pid: owner.split(' ')[0] ?? '',
          out,
          lock: path.basename(file),
        }),
      ]);
    }
    await takeOver(file, owner);
  }
  throw new GazetteError([problem('GZ0510', path.basename(out), undefined, { out })]);
}

/** `….lock.<pid>.<random>`: the file of its own that a build links into place as the lock (see create). */
const ownFile = (file: string): string => `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
/** `….lock.stale.<pid>`: a stale lock a build moved aside to remove it (see takeOver). */
const asideFile = (file: string): string => `${file}.stale.${process.pid}`;
/** The pid in the name of either, after `<lock file>.`. */
const LEFTOVER = /^(?:(\d+)\.[0-9a-z]*|stale\.(\d+))$/;

/**
 * Removes the files that builds killed while taking the lock left beside it (between writing their
 * own file and removing it again, or while taking over a stale lock): those whose process no longer
 * runs. Those of a build that runs are its business: it may be taking the lock right now.
 */
async function removeLeftovers(file: string): Promise<void> {
  const dir = path.dirname(file);
  const prefix = `${path.basename(file)}.`;
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const match = name.startsWith(prefix) ? LEFTOVER.exec(name.slice(prefix.length)) : null;
    const pid = Number(match?.[1] ?? match?.[2]);
    if (match && pid !== process.pid && !processRuns(pid)) await unlink(path.join(dir, name)).catch(() => {});
  }
}

/**
 * Creates `file` with `text` only if it does not exist, never visible half-written: the text is
 * written to a file of our own, which is then hard-linked into place (link fails if `file` exists).
 */
async function create(file: string, text: string): Promise<boolean> {
  const own = ownFile(file);
  await writeFile(own, text);
  try {
    await link(own, file);
    return true;
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw cause;
  } finally {
    await unlink(own).catch(() => {});
  }
}

/**
 * Removes a stale lock, unless another build took it over first: the lock is moved aside (only one
 * build can move a given file), and put back if what was moved is no longer the stale one.
 */
async function takeOver(file: string, stale: string): Promise<void> {
  const aside = asideFile(file);
  try {
    await rename(file, aside);
  } catch {
    return; // gone already: someone else took it over or released it
  }
  const moved = (await readFile(aside, 'utf8').catch(() => '')).trim();
  if (moved !== stale) await link(aside, file).catch(() => {});
  await unlink(aside).catch(() => {});
}

async function release(lock: Lock): Promise<void> {
  held.delete(lock.file);
  const owner = (await readFile(lock.file, 'utf8').catch(() => '')).trim();
  if (owner === lock.token) await unlink(lock.file).catch(() => {});
}

/** Whether the build that wrote `owner` (pid and start time) still runs. */
function isRunning(owner: string, file: string): boolean {
  const [pidText, start] = owner.split(' ');
  const pid = Number(pidText);
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return held.has(file);
  if (!processRuns(pid)) return false;
  const now = startTimeOf(pid);
  return start === undefined || now === undefined || now === start;
}

/** Whether a process `pid` runs (it may be another program that got the pid of one that ended). */
function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (cause) {
    // EPERM: it runs, as another user.
    return (cause as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** When process `pid` started, in clock ticks since boot (Linux); undefined elsewhere. */
function startTimeOf(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22; the command name (field 2) may contain spaces, so count from its closing ")".
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { GazetteError, problem } from '../errors/diagnostic.js';
import { PACKAGE_ROOT } from '../paths.js';
import { pagefindStopped } from './pagefind-stopped.js';
import type { SearchRecord } from './search-records.js';

/** What the Pagefind process is asked to index. */
export interface PagefindJob {
  readonly language: string;
  /** The locale whose words the records' text is parted into before Pagefind sees it (index-words.ts). */
  readonly words?: string | undefined;
  readonly records: readonly SearchRecord[];
}

/** One file of the bundle Pagefind made, by its path inside the bundle folder. */
export interface BundleFile {
  readonly path: string;
  readonly content: Uint8Array;
}

/** What the Pagefind process answers: the bundle, or Pagefind's own error messages. */
export type PagefindAnswer =
  | { readonly files: readonly BundleFile[] }
  | { readonly errors: readonly string[] };

/** The Pagefind process runs the compiled code (lib/), also when the build runs from the sources in tests. */
const CHILD_FILE = path.join(PACKAGE_ROOT, 'lib', 'search', 'pagefind-child.js');
/** Enough of Pagefind's stderr to find its panic message in. */
const STDERR_LIMIT = 64 * 1024;

/** Every way Pagefind fails is GZ0514; `missing`: gazette's own compiled file is not there. */
const failure = (detail: string, missing = false) =>
  new GazetteError([problem('GZ0514', 'search index', undefined, { detail, missing: missing ? 1 : 0 })]);

/** A Pagefind process, started (startPagefind) for one job in one language. */
export interface PagefindProcess {
  readonly language: string;
  /** Gives it its job, once; false if it has closed already, or has had its job. */
  give(job: PagefindJob): boolean;
  /** Settles when it has closed: its answer if it sent one, and how it ended. */
  readonly closed: Promise<PagefindEnd>;
  /** Ends it if it never had its job (a build that had no shard to index). */
  stop(): void;
}

/** How a Pagefind process ended: its answer, if any, and what it wrote to stderr. */
type PagefindEnd =
  | {
      readonly answer?: PagefindAnswer;
      readonly stderr: string;
      readonly code: number | null;
      readonly signal: NodeJS.Signals | null;
    }
  | { readonly error: Error };

/**
 * Starts a Pagefind process for a job in `language`: it loads Pagefind and starts Pagefind's service
 * at once, so that a build that starts it ahead of its job (a rebuild, before planning) finds it
 * ready. One new article at 20,000 articles waited about 0.4 s for its shard's Pagefind, most of it
 * for node, Pagefind's module and service to start.
 */
export function startPagefind(language: string): PagefindProcess {
  const child = fork(CHILD_FILE, [language], {
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    serialization: 'advanced',
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    if (stderr.length < STDERR_LIMIT) stderr += chunk;
  });
  let answer: PagefindAnswer | undefined;
  child.once('message', (message) => {
    answer = message as PagefindAnswer;
  });
  let given = false;
  const closed = new Promise<PagefindEnd>((resolve) => {
    child.once('error', (error) => resolve({ error }));
    // 'close', not 'exit': by then all of stderr has been read.
    child.once('close', (code, signal) => resolve({ ...(answer && { answer }), stderr, code, signal }));
  });
  return {
    language,
    give(job) {
      if (given || !child.connected) return false;
      given = true;
      child.send(job);
      return true;
    },
    closed,
    stop() {
      if (!given) child.kill();
      given = true;
    },
  };
}

/**
 * Indexes `records` with Pagefind and returns its bundle, in memory: gazette writes it, so that a
 * full disk is reported like any other failed write. Pagefind runs in a process of its own (one
 * started ahead, or one started now), whose stderr is kept from the terminal: Pagefind's service (a
 * Rust binary) writes its panics, with their backtraces, to the stderr it inherits, and a Pagefind
 * that stops answers nothing, ever. Every way it can fail, it fails with one GazetteError.
 */
export async function runPagefind(
  job: PagefindJob,
  started?: PagefindProcess,
): Promise<readonly BundleFile[]> {
  if (!existsSync(CHILD_FILE)) throw failure(`${CHILD_FILE} is missing`, true);
  const running = started?.language === job.language ? started : startPagefind(job.language);
  // One that closed before its job (its service could not start) says why below.
  running.give(job);
  const end = await running.closed;
  if ('error' in end) throw failure(`Pagefind could not be started: ${end.error.message}`);
  const { answer, stderr, code, signal } = end;
  if (answer && 'files' in answer) return answer.files;
  if (answer) {
    // Its service says why it closed on stderr only.
    const said = stderr.trim() ? ` (${pagefindStopped(stderr, code, signal)})` : '';
    throw failure(`Pagefind could not build it: ${answer.errors.join('; ')}${said}`);
  }
  throw failure(`Pagefind stopped: ${pagefindStopped(stderr, code, signal)}`);
}

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

/**
 * Indexes `records` with Pagefind and returns its bundle, in memory: gazette writes it, so that a
 * full disk is reported like any other failed write. Pagefind runs in a process of its own, whose
 * stderr is kept from the terminal: Pagefind's service (a Rust binary) writes its panics, with their
 * backtraces, to the stderr it inherits, and a Pagefind that stops answers nothing, ever. Every way
 * it can fail, it fails with one GazetteError.
 */
export function runPagefind(job: PagefindJob): Promise<readonly BundleFile[]> {
  if (!existsSync(CHILD_FILE)) return Promise.reject(failure(`${CHILD_FILE} is missing`, true));
  return new Promise((resolve, reject) => {
    const child = fork(CHILD_FILE, [], {
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
    child.once('error', (cause) => reject(failure(`Pagefind could not be started: ${cause.message}`)));
    // 'close', not 'exit': by then all of stderr has been read.
    child.once('close', (code, signal) => {
      if (answer && 'files' in answer) resolve(answer.files);
      else if (answer) {
        // Its service says why it closed on stderr only.
        const said = stderr.trim() ? ` (${pagefindStopped(stderr, code, signal)})` : '';
        reject(failure(`Pagefind could not build it: ${answer.errors.join('; ')}${said}`));
      } else reject(failure(`Pagefind stopped: ${pagefindStopped(stderr, code, signal)}`));
    });
    child.send(job);
  });
}

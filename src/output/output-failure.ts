import path from 'node:path';
import { error, GazetteError } from '../errors/diagnostic.js';
import { fsFailureOf } from '../fs/fs-failure.js';

/** What to do about a failure to write the new site, by its code. */
const HINTS: Readonly<Record<string, string>> = {
  ENOSPC: 'free some space on the disk, then build again',
  EDQUOT: 'free some space, then build again',
  EACCES: 'check that you may write the output folder and the folder it is in',
  EPERM: 'check that you may write the output folder and the folder it is in',
  EROFS: 'choose another output folder with --out',
  EMFILE: 'raise the limit (ulimit -n), then build again',
  EIO: 'check the disk, then build again',
};

/**
 * A failure of the file system while the new site was being written (a full disk, no permission),
 * as an error the CLI prints like any other, instead of an "internal error" with a stack.
 * Anything else is returned as it is.
 */
export function outputFailure(cause: unknown, out: string, root: string): unknown {
  if (cause instanceof GazetteError) return cause;
  const failure = fsFailureOf(cause);
  if (!failure) return cause;
  const hint = HINTS[failure.code] ?? 'check the output folder and the disk, then build again';
  const rel = path.relative(root, out);
  const shown =
    rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? out : rel.split(path.sep).join('/');
  return new GazetteError(
    [
      error(
        shown,
        `cannot write the new site: ${failure.reason}`,
        undefined,
        `${hint}; the previous site was left as it was`,
      ),
    ],
    { cause },
  );
}

import path from 'node:path';
import { error, GazetteError } from '../errors/diagnostic.js';

const REASONS: Record<string, [reason: string, hint: string]> = {
  ENOSPC: ['the disk is full (ENOSPC)', 'free some space on the disk, then build again'],
  EDQUOT: ['the disk quota is used up (EDQUOT)', 'free some space, then build again'],
  EACCES: [
    'permission denied (EACCES)',
    'check that you may write the output folder and the folder it is in',
  ],
  EPERM: ['permission denied (EPERM)', 'check that you may write the output folder and the folder it is in'],
  EROFS: ['the file system is read-only (EROFS)', 'choose another output folder with --out'],
  EMFILE: ['too many open files (EMFILE)', 'raise the limit (ulimit -n), then build again'],
  EIO: ['an input/output error (EIO)', 'check the disk, then build again'],
};

/**
 * A failure of the file system while the new site was being written (a full disk, no permission),
 * as an error the CLI prints like any other, instead of an "internal error" with a stack.
 * Anything else is returned as it is.
 */
export function outputFailure(cause: unknown, out: string, root: string): unknown {
  if (cause instanceof GazetteError) return cause;
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) return cause;
  const [reason, hint] = REASONS[code] ?? [
    `${(cause as Error).message}`,
    'check the output folder and the disk, then build again',
  ];
  const rel = path.relative(root, out);
  const shown =
    rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? out : rel.split(path.sep).join('/');
  return new GazetteError(
    [
      error(
        shown,
        `cannot write the new site: ${reason}`,
        undefined,
        `${hint}; the previous site was left as it was`,
      ),
    ],
    { cause },
  );
}

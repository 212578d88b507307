import path from 'node:path';
import { GazetteError, problem } from '../errors/diagnostic.js';
import { fsFailureOf } from '../fs/fs-failure.js';

/**
 * A failure of the file system while the new site was being written (a full disk, no permission),
 * as an error the CLI prints like any other, instead of an "internal error" with a stack.
 * Anything else is returned as it is.
 */
export function outputFailure(cause: unknown, out: string, root: string): unknown {
  if (cause instanceof GazetteError) return cause;
  const failure = fsFailureOf(cause);
  if (!failure) return cause;
  const rel = path.relative(root, out);
  const shown =
    rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? out : rel.split(path.sep).join('/');
  return new GazetteError(
    [problem('GZ0508', shown, undefined, { errno: failure.code, detail: failure.detail })],
    { cause },
  );
}

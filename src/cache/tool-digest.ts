import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';

/**
 * What identifies this gazette for its build cache: its package files and its compiled code. A cache
 * written by any other version (or by a build of changed sources) is never used. Read once per
 * process, before a build can tell whether it has anything to do: about 310 files, 3.5 MB with the
 * bundled command line (lib/gazette.js and its chunks, which the command runs). Read synchronously,
 * as nothing else of a build runs yet: 41–48 ms, where reading them one awaited read after another
 * took 92–105 ms, and all at once 71–84 ms.
 */
let memo: string | undefined;
export function toolDigest(): string {
  memo ??= digestTool();
  return memo;
}

function digestTool(): string {
  const hash = createHash('sha1');
  for (const name of ['package.json', 'package-lock.json']) hash.update(packageFile(name));
  const lib = path.join(PACKAGE_ROOT, 'lib');
  let files: string[] = [];
  try {
    files = readdirSync(lib, { recursive: true, encoding: 'utf8' });
  } catch {
    // No lib/: nothing of it to hash.
  }
  for (const f of files.filter((f) => f.endsWith('.js')).sort())
    hash.update(`${f}\0`).update(readFileSync(path.join(lib, f)));
  return hash.digest('base64url');
}

/** A file of the package as bytes; its absence counts as a text of its own. */
function packageFile(name: string): Buffer {
  try {
    return readFileSync(path.join(PACKAGE_ROOT, name));
  } catch {
    return Buffer.from(`no ${name}`);
  }
}

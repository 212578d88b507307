import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';

/**
 * What identifies this gazette for its build cache: its package files and its compiled code. A cache
 * written by any other version (or by a build of changed sources) is never used. Read once per
 * process: about 100 small files.
 */
let memo: Promise<string> | undefined;
export function toolDigest(): Promise<string> {
  memo ??= digestTool();
  return memo;
}

async function digestTool(): Promise<string> {
  const hash = createHash('sha1');
  for (const name of ['package.json', 'package-lock.json']) {
    hash.update(await readFile(path.join(PACKAGE_ROOT, name)).catch(() => Buffer.from(`no ${name}`)));
  }
  const lib = path.join(PACKAGE_ROOT, 'lib');
  const files = (await readdir(lib, { recursive: true }).catch(() => [] as string[]))
    .filter((f) => f.endsWith('.js'))
    .sort();
  for (const f of files) hash.update(`${f}\0`).update(await readFile(path.join(lib, f)));
  return hash.digest('base64url');
}

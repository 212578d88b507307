import { createHash } from 'node:crypto';
import { cp, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SearchRecord } from './search-records.js';

/** Written into the bundle: the digest of what it was made from. */
export const DIGEST_FILE = 'gazette-records.sha1';

/**
 * What a search bundle depends on: the records (which come from titles and bodies only, so a change
 * of templates or styles does not count) and the Pagefind that wrote it.
 */
export async function recordsDigest(records: readonly SearchRecord[]): Promise<string> {
  const pagefindPackage = new URL('../package.json', import.meta.resolve('pagefind'));
  const { version } = JSON.parse(await readFile(pagefindPackage, 'utf8')) as { version: string };
  return createHash('sha1')
    .update(`pagefind ${version}\n${JSON.stringify(records)}`)
    .digest('hex');
}

/**
 * Copies the previous build's bundle into `target` when it was made from the same records, and says
 * whether it did: Pagefind's output depends only on them, and indexing Chinese text takes seconds per
 * hundred articles. Anything unreadable in the previous bundle means: index again.
 */
export async function reusePreviousIndex(previous: string, target: string, digest: string): Promise<boolean> {
  const before = await readFile(path.join(previous, DIGEST_FILE), 'utf8').catch(() => undefined);
  if (before?.trim() !== digest) return false;
  await cp(previous, target, { recursive: true });
  return true;
}

import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SearchRecord } from './search-records.js';

/** Written last into each shard's folder: what it was made from, and each file's length and digest. */
export const SHARD_MANIFEST = 'gazette-shard.json';

export interface ShardManifest {
  /** Digest of the records and of the Pagefind that indexed them (see shardDigest). */
  readonly digest: string;
  /** Every file of the shard but this one: path inside the shard folder, length, sha1. */
  readonly files: readonly (readonly [string, number, string])[];
}

const sha1 = (data: string | Uint8Array) => createHash('sha1').update(data).digest('hex');

/** The version of the Pagefind package gazette runs, which decides the bundle's format. */
export async function pagefindVersion(): Promise<string> {
  const pagefindPackage = new URL('../package.json', import.meta.resolve('pagefind'));
  return (JSON.parse(await readFile(pagefindPackage, 'utf8')) as { version: string }).version;
}

/**
 * What a shard's bundle depends on: its records (titles and bodies only, so a change of templates or
 * styles does not count) and the Pagefind that wrote it. Pure.
 */
export const shardDigest = (records: readonly SearchRecord[], version: string): string =>
  sha1(`pagefind ${version}\n${JSON.stringify(records)}`);

export const manifestOf = (digest: string, files: readonly { path: string; content: Uint8Array }[]): string =>
  `${JSON.stringify({ digest, files: files.map((f) => [f.path, f.content.length, sha1(f.content)]) })}\n`;

/**
 * The files of the shard in `dir` if it was made from `digest` and every one of them is whole: the
 * manifest is written after them, and each file's length and digest must match it. Anything else
 * (a shard half-written by a killed build, a file edited or cut short, a manifest that does not
 * parse, another Pagefind's format) means: index it again.
 */
export async function intactShard(dir: string, digest: string): Promise<readonly string[] | undefined> {
  try {
    const manifest = JSON.parse(readFileSync(path.join(dir, SHARD_MANIFEST), 'utf8')) as ShardManifest;
    if (manifest.digest !== digest || !Array.isArray(manifest.files)) return undefined;
    // Synchronous, and lengths first: a shard has a file per article, and a round trip through
    // libuv's threads for each open, stat, read and close cost more than reading and hashing it.
    const full = manifest.files.map(([file]) => path.resolve(dir, file));
    if (full.some((f) => !f.startsWith(dir + path.sep))) return undefined;
    if (manifest.files.some(([, length], i) => statSync(full[i] as string).size !== length)) return undefined;
    if (manifest.files.some(([, , sum], i) => sha1(readFileSync(full[i] as string)) !== sum))
      return undefined;
    return [...manifest.files.map(([file]) => file), SHARD_MANIFEST];
  } catch {
    return undefined;
  }
}

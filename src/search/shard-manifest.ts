import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { SEARCH_BUNDLE_URL } from '../urls/urls.js';

/** Written last into each shard's folder: what it was made from, and each file's length and digest. */
export const SHARD_MANIFEST = 'gazette-shard.json';

/** `pagefind/`: the bundle's folder, as the site's file paths begin with it. */
const BUNDLE = SEARCH_BUNDLE_URL.replace(/^\/+/, '');

/**
 * Whether a file of the site (`pagefind/2022-03-1/fragment/…`) is one of a shard's files that a build
 * keeps as it is when the shard is intact: every file of a shard's folder but its manifest, which is
 * read to tell whether it is (from the previous site: see previousChanges).
 */
export const isKeptShardFile = (file: string): boolean =>
  file.startsWith(BUNDLE) && file.indexOf('/', BUNDLE.length) > 0 && !file.endsWith(`/${SHARD_MANIFEST}`);

export interface ShardManifest {
  /** Digest of what its records are made of and of the Pagefind that indexed them (see shardDigest). */
  readonly digest: string;
  /** Every file of the shard but this one: path inside the shard folder, length, sha1. */
  readonly files: readonly (readonly [string, number, string])[];
  /** The articles indexed, by their source files, in order: what a text edit re-indexes it from. */
  readonly articles: readonly string[];
}

const sha1 = (data: string | Uint8Array) => createHash('sha1').update(data).digest('hex');

/** The version of the Pagefind package gazette runs, which decides the bundle's format. */
export async function pagefindVersion(): Promise<string> {
  const pagefindPackage = new URL('../package.json', import.meta.resolve('pagefind'));
  return (JSON.parse(await readFile(pagefindPackage, 'utf8')) as { version: string }).version;
}

/**
 * What a shard's bundle depends on, as one digest: the key of each of its articles' records (what
 * the record is made of, see SearchSource.keyOf), what every record shares (`common`: the site's
 * language and base path), and the Pagefind that indexes them. Pure.
 */
export function shardDigest(keys: readonly string[], common: string, version: string): string {
  const hash = createHash('sha1').update(`pagefind ${version}\n${common}\n`);
  for (const key of keys) hash.update(key).update('\n');
  return hash.digest('hex');
}

export const manifestOf = (
  digest: string,
  files: readonly { path: string; content: Uint8Array }[],
  articles: readonly string[],
): string =>
  `${JSON.stringify({ digest, files: files.map((f) => [f.path, f.content.length, sha1(f.content)]), articles })}\n`;

/**
 * The files of the shard in `dir` if it was made from `digest` (undefined: whatever it was made from,
 * for a shard a text edit leaves as it was) and every one of them is whole: the
 * manifest is written after them. Anything else (a shard half-written by a killed build, a file
 * edited or cut short, a manifest that does not parse, another Pagefind's format) means: index it
 * again.
 *
 * Whole means, with `asLeft` (the build cache's stamps of the previous site's files, by path inside
 * the shard): each file, the manifest too, is as the build that wrote it left it (the same size,
 * modification time and inode), which costs no read; a file written since, by hand or by a disk
 * error, has another stamp. Without it (no build cache, or another site at the output's place):
 * each file has the length and digest the manifest gives.
 */
export function intactShard(
  dir: string,
  digest: string | undefined,
  asLeft?: (file: string) => boolean,
): readonly string[] | undefined {
  try {
    if (asLeft && !asLeft(SHARD_MANIFEST)) return undefined;
    const manifest = JSON.parse(readFileSync(path.join(dir, SHARD_MANIFEST), 'utf8')) as ShardManifest;
    if (digest !== undefined && manifest.digest !== digest) return undefined;
    if (!Array.isArray(manifest.files)) return undefined;
    const files = manifest.files.map(([file]) => file);
    const kept = [...files, SHARD_MANIFEST];
    if (asLeft) return files.every((file) => asLeft(file)) ? kept : undefined;
    // Synchronous, and lengths first: a shard has a file per article, and a round trip through
    // libuv's threads for each open, stat, read and close cost more than reading and hashing it.
    const full = files.map((file) => path.resolve(dir, file));
    if (full.some((f) => !f.startsWith(dir + path.sep))) return undefined;
    if (manifest.files.some(([, length], i) => statSync(full[i] as string).size !== length)) return undefined;
    if (manifest.files.some(([, , sum], i) => sha1(readFileSync(full[i] as string)) !== sum))
      return undefined;
    return kept;
  } catch {
    return undefined;
  }
}

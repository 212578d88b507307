import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

/** A shard's pages and their words in all, as Pagefind counted them: what its ranking depends on. */
export interface ShardLength {
  readonly pages: number;
  readonly words: number;
}

/** Pagefind's mark at the start of its files once unzipped. */
const SIGNATURE = 'pagefind_dcd';

/** What the loader needs of a shard's metadata: its pages' lengths, and its pages' ids. */
export interface ShardMeta {
  readonly length: ShardLength;
  /** Each page's id (Pagefind's hash, the name of its fragment file): unique in its shard only. */
  readonly ids: readonly string[];
}

/**
 * The metadata of the index in the bundle folder `dir` (`pagefind.<hash>.pf_meta`, named by
 * `pagefind-entry.json`). Pagefind ranks a page against its index's average page length (BM25's
 * length normalisation), which it computes in the browser from the pages' word counts; the loader
 * needs each shard's and the site's (see shard-loader.ts). Undefined if the file cannot be read as
 * Pagefind 1.6 writes it.
 */
export async function shardMeta(dir: string, language: string): Promise<ShardMeta | undefined> {
  try {
    const entry = JSON.parse(await readFile(path.join(dir, 'pagefind-entry.json'), 'utf8')) as {
      languages?: Record<string, { hash?: string }>;
    };
    const hash = entry.languages?.[language]?.hash;
    if (!hash) return undefined;
    return metaOf(await readFile(path.join(dir, `pagefind.${hash}.pf_meta`)));
  } catch {
    return undefined;
  }
}

/**
 * Reads the start of Pagefind's metadata (gzip, the signature, then CBOR): an array of the
 * generator's version and of each page's `[hash, word count, …]`. Pure; throws if it is not that.
 */
export function metaOf(file: Uint8Array): ShardMeta {
  const bytes =
    Buffer.from(file).subarray(0, SIGNATURE.length).toString() === SIGNATURE ? file : gunzipSync(file);
  let at = SIGNATURE.length;
  // One CBOR item's head: its major type and its number (a length, or an unsigned integer's value).
  const head = (major: number): number => {
    const first = bytes[at++] ?? -1;
    if (first >> 5 !== major)
      throw new Error(`not Pagefind's metadata (CBOR type ${first >> 5} at ${at - 1})`);
    const small = first & 31;
    if (small < 24) return small;
    const size = 2 ** (small - 24);
    if (size > 4) throw new Error('not Pagefind metadata (a count too large)');
    let value = 0;
    for (let i = 0; i < size; i++) value = value * 256 + (bytes[at++] ?? 0);
    return value;
  };
  // Any item of the types Pagefind writes here: numbers, strings, arrays of them.
  const skip = (): void => {
    const major = (bytes[at] ?? 0) >> 5;
    const n = head(major);
    if (major === 2 || major === 3) at += n;
    else if (major === 4) for (let i = 0; i < n; i++) skip();
    else if (major > 1) throw new Error(`not Pagefind's metadata (CBOR type ${major})`);
  };
  head(4);
  skip();
  const pages = head(4);
  let words = 0;
  const ids: string[] = [];
  for (let i = 0; i < pages; i++) {
    // [hash, word count, …]: 1.6 adds a third item.
    const items = head(4);
    const size = head(3);
    ids.push(Buffer.from(bytes.subarray(at, at + size)).toString('utf8'));
    at += size;
    words += head(0);
    for (let j = 2; j < items; j++) skip();
  }
  return { length: { pages, words }, ids };
}

/** The page ids that more than one shard has, in order. */
export function sharedIds(metas: readonly (ShardMeta | undefined)[]): string[] {
  const seen = new Set<string>();
  const shared = new Set<string>();
  for (const meta of metas) for (const id of meta?.ids ?? []) (seen.has(id) ? shared : seen).add(id);
  return [...shared].sort();
}

import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { CatalogFile, ImageCatalog } from '../assets/image-catalog.js';
import { NO_IMAGES } from '../assets/image-catalog.js';
import { readChecked, writeChecked } from './manifest.js';

/**
 * The catalog of images the last build made, kept in the build cache (`images.json`), so that a
 * build reads again (measures and digests) only the files whose status changed since: digesting
 * every photo of a large site on every build would take longer than the rest of a build that finds
 * nothing to do. Each entry is a fact about a file's bytes, whichever build it came from; only the
 * gazette that measured it must be the same.
 */
const FILE = 'images.json';

type Row = [
  key: string,
  from: string,
  size: number,
  mtimeMs: number,
  ctimeMs: number,
  ino: number,
  digest: string,
  width?: number,
  height?: number,
];

interface Stored {
  readonly tool: string;
  readonly readAt: number;
  readonly content: readonly Row[];
  readonly public: readonly Row[];
}

/** The catalog stored in the cache folder `dir` by this gazette, or an empty one. */
export async function readStoredCatalog(dir: string, tool: string): Promise<ImageCatalog> {
  const read = await readChecked(path.join(dir, FILE));
  if (typeof read === 'string') return NO_IMAGES;
  const stored = read.value as Stored;
  if (stored?.tool !== tool || !Array.isArray(stored.content) || !Array.isArray(stored.public))
    return NO_IMAGES;
  return { content: mapOf(stored.content), public: mapOf(stored.public), readAt: stored.readAt };
}

export async function storeCatalog(dir: string, tool: string, catalog: ImageCatalog): Promise<void> {
  await mkdir(dir, { recursive: true });
  const stored: Stored = {
    tool,
    readAt: catalog.readAt,
    content: rowsOf(catalog.content),
    public: rowsOf(catalog.public),
  };
  await writeChecked(path.join(dir, FILE), stored);
}

const rowsOf = (files: ReadonlyMap<string, CatalogFile>): Row[] =>
  [...files].map(([key, { from, stamp, digest, size }]): Row => {
    const row = [key, from, stamp.size, stamp.mtimeMs, stamp.ctimeMs, stamp.ino, digest] as const;
    return size ? [...row, size.width, size.height] : [...row];
  });

const mapOf = (rows: readonly Row[]): Map<string, CatalogFile> =>
  new Map(
    rows.map(([key, from, size, mtimeMs, ctimeMs, ino, digest, width, height]) => [
      key,
      {
        from,
        stamp: { size, mtimeMs, ctimeMs, ino },
        digest,
        ...(width !== undefined && height !== undefined && { size: { width, height } }),
      },
    ]),
  );

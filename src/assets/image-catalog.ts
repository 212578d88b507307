import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { CONTENT_DIR, isArticleName, isIgnoredName } from '../content/discover.js';
import { fileDigest } from '../fs/file-digest.js';
import { type FileStamp, stampOf, unchangedSince } from '../fs/file-stamp.js';
import { type ImageSize, measureImage } from '../fs/measure-image.js';
import { walkFiles } from '../fs/walk-files.js';
import { attachmentType } from './attachment-types.js';
import { type StaticFile, sitePublicFiles } from './public-files.js';

/**
 * A file an article may show as an image or link as an attachment: where it is on disk, its size when it is a known image, and
 * its bytes' digest. The site copies its bytes (beside an article's page, or from public/), so a
 * file is an input by its bytes: a photo replaced by a corrected one of the same size is a change.
 */
export interface CatalogFile {
  /** Absolute path. */
  readonly from: string;
  readonly size?: ImageSize;
  /** Length, times and inode: while they stay (see unchangedSince), the file is not read again. */
  readonly stamp: FileStamp;
  /** SHA-1 of the bytes; empty if the file could not be read. */
  readonly digest: string;
}

/**
 * Every file that articles may show as an image or link as an attachment, measured once, before any Markdown is rendered, so
 * that rendering stays pure: the files beside the articles in content/, and the site's static files.
 */
export interface ImageCatalog {
  /** Files under content/ other than articles, by path from the site root: `content/xuexi/images/a.png`. */
  readonly content: ReadonlyMap<string, CatalogFile>;
  /** Static files (the site's public/ over the theme's), by site path without the slash: `img/a.png`. */
  readonly public: ReadonlyMap<string, CatalogFile>;
  /** When the files were looked at (ms since the epoch): a file changed about then is read again. */
  readonly readAt: number;
}

export const NO_IMAGES: ImageCatalog = { content: new Map(), public: new Map(), readAt: 0 };

/** Extensions that are measured; other files can still be shown, without width and height. */
const MEASURED = /\.(png|jpe?g|gif|webp|svg|avif)$/i;

/** How many files are measured at once. */
const CONCURRENCY = 16;

/**
 * Lists, measures and digests the files of `root` that articles may show. `exclude` are folders never
 * read (the output folder); `previous` is an earlier catalog (the last build's, or the dev server's),
 * whose measurements are reused for files that did not change.
 */
export async function readImageCatalog(
  root: string,
  exclude: readonly string[] = [],
  previous: ImageCatalog = NO_IMAGES,
): Promise<ImageCatalog> {
  const readAt = Date.now();
  const contentFiles = (await listContentFiles(root, exclude)).map((rel) => ({
    key: rel,
    from: path.join(root, rel),
  }));
  const publicFiles = (await sitePublicFiles(root)).map((f) => ({
    key: f.to,
    from: f.from,
  }));
  const [content, publicMap] = await Promise.all([
    measureAll(contentFiles, previous.content, previous.readAt),
    measureAll(publicFiles, previous.public, previous.readAt),
  ]);
  return { content, public: publicMap, readAt };
}

/**
 * Changes when a file is added or removed, its measured size changes, or an attachment's length
 * changes: what rendering an article depends on (its `<img>` has the size, its list of attachments
 * their lengths), and so every file's result in the build cache.
 */
export const catalogDigest = (catalog: ImageCatalog): string =>
  digestOfLists(catalog, (key, f) => [key, f.from, f.size, attachmentType(key) ? f.stamp.size : 0]);

/**
 * Changes when any file's bytes change, or a file is added or removed: what the copies of the files
 * in the built site depend on.
 */
export const bytesDigest = (catalog: ImageCatalog): string =>
  digestOfLists(catalog, (key, f) => [key, f.from, f.digest]);

const digestOfLists = (catalog: ImageCatalog, row: (key: string, f: CatalogFile) => unknown): string =>
  createHash('sha1')
    .update(
      JSON.stringify([catalog.content, catalog.public].map((files) => [...files].map(([k, f]) => row(k, f)))),
    )
    .digest('base64url');

/** The site's static files as the catalog lists them (public/ over the theme's), to copy. */
export const publicFilesOf = (catalog: ImageCatalog): StaticFile[] =>
  [...catalog.public].map(([to, f]) => ({ from: f.from, to }));

/** Whether any file of `catalog` was read again rather than taken from `previous`, or is gone. */
export const readAgain = (catalog: ImageCatalog, previous: ImageCatalog): boolean =>
  differ(catalog.content, previous.content) || differ(catalog.public, previous.public);

const differ = (now: ReadonlyMap<string, CatalogFile>, before: ReadonlyMap<string, CatalogFile>) =>
  now.size !== before.size || [...now].some(([key, f]) => before.get(key) !== f);

async function measureAll(
  files: ReadonlyArray<{ key: string; from: string }>,
  previous: ReadonlyMap<string, CatalogFile>,
  previousReadAt: number,
): Promise<Map<string, CatalogFile>> {
  const measured = new Map<string, CatalogFile>();
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++];
      if (!file) continue;
      const info = await stat(file.from).catch(() => undefined);
      if (!info) continue;
      const stamp = stampOf(info);
      const before = previous.get(file.key);
      if (
        before?.from === file.from &&
        before.digest !== '' &&
        unchangedSince(before.stamp, stamp, previousReadAt)
      ) {
        measured.set(file.key, before);
        continue;
      }
      // Measured from its first bytes, then read whole for its digest (a photo changed since the
      // last build is copied whole anyway).
      const size = MEASURED.test(file.from) ? await measureImage(file.from) : undefined;
      const digest = fileDigest(file.from) ?? '';
      measured.set(file.key, { from: file.from, stamp, digest, ...(size && { size }) });
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  // Workers finish in any order: sort, so that every build sees the same catalog.
  return new Map([...measured].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * Files under content/ that are not articles, as paths from the root with "/" separators. What
 * cannot be listed (a name that is not UTF-8) is reported by readSources, which lists content/ too.
 */
async function listContentFiles(root: string, exclude: readonly string[]): Promise<string[]> {
  const base = path.join(root, CONTENT_DIR);
  const excluded = exclude.map((d) => path.resolve(d));
  const { files } = await walkFiles(base);
  return files
    .filter((rel) => !rel.split('/').some(isIgnoredName) && !isArticleName(path.posix.basename(rel)))
    .map((rel) => path.join(base, rel))
    .filter((full) => !excluded.some((d) => full.startsWith(d + path.sep)))
    .map((full) => path.relative(root, full).split(path.sep).join('/'))
    .sort();
}

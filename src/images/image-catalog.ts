import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { CONTENT_DIR, isArticleName, isIgnoredName } from '../content/discover.js';
import { walkFiles } from '../fs/walk-files.js';
import { sitePublicFiles } from '../output/public-files.js';
import { type ImageSize, measureImage } from './measure-image.js';

/** A file an article may show as an image: where it is on disk, and its size when it is a known image. */
export interface CatalogFile {
  /** Absolute path. */
  readonly from: string;
  readonly size?: ImageSize;
  /** Modification time and length: a rebuild measures again only files whose stamp changed. */
  readonly stamp: string;
}

/**
 * Every file that articles may show as an image, measured once, before any Markdown is rendered, so
 * that rendering stays pure: the files beside the articles in content/, and the site's static files.
 */
export interface ImageCatalog {
  /** Files under content/ other than articles, by path from the site root: `content/xuexi/images/a.png`. */
  readonly content: ReadonlyMap<string, CatalogFile>;
  /** Static files (the site's public/ over the theme's), by site path without the slash: `img/a.png`. */
  readonly public: ReadonlyMap<string, CatalogFile>;
}

export const NO_IMAGES: ImageCatalog = { content: new Map(), public: new Map() };

/** Extensions that are measured; other files can still be shown, without width and height. */
const MEASURED = /\.(png|jpe?g|gif|webp|svg|avif)$/i;

/** How many files are measured at once. */
const CONCURRENCY = 16;

/**
 * Lists and measures the files of `root` that articles may show. `exclude` are folders never read
 * (the output folder); `previous` is the catalog of the last rebuild, whose measurements are reused
 * for files that did not change.
 */
export async function readImageCatalog(
  root: string,
  exclude: readonly string[] = [],
  previous: ImageCatalog = NO_IMAGES,
): Promise<ImageCatalog> {
  const contentFiles = (await listContentFiles(root, exclude)).map((rel) => ({
    key: rel,
    from: path.join(root, rel),
  }));
  const publicFiles = (await sitePublicFiles(root)).map((f) => ({
    key: f.to,
    from: f.from,
  }));
  const [content, publicMap] = await Promise.all([
    measureAll(contentFiles, previous.content),
    measureAll(publicFiles, previous.public),
  ]);
  return { content, public: publicMap };
}

/** Changes when a file is added or removed, or its measured size changes: what rendering depends on. */
export const catalogDigest = (catalog: ImageCatalog): string =>
  createHash('sha1')
    .update(
      JSON.stringify(
        [catalog.content, catalog.public].map((files) => [...files].map(([key, f]) => [key, f.from, f.size])),
      ),
    )
    .digest('base64url');

async function measureAll(
  files: ReadonlyArray<{ key: string; from: string }>,
  previous: ReadonlyMap<string, CatalogFile>,
): Promise<Map<string, CatalogFile>> {
  const measured = new Map<string, CatalogFile>();
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++];
      if (!file) continue;
      const info = await stat(file.from).catch(() => undefined);
      if (!info) continue;
      const stamp = `${info.mtimeMs}:${info.size}`;
      const before = previous.get(file.key);
      if (before?.from === file.from && before.stamp === stamp) {
        measured.set(file.key, before);
        continue;
      }
      const size = MEASURED.test(file.from) ? await measureImage(file.from) : undefined;
      measured.set(file.key, { from: file.from, stamp, ...(size && { size }) });
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

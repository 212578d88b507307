import path from 'node:path';
import type { CatalogFile, ImageCatalog } from './image-catalog.js';

/**
 * Where a file an article shows or links (an image, an attachment) is, and where the site serves it.
 * Images and attachments are found alike; they differ only in what they do with the file found and
 * in how they word a missing one (resolveImage, resolveAttachment).
 */
export type ResolvedAsset =
  /** On another site, or not a path at all: left as written. */
  | { readonly kind: 'external' }
  | {
      readonly kind: 'found';
      /** Site path without the base path, percent-encoded as in HTML: `/xuexi/2022/03/a/images/a.png`. */
      readonly url: string;
      readonly file: CatalogFile;
      /** For a file beside the article: the file to copy, and its output path. Public files are copied anyway. */
      readonly copy?: { readonly from: string; readonly to: string };
    }
  | {
      readonly kind: 'missing';
      /**
       * `public`: a root-relative address with no file in public/; `outside`: a relative address that
       * leaves the article's folder; `beside`: no such file in the article's folder.
       */
      readonly why: 'public' | 'outside' | 'beside';
      /** The address as the editor wrote it (`images/封面.png`, not percent-encoded). */
      readonly href: string;
      /** The article's folder (`content/xuexi`). */
      readonly folder: string;
      /** The file looked for (`content/xuexi/images/a.png`); the public path for `public`. */
      readonly source: string;
    };

/** The article an address is written in: its source file, and the site path of its page. */
export interface AssetContext {
  /** `content/xuexi/2022-03-01-a.md` */
  readonly file: string;
  /** `/xuexi/2022/03/a/` */
  readonly url: string;
}

/**
 * Follows an address as the editor wrote it (`images/a.png` beside the article's file, or
 * `/img/a.png` in public/) to its file. A file beside the article is served next to the article's
 * page, at the same relative address, so the Markdown reads the same in an editor's preview and on
 * the site. Pure: files are looked up in the catalog.
 */
export function resolveAsset(href: string, article: AssetContext, catalog: ImageCatalog): ResolvedAsset {
  if (href === '' || !isInternal(href)) return { kind: 'external' };
  const { pathPart, suffix } = splitSuffix(href);
  const shown = safeDecodeUri(href);
  const folder = path.posix.dirname(article.file);
  if (pathPart.startsWith('/')) {
    const key = safeDecode(pathPart.slice(1));
    const file = catalog.public.get(key);
    return file
      ? { kind: 'found', url: `/${encodePath(key)}${suffix}`, file }
      : { kind: 'missing', why: 'public', href: shown, folder, source: key };
  }

  const source = path.posix.join(folder, safeDecode(pathPart));
  if (!source.startsWith(`${folder}/`))
    return { kind: 'missing', why: 'outside', href: shown, folder, source };
  const file = catalog.content.get(source);
  if (!file) return { kind: 'missing', why: 'beside', href: shown, folder, source };
  const rel = source.slice(folder.length + 1);
  const pageFolder = article.url.endsWith('/') ? article.url : `${path.posix.dirname(article.url)}/`;
  return {
    kind: 'found',
    url: pageFolder + encodePath(rel) + suffix,
    file,
    copy: { from: file.from, to: (pageFolder + rel).slice(1) },
  };
}

/** The file name an address ends with, without `?query` or `#hash`, decoded: `a.pdf`. */
export const fileNameOf = (href: string): string =>
  safeDecode(path.posix.basename(splitSuffix(href).pathPart));

/** `a.png?v=2#x` → `a.png` and `?v=2#x`: the file is looked up without them, the address keeps them. */
function splitSuffix(href: string): { pathPart: string; suffix: string } {
  const at = href.search(/[?#]/);
  return at === -1 ? { pathPart: href, suffix: '' } : { pathPart: href.slice(0, at), suffix: href.slice(at) };
}

/** A file path as an address: each segment percent-encoded, as markdown-it writes non-ASCII links. */
const encodePath = (p: string) => p.split('/').map(encodeURIComponent).join('/');

/** Addresses that leave the site or stay on the page: `https:`, `//host`, `#top`. */
const isInternal = (ref: string): boolean =>
  !/^[a-z][a-z0-9+.-]*:/i.test(ref) && !ref.startsWith('//') && !ref.startsWith('#');

const safeDecode = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

/** An address as the editor wrote it: `images/封面.png`, not `images/%E5%B0%81…`. */
const safeDecodeUri = (s: string) => {
  try {
    return decodeURI(s);
  } catch {
    return s;
  }
};

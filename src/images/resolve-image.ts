import path from 'node:path';
import type { Values } from '../messages/types.js';
import type { CatalogFile, ImageCatalog } from './image-catalog.js';
import type { ImageSize } from './measure-image.js';

/** Where an image an article shows is, and where the site serves it. */
export type ResolvedImage =
  /** On another site, or not a path at all: left as written. */
  | { readonly kind: 'external' }
  | {
      readonly kind: 'found';
      /** Site path without the base path, percent-encoded as in HTML: `/xuexi/2022/03/a/images/a.png`. */
      readonly url: string;
      readonly size?: ImageSize;
      /** For an image beside the article: the file to copy, and its output path. Public files are copied anyway. */
      readonly copy?: { readonly from: string; readonly to: string };
    }
  | { readonly kind: 'missing'; readonly code: 'GZ0604' | 'GZ0606' | 'GZ0607'; readonly values: Values };

/** The article an address is written in: its source file, and the site path of its page. */
export interface ImageContext {
  /** `content/xuexi/2022-03-01-a.md` */
  readonly file: string;
  /** `/xuexi/2022/03/a/` */
  readonly url: string;
}

/**
 * Follows the address of an image as the editor wrote it (`images/a.png` beside the article's file,
 * or `/img/a.png` in public/) to its file. An image beside the article is served next to the article's
 * page, at the same relative address, so the Markdown reads the same in an editor's preview and on the
 * site. Pure: files are looked up in the catalog.
 */
export function resolveImage(href: string, article: ImageContext, catalog: ImageCatalog): ResolvedImage {
  if (href === '' || !isInternal(href)) return { kind: 'external' };
  const { pathPart, suffix } = splitSuffix(href);
  const shown = safeDecodeUri(href);
  if (pathPart.startsWith('/')) {
    const key = safeDecode(pathPart.slice(1));
    const file = catalog.public.get(key);
    return file
      ? found(`/${encodePath(key)}${suffix}`, file)
      : { kind: 'missing', code: 'GZ0604', values: { href: shown } };
  }

  const folder = path.posix.dirname(article.file);
  const source = path.posix.join(folder, safeDecode(pathPart));
  if (!source.startsWith(`${folder}/`)) {
    return { kind: 'missing', code: 'GZ0606', values: { href: shown, folder } };
  }
  const file = catalog.content.get(source);
  if (!file) return { kind: 'missing', code: 'GZ0607', values: { href: shown, source } };
  const rel = source.slice(folder.length + 1);
  const pageFolder = article.url.endsWith('/') ? article.url : `${path.posix.dirname(article.url)}/`;
  return found(pageFolder + encodePath(rel) + suffix, file, {
    from: file.from,
    to: (pageFolder + rel).slice(1),
  });
}

function found(url: string, file: CatalogFile, copy?: { from: string; to: string }): ResolvedImage {
  return { kind: 'found', url, ...(file.size && { size: file.size }), ...(copy && { copy }) };
}

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

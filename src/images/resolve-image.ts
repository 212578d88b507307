import type { ImageCatalog } from '../assets/image-catalog.js';
import { type AssetContext, resolveAsset } from '../assets/resolve-asset.js';
import type { ImageSize } from '../fs/measure-image.js';
import type { Values } from '../messages/types.js';

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
export type ImageContext = AssetContext;

/**
 * An image as resolveAsset finds it, with its width and height when measured, and a missing one
 * worded as an image.
 */
export function resolveImage(href: string, article: ImageContext, catalog: ImageCatalog): ResolvedImage {
  const found = resolveAsset(href, article, catalog);
  switch (found.kind) {
    case 'external':
      return found;
    case 'found':
      return {
        kind: 'found',
        url: found.url,
        ...(found.file.size && { size: found.file.size }),
        ...(found.copy && { copy: found.copy }),
      };
    case 'missing':
      return found.why === 'public'
        ? { kind: 'missing', code: 'GZ0604', values: { href: found.href } }
        : found.why === 'outside'
          ? { kind: 'missing', code: 'GZ0606', values: { href: found.href, folder: found.folder } }
          : { kind: 'missing', code: 'GZ0607', values: { href: found.href, source: found.source } };
  }
}

import { attachmentType } from '../assets/attachment-types.js';
import type { ImageCatalog } from '../assets/image-catalog.js';
import { type AssetContext, fileNameOf, resolveAsset } from '../assets/resolve-asset.js';
import type { Values } from '../messages/types.js';

/** Where an attachment an article links is, and where the site serves it. */
export type ResolvedAttachment =
  | {
      readonly kind: 'found';
      /** Site path without the base path, percent-encoded as in HTML: `/xuexi/2022/03/a/fujian.pdf`. */
      readonly url: string;
      /** PDF, Word, Excel, …: see attachmentType. */
      readonly type: string;
      /** Its length in bytes. */
      readonly bytes: number;
      /** For an attachment beside the article: the file to copy, and its output path. */
      readonly copy?: { readonly from: string; readonly to: string };
    }
  | { readonly kind: 'missing'; readonly code: 'GZ0609' | 'GZ0610'; readonly values: Values };

/**
 * The attachment a link leads to, found as an image is (beside the article, or from the site root
 * in public/), or undefined when the link is not to an attachment: another page, another site, a
 * file of another type.
 */
export function resolveAttachment(
  href: string,
  article: AssetContext,
  catalog: ImageCatalog,
): ResolvedAttachment | undefined {
  const type = attachmentType(fileNameOf(href));
  if (!type) return undefined;
  const found = resolveAsset(href, article, catalog);
  switch (found.kind) {
    case 'external':
      return undefined;
    case 'found':
      return {
        kind: 'found',
        url: found.url,
        type,
        bytes: found.file.stamp.size,
        ...(found.copy && { copy: found.copy }),
      };
    case 'missing':
      return found.why === 'outside'
        ? { kind: 'missing', code: 'GZ0610', values: { href: found.href, folder: found.folder } }
        : {
            kind: 'missing',
            code: 'GZ0609',
            values: {
              href: found.href,
              source: found.why === 'public' ? `public/${found.source}` : found.source,
            },
          };
  }
}

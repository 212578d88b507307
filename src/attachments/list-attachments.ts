import type { BodyLink } from '../assets/copied-links.js';
import type { ImageCatalog } from '../assets/image-catalog.js';
import type { AssetContext } from '../assets/resolve-asset.js';
import { humanSize } from './human-size.js';
import { resolveAttachment } from './resolve-attachment.js';

/** A file an article links to for download, as its page lists it under 附件. */
export interface Attachment {
  /** Site path without the base path: `/xuexi/2022/03/a/fujian.pdf`. */
  readonly url: string;
  /** The text of the (first) link to it; its file name if the link has none. */
  readonly text: string;
  /** PDF, Word, Excel, WPS, OFD, ZIP, …: see attachmentType. */
  readonly type: string;
  /** Its length, as readers read it: `1.2 MB` (humanSize). */
  readonly size: string;
}

/**
 * The attachments an article's body links to, in the order of their first link, each once. Those
 * missing are left out: the build reports them (planImages). Pure.
 */
export function listAttachments(
  links: readonly BodyLink[],
  article: AssetContext,
  catalog: ImageCatalog,
): Attachment[] {
  const listed = new Map<string, Attachment>();
  for (const link of links) {
    if (link.kind !== 'link') continue;
    const found = resolveAttachment(link.href, article, catalog);
    if (found?.kind !== 'found') continue;
    const url = found.url.replace(/[?#].*$/, '');
    if (listed.has(url)) continue;
    const name = decodeURIComponent(url.slice(url.lastIndexOf('/') + 1));
    listed.set(url, { url, text: link.text || name, type: found.type, size: humanSize(found.bytes) });
  }
  return [...listed.values()];
}

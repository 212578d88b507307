import { type BodyLink, copiedLinks } from '../assets/copied-links.js';
import type { ImageCatalog } from '../assets/image-catalog.js';
import type { StaticFile } from '../assets/public-files.js';
import { resolveAttachment } from '../attachments/resolve-attachment.js';
import type { ArticleCover } from '../content/article.js';
import { type Diagnostic, problem } from '../errors/diagnostic.js';
import { resolveImage } from './resolve-image.js';

/** What planImages needs of an entry: where it comes from, where its page is, and its images. */
export interface ArticleImages {
  readonly file: string;
  readonly url: string;
  readonly links: readonly BodyLink[];
  readonly cover?: ArticleCover;
}

/** An image or attachment to copy beside an article's page, and the article that shows it (named in collisions). */
export interface ImageCopy extends StaticFile {
  readonly owner: string;
}

export interface ImagePlan {
  /** Sorted by destination; one per destination, unless two different files claim it (a collision). */
  readonly copies: readonly ImageCopy[];
  /** One error per image or attachment that cannot be found, at its address in the article's file. */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * The files every article shows or links for download beside it: its images (in its body and as its
 * cover) and its attachments. Which files to copy beside the pages, and which are missing. Pure;
 * resolved exactly as the Markdown renderer resolves them.
 */
export function planImages(articles: readonly ArticleImages[], catalog: ImageCatalog): ImagePlan {
  const copies = new Map<string, ImageCopy>();
  const diagnostics: Diagnostic[] = [];
  for (const article of articles) {
    const wanted = [
      ...(article.cover ? [{ ...article.cover, kind: 'image' as const }] : []),
      ...copiedLinks(article.links),
    ];
    for (const asset of wanted) {
      const resolved =
        asset.kind === 'image'
          ? resolveImage(asset.href, article, catalog)
          : resolveAttachment(asset.href, article, catalog);
      if (resolved?.kind === 'missing') {
        const at = { line: asset.line, column: asset.column };
        diagnostics.push(problem(resolved.code, article.file, at, resolved.values));
      } else if (resolved?.kind === 'found' && resolved.copy) {
        const { from, to } = resolved.copy;
        // The same file shown twice, or by two articles sharing a folder, is copied once; two
        // different files for one destination are left to the collision check.
        const key = copies.get(to)?.from === from ? to : copies.has(to) ? `${to}\0${article.file}` : to;
        if (!copies.has(key)) copies.set(key, { from, to, owner: article.file });
      }
    }
  }
  return {
    copies: [...copies.values()].sort((a, b) => (a.to < b.to ? -1 : a.to > b.to ? 1 : 0)),
    diagnostics,
  };
}

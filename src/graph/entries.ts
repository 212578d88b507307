import type { MarkdownIt } from 'markdown-it';
import { type ImageCatalog, NO_IMAGES } from '../assets/image-catalog.js';
import { listAttachments } from '../attachments/list-attachments.js';
import type { SiteConfig } from '../config/site-config.js';
import type { Article } from '../content/article.js';
import { problem } from '../errors/diagnostic.js';
import { resolveImage } from '../images/resolve-image.js';
import type { ImageEnv } from '../markdown/image-rule.js';
import { renderMarkdown } from '../markdown/render-markdown.js';
import { makeSummary } from '../markdown/summary.js';
import { slugify } from '../text/slug.js';
import { articleUrl } from '../urls/urls.js';
import { listingOf } from './listing.js';
import type { RenderedEntry } from './site-graph.js';

/**
 * An article with its body rendered and its URL fixed. `version` identifies the source the entry was
 * made from (a digest of its bytes); `images` are the files its images are looked up in.
 */
export function makeEntry(
  md: MarkdownIt,
  article: Article,
  config: SiteConfig,
  version: string,
  images: ImageCatalog = NO_IMAGES,
): RenderedEntry {
  const url = articleUrl(config.permalink, article);
  const place = { file: article.file, url };
  const rendered = renderMarkdown(md, article.body, { images, article: place } satisfies ImageEnv);
  const cover = article.cover && resolveImage(article.cover.href, place, images);
  // The Markdown source is not kept: from here on only its HTML counts.
  const { body: _body, ...meta } = article;
  const attachments = listAttachments(rendered.links, place, images);
  const entry = {
    ...meta,
    version,
    html: rendered.html,
    summaryText: article.summary ?? makeSummary(rendered.paragraphs),
    tagSlugs: article.tags.map(slugify),
    url,
    // Lines of the body → lines of the file.
    links: rendered.links.map((l) => ({ ...l, line: l.line + article.bodyLine - 1 })),
    // The cover as other pages show it (the home page's 图片新闻, a list's thumbnail: src, width and
    // height): part of the entry's listing (listingOf), so that those pages are signed, and rendered
    // again, when it is added, replaced, or measured at another size.
    ...(cover?.kind === 'found' && { coverUrl: cover.url, ...(cover.size && { coverSize: cover.size }) }),
    ...(attachments.length > 0 && { attachments }),
    warnings: rendered.warnings.map((w) =>
      problem(
        w.code,
        article.file,
        { line: w.line + article.bodyLine - 1, column: w.column },
        w.values,
        'warning',
      ),
    ),
  };
  return { ...entry, listing: listingOf(entry) };
}

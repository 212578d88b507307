import type { MarkdownLink } from '../markdown/render-markdown.js';
import { attachmentType } from './attachment-types.js';
import { fileNameOf } from './resolve-asset.js';

/**
 * The links of a body whose files the site may copy beside the article's page: its images and its
 * links to attachments. An edit that changes them changes which files the site holds (see
 * planImages); one that keeps them changes only the article's own page.
 */
export const copiedLinks = (links: readonly MarkdownLink[]): MarkdownLink[] =>
  links.filter((l) => l.kind === 'image' || attachmentType(fileNameOf(l.href)) !== undefined);

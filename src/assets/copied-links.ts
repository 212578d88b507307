import { attachmentType } from './attachment-types.js';
import { fileNameOf } from './resolve-asset.js';

/**
 * A link or image of an article's body, as what the article links is planned from: markdown/'s
 * MarkdownLink is one. Declared here, with only what is read of it, so that the files an article
 * links (assets/, images/, attachments/) come before the Markdown that finds the links in its body.
 */
export interface BodyLink {
  readonly href: string;
  readonly kind: 'link' | 'image';
  /** 1-based, in the article's body. */
  readonly line: number;
  readonly column: number;
  /** Links to attachments only: the link's text, which lists it under 附件. */
  readonly text?: string;
}

/**
 * The links of a body whose files the site may copy beside the article's page: its images and its
 * links to attachments. An edit that changes them changes which files the site holds (see
 * planImages); one that keeps them changes only the article's own page.
 */
export const copiedLinks = <L extends BodyLink>(links: readonly L[]): L[] =>
  links.filter((l) => l.kind === 'image' || attachmentType(fileNameOf(l.href)) !== undefined);

import type { MarkdownIt } from 'markdown-it';
import { resolveAttachment } from '../attachments/resolve-attachment.js';
import type { ImageEnv } from './image-rule.js';

/**
 * markdown-it plugin: a link to an attachment gets the attachment's address on the site (one beside
 * the article's file is served beside its page), as an image does, so that the body's HTML leads to
 * it wherever it is shown (feeds, search). Attachments that cannot be found keep their address: the
 * build reports them (planImages). Install it after anything else that rewrites `href` (the base
 * path): this rule runs first and hands the site path on.
 */
export function attachmentLinks(md: MarkdownIt): void {
  const next = md.renderer.rules.link_open;
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    const { images, article } = (env ?? {}) as ImageEnv;
    if (token && images && article) {
      const resolved = resolveAttachment(String(token.attrGet('href') ?? ''), article, images);
      if (resolved?.kind === 'found') token.attrSet('href', resolved.url);
    }
    return next ? next(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options);
  };
}

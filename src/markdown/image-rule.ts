import type { MarkdownIt } from 'markdown-it';
import type { ImageCatalog } from '../assets/image-catalog.js';
import { type ImageContext, resolveImage } from '../images/resolve-image.js';

/** What the image rule needs from the render environment (markdown-it's `env`) of one article. */
export interface ImageEnv {
  readonly images?: ImageCatalog;
  readonly article?: ImageContext;
}

/**
 * markdown-it plugin: every image of an article gets its address on the site (an image beside the
 * article's file is served beside its page), its width and height, so that the page does not jump
 * while it loads, and is loaded only when the reader gets near it. Images that cannot be found keep
 * their address: the build reports them (planImages). Install it after anything else that rewrites
 * `src` (the base path): this rule runs first and hands the site path on.
 */
export function imageAttributes(md: MarkdownIt): void {
  const next = md.renderer.rules.image;
  md.renderer.rules.image = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    const { images, article } = (env ?? {}) as ImageEnv;
    if (token && images && article) {
      const resolved = resolveImage(String(token.attrGet('src') ?? ''), article, images);
      if (resolved.kind === 'found') {
        token.attrSet('src', resolved.url);
        if (resolved.size) {
          token.attrSet('width', String(resolved.size.width));
          token.attrSet('height', String(resolved.size.height));
        }
      }
    }
    token?.attrSet('loading', 'lazy');
    token?.attrSet('decoding', 'async');
    return next ? next(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options);
  };
}

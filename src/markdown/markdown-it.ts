import MarkdownItCtor, { type MarkdownIt } from 'markdown-it';
import anchor from 'markdown-it-anchor';
import cjkFriendly from 'markdown-it-cjk-friendly';
import { slugify } from '../text/slug.js';
import { attachmentLinks } from './attachment-rule.js';
import { figures } from './figures.js';
import { imageAttributes } from './image-rule.js';
import { keepTooDeepText } from './nesting-limit.js';

/** Schemes that run code or smuggle content: a link using one is rendered as plain text. */
const UNSAFE_SCHEME = /^\s*(javascript|vbscript|file|data):/i;

/**
 * The one markdown-it configuration of gazette: raw HTML off (content is data, never markup),
 * GFM tables, heading anchors with pinyin ids, CJK-friendly emphasis so that `**“开门红”**，`
 * is bold (plain CommonMark leaves the asterisks), images with their size, loaded lazily, links to
 * attachments at their address on the site, and an image with a title alone in its paragraph shown
 * as a figure with that title as its caption.
 */
export function createMarkdown(basePath = '/'): MarkdownIt {
  const md = new MarkdownItCtor({ html: false, linkify: false, typographer: false });
  md.validateLink = (url) => !UNSAFE_SCHEME.test(decodeEntities(url));
  md.use(cjkFriendly);
  md.use(keepTooDeepText);
  if (basePath !== '/') prefixRootLinks(md, basePath);
  // After prefixRootLinks: images and attachments get their site path first, then the base path.
  md.use(imageAttributes);
  md.use(attachmentLinks);
  // After imageAttributes: the caption follows the image as that rule wrote it.
  md.use(figures);
  md.use(anchor, { slugify: (s: string) => slugify(s) || 'section', tabIndex: false });
  return md;
}

// markdown-it hands validateLink the URL after entity decoding, but be safe against `&#106;avascript:`.
const decodeEntities = (s: string) =>
  s.replace(/&#(x?)([0-9a-f]+);?/gi, (_, hex: string, n: string) =>
    String.fromCodePoint(Number.parseInt(n, hex ? 16 : 10)),
  );

/** A site served from a subfolder: `[a](/xuexi/)` in an article must lead to `/news/xuexi/`. */
function prefixRootLinks(md: MarkdownIt, basePath: string): void {
  const prefix = (url: string) =>
    url.startsWith('/') && !url.startsWith('//') ? basePath + url.slice(1) : url;
  for (const [rule, attr] of [
    ['link_open', 'href'],
    ['image', 'src'],
  ] as const) {
    const original = md.renderer.rules[rule];
    md.renderer.rules[rule] = (tokens, idx, options, env, self) => {
      const token = tokens[idx];
      const value = token?.attrGet(attr);
      if (token && value) token.attrSet(attr, prefix(String(value)));
      return original ? original(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options);
    };
  }
}

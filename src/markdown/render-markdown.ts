import type { MarkdownIt, Token } from 'markdown-it';
import { attachmentType } from '../assets/attachment-types.js';
import type { BodyLink } from '../assets/copied-links.js';
import { fileNameOf } from '../assets/resolve-asset.js';
import type { Values } from '../messages/types.js';
import { controlsDropped, countControls, firstControl, withoutControls } from '../text/invisible.js';
import { maxNesting, tooDeepLines } from './nesting-limit.js';

export interface RenderedMarkdown {
  readonly html: string;
  /**
   * Text of the opening top-level paragraphs, in order, at least PARAGRAPHS_TEXT characters of them
   * when the body has so many: what a summary is made of.
   */
  readonly paragraphs: readonly string[];
  /** Every link and image of the body, as written (before any base path is added), block by block. */
  readonly links: readonly MarkdownLink[];
  /** What the editor should know about the body, at 1-based lines of the text rendered. */
  readonly warnings: readonly MarkdownWarning[];
}

export interface MarkdownWarning {
  readonly line: number;
  readonly column: number;
  /** The kind of warning, worded in src/messages/ (GZ0111, GZ0714). */
  readonly code: 'GZ0111' | 'GZ0714';
  readonly values: Values;
}

/** A link or image of a Markdown body and where its address is written. */
export interface MarkdownLink extends BodyLink {
  /** The address as markdown-it normalized it (non-ASCII percent-encoded), without the base path. */
  readonly href: string;
  readonly kind: 'link' | 'image';
  /**
   * 1-based line and column (UTF-16 units) of the address, relative to the text rendered: line 1 is
   * the body's first line. When the address cannot be found as written (escapes, entities), the
   * start of the line of its block.
   */
  readonly line: number;
  readonly column: number;
  /** Images only: the alt text, as plain text. */
  readonly alt?: string;
  /** Links to attachments only (attachmentType): the link's text, as plain text, which lists it under 附件. */
  readonly text?: string;
}

/**
 * Renders an article body. Pure: the same text and `env` always give the same HTML. `env` is handed to
 * markdown-it's rules (which also keep reference definitions in it: one object per call): what
 * they need to know about the article, such as its images (see imageAttributes).
 */
export function renderMarkdown(
  md: MarkdownIt,
  body: string,
  env: Record<string, unknown> = {},
): RenderedMarkdown {
  // Control characters never reach the page: taken out first, with a warning at the first of them.
  // Their lines stay, so positions are still the body's own (links are found in the text as written).
  const control = firstControl(body);
  const tokens = md.parse(control === -1 ? body : withoutControls(body), env);
  // Before rendering: the renderer rewrites the tokens' links (images, the base path of a subfolder).
  const links = collectLinks(md, tokens, body);
  const html = md.renderer.render(tokens, md.options, env);
  const warnings: MarkdownWarning[] = tooDeepLines(env).map((line) => ({
    line: line + 1,
    column: 1,
    code: 'GZ0111',
    values: { max: maxNesting(md) },
  }));
  if (control !== -1)
    warnings.push({
      ...positionsOf(body)(control),
      ...controlsDropped(body[control] ?? '', countControls(body)),
    });
  return {
    html,
    paragraphs: paragraphTexts(tokens),
    links,
    warnings: warnings.sort((a, b) => a.line - b.line),
  };
}

/**
 * Links and images of the token stream, with positions: markdown-it gives only the lines of a block
 * (inline tokens of table cells have none: the row's are used), so each address is looked up in the
 * block's source lines, every occurrence of the same address taking the next one. The address of a
 * reference link (`[文字][1]`) is where its definition (`[1]: /xuexi/`) is written.
 */
function collectLinks(md: MarkdownIt, tokens: readonly Token[], body: string): MarkdownLink[] {
  const lines = body.split(/\r\n?|\n/);
  const whole = lines.join('\n');
  const positionIn = positionsOf(whole);
  const lineStart = (line: number) => positionIn.lineStarts[line] ?? whole.length;
  const definitions = new Map<string, number | undefined>();
  const links: MarkdownLink[] = [];
  const taken = new Map<string, number>();
  let blockMap: [number, number] | null = null;
  for (const t of tokens) {
    if (t.map) blockMap = t.map;
    if (t.type !== 'inline' || !blockMap) continue;
    const [first, last] = blockMap;
    const block = lines.slice(first, Math.max(last, first + 1)).join('\n');
    const children = t.children ?? [];
    for (const [i, c] of children.entries()) {
      if (c.type !== 'link_open' && c.type !== 'image') continue;
      const kind = c.type === 'image' ? 'image' : 'link';
      const href = String(c.attrGet(kind === 'image' ? 'src' : 'href') ?? '');
      const forms = href === '' ? [] : [...new Set([href, md.normalizeLinkText(href), safeDecode(href)])];
      const inBlock = find(block, forms, ['](', '](<'], taken, `${first}`);
      // A definition serves every use of it: no occurrence is taken, and it is looked up once.
      const definitionKey = forms.join('\0');
      if (inBlock === undefined && !definitions.has(definitionKey))
        definitions.set(definitionKey, find(whole, forms, [']: ', ']:', ']: <']));
      const inDefinition = inBlock === undefined ? definitions.get(definitionKey) : undefined;
      const at =
        inBlock !== undefined
          ? positionIn(lineStart(first) + inBlock)
          : inDefinition !== undefined
            ? positionIn(inDefinition)
            : { line: first + 1, column: firstNonSpace(lines[first] ?? '') + 1 };
      links.push({
        href,
        kind,
        ...at,
        ...(kind === 'image'
          ? { alt: inlineText(c.children ?? []) }
          : attachmentType(fileNameOf(href)) && { text: linkText(children, i) }),
      });
    }
  }
  return links;
}

/**
 * The offset of the first occurrence of one of `forms` written right after one of `befores`; with
 * `taken`, the first one not taken yet in `scope`, which it then takes.
 */
function find(
  text: string,
  forms: readonly string[],
  befores: readonly string[],
  taken?: Map<string, number>,
  scope = '',
): number | undefined {
  for (const form of forms) {
    for (const before of befores) {
      const key = `${scope}\0${before}${form}`;
      const found = text.indexOf(before + form, taken?.get(key) ?? 0);
      if (found !== -1) {
        taken?.set(key, found + 1);
        return found + before.length;
      }
    }
  }
  return undefined;
}

const safeDecode = (s: string) => {
  try {
    return decodeURI(s);
  } catch {
    return s;
  }
};

/**
 * 1-based line and column of an offset in `text`, found by binary search in the offsets where lines
 * start: an article with thousands of links must not rescan its text for each.
 */
function positionsOf(text: string) {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const at = (offset: number): { line: number; column: number } => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (lineStarts[low] ?? 0) + 1 };
  };
  return Object.assign(at, { lineStarts });
}

const firstNonSpace = (line: string) => Math.max(0, line.search(/\S/));

/** Far more than any summary takes: a 20 MB body need not be turned into text for it. */
export const PARAGRAPHS_TEXT = 10_000;

function paragraphTexts(tokens: readonly Token[]): string[] {
  const out: string[] = [];
  let length = 0;
  for (let i = 0; i < tokens.length && length < PARAGRAPHS_TEXT; i++) {
    const t = tokens[i];
    if (t?.type === 'paragraph_open' && t.level === 0) {
      const inline = tokens[i + 1];
      if (inline?.type === 'inline') {
        out.push(inlineText(inline.children ?? []));
        length += out.at(-1)?.length ?? 0;
      }
    }
  }
  return out.filter((p) => p.trim() !== '');
}

/** The plain text of the link opened at `children[open]`, up to its closing token. */
function linkText(children: readonly Token[], open: number): string {
  let depth = 0;
  let end = open + 1;
  for (; end < children.length; end++) {
    const type = children[end]?.type;
    if (type === 'link_open') depth++;
    else if (type === 'link_close' && depth-- === 0) break;
  }
  return inlineText(children.slice(open + 1, end)).trim();
}

function inlineText(children: readonly Token[]): string {
  let s = '';
  for (const c of children) {
    if (c.type === 'text' || c.type === 'code_inline') s += c.content;
    else if (c.type === 'softbreak' || c.type === 'hardbreak') s += ' ';
    else if (c.type === 'image') s += inlineText(c.children ?? []);
  }
  return s;
}

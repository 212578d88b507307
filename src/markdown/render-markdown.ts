import type { MarkdownIt, Token } from 'markdown-it';

export interface RenderedMarkdown {
  readonly html: string;
  /** Text of the top-level paragraphs, in order: what a summary is made of. */
  readonly paragraphs: readonly string[];
  /** Every link and image of the body, as written (before any base path is added), block by block. */
  readonly links: readonly MarkdownLink[];
}

/** A link or image of a Markdown body and where its address is written. */
export interface MarkdownLink {
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
  const tokens = md.parse(body, env);
  // Before rendering: the renderer rewrites the tokens' links (images, the base path of a subfolder).
  const links = collectLinks(md, tokens, body);
  const html = md.renderer.render(tokens, md.options, env);
  return { html, paragraphs: paragraphTexts(tokens), links };
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
  const links: MarkdownLink[] = [];
  const taken = new Map<string, number>();
  let blockMap: [number, number] | null = null;
  for (const t of tokens) {
    if (t.map) blockMap = t.map;
    if (t.type !== 'inline' || !blockMap) continue;
    const [first, last] = blockMap;
    const block = lines.slice(first, Math.max(last, first + 1)).join('\n');
    for (const c of t.children ?? []) {
      if (c.type !== 'link_open' && c.type !== 'image') continue;
      const kind = c.type === 'image' ? 'image' : 'link';
      const href = String(c.attrGet(kind === 'image' ? 'src' : 'href') ?? '');
      const forms = href === '' ? [] : [...new Set([href, md.normalizeLinkText(href), safeDecode(href)])];
      const inBlock = find(block, forms, ['](', '](<'], taken, `${first}`);
      // A definition serves every use of it: no occurrence is taken.
      const inDefinition = inBlock === undefined ? find(whole, forms, [']: ', ']:', ']: <']) : undefined;
      const at =
        inBlock !== undefined
          ? shift(positionIn(block, inBlock), first)
          : inDefinition !== undefined
            ? positionIn(whole, inDefinition)
            : { line: first + 1, column: firstNonSpace(lines[first] ?? '') + 1 };
      links.push({
        href,
        kind,
        ...at,
        ...(kind === 'image' && { alt: inlineText(c.children ?? []) }),
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

/** 1-based line and column of `offset` in `text`. */
function positionIn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

const shift = (p: { line: number; column: number }, lines: number) => ({ ...p, line: p.line + lines });

const firstNonSpace = (line: string) => Math.max(0, line.search(/\S/));

function paragraphTexts(tokens: readonly Token[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t?.type === 'paragraph_open' && t.level === 0) {
      const inline = tokens[i + 1];
      if (inline?.type === 'inline') out.push(inlineText(inline.children ?? []));
    }
  }
  return out.filter((p) => p.trim() !== '');
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

import type { MarkdownIt, Token } from 'markdown-it';

export interface RenderedMarkdown {
  readonly html: string;
  /** Text of the top-level paragraphs, in order: what a summary is made of. */
  readonly paragraphs: readonly string[];
}

/** Renders an article body. Pure: the same text always gives the same HTML. */
export function renderMarkdown(md: MarkdownIt, body: string): RenderedMarkdown {
  const tokens = md.parse(body, {});
  const html = md.renderer.render(tokens, md.options, {});
  return { html, paragraphs: paragraphTexts(tokens) };
}

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

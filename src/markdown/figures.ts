import type { MarkdownIt, Token } from 'markdown-it';

/**
 * markdown-it plugin: a paragraph that holds nothing but an image with a title
 * (`![金华站](images/a.jpg "春运首日的金华站")`) is a figure, and the title its caption:
 * `<figure><img …><figcaption>春运首日的金华站</figcaption></figure>`. The title is the caption
 * rather than a tooltip, which touch screens and keyboards never show. An image in running text
 * keeps its title: a figure cannot stand inside a paragraph.
 */
export function figures(md: MarkdownIt): void {
  md.core.ruler.after('inline', 'figures', (state) => {
    const tokens = state.tokens;
    for (let i = 0; i + 2 < tokens.length; i++) {
      const [open, inline, close] = [tokens[i], tokens[i + 1], tokens[i + 2]] as [Token, Token, Token];
      if (open.type !== 'paragraph_open' || inline.type !== 'inline' || close.type !== 'paragraph_close')
        continue;
      const image = soleImage(inline.children ?? []);
      const caption = image?.attrGet('title')?.trim();
      if (!image || !caption) continue;
      open.tag = 'figure';
      close.tag = 'figure';
      // A tight list hides its paragraphs' tags; a figure's must be written.
      open.hidden = false;
      close.hidden = false;
      image.attrs = (image.attrs ?? []).filter(([name]) => name !== 'title');
      image.meta = { ...image.meta, caption };
    }
  });
  const image = md.renderer.rules.image;
  md.renderer.rules.image = (tokens, idx, options, env, self) => {
    const html = image ? image(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options);
    const caption = (tokens[idx]?.meta as { caption?: string } | null)?.caption;
    return caption === undefined ? html : `${html}<figcaption>${md.utils.escapeHtml(caption)}</figcaption>`;
  };
}

/** The one image of an inline run, if it holds nothing else but spaces and line breaks. */
function soleImage(children: readonly Token[]): Token | undefined {
  const shown = children.filter(
    (c) => !(c.type === 'softbreak' || (c.type === 'text' && c.content.trim() === '')),
  );
  return shown.length === 1 && shown[0]?.type === 'image' ? shown[0] : undefined;
}

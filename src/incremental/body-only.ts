import { copiedLinks } from '../assets/copied-links.js';
import type { Entry } from '../graph/site-graph.js';

/**
 * Whether the entry of one file changed only in what its own page alone shows: the text of its body
 * (not the summary made from it), with the same images and attachments. Every other page, feed and
 * list of the site is then as it was (see listingOf), and so are the files copied beside its page.
 */
export function onlyBodyChanged(before: Entry, after: Entry): boolean {
  return before.file === after.file && before.listing === after.listing && sameImages(before, after);
}

/** The images the bodies show and the attachments they link (copiedLinks), by address, in order. */
function sameImages(a: Entry, b: Entry): boolean {
  const images = (e: Entry) =>
    copiedLinks(e.links)
      .map((l) => l.href)
      .join('\n');
  return images(a) === images(b);
}

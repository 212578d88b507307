import { copiedLinks } from '../assets/copied-links.js';
import type { Entry } from '../graph/site-graph.js';
import { changedEntries } from './entry-changes.js';

/**
 * Whether the entry of one file changed only in what its own page alone shows: the text of its body
 * (not the summary made from it), with the same images and attachments. Every other page, feed and
 * list of the site is then as it was (see listingOf), and so are the files copied beside its page.
 */
export function onlyBodyChanged(before: Entry, after: Entry): boolean {
  return before.file === after.file && before.listing === after.listing && sameImages(before, after);
}

/**
 * The files whose entries differ from before only in their body (onlyBodyChanged), when that is all
 * that differs between the two lists: the most common edit, after which only those articles' own
 * pages can change. Undefined when anything else differs; empty when nothing does (a file saved
 * unchanged, or saved back as it was): then no page can change, and planning the whole site again
 * to find that out took a 20,000-article dev server 1.5 s, during which the next save waited.
 */
export const bodyOnlyChanges = (before: readonly Entry[], after: readonly Entry[]): string[] | undefined =>
  changedEntries(before, after, onlyBodyChanged);

/** The images the bodies show and the attachments they link (copiedLinks), by address, in order. */
function sameImages(a: Entry, b: Entry): boolean {
  const images = (e: Entry) =>
    copiedLinks(e.links)
      .map((l) => l.href)
      .join('\n');
  return images(a) === images(b);
}

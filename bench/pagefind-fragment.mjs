// A fragment file of Pagefind's bundle (`pagefind/…/fragment/*.pf_fragment`): gzip, the mark
// "pagefind_dcd", then the page as JSON (its url, content, meta, filters). For the bench's scripts
// that read back what a built site's index holds.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

const MARK = 'pagefind_dcd';

/** The page a fragment file holds. */
export const readFragment = (file) =>
  JSON.parse(gunzipSync(readFileSync(file)).toString('utf8').slice(MARK.length));

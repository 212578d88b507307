import type { Diagnostic } from '../errors/diagnostic.js';
import { displayPath } from '../fs/display-path.js';
import { decodeText, undecodable } from '../text/decode.js';

/**
 * A template file's text, decoded as strictly as articles and site.yaml are: a template saved as GBK
 * would put mojibake on every page, so it is an error at its first wrong byte instead. As for them, a
 * BOM is dropped (it would land in the middle of a page that includes the template) and line endings
 * become "\n".
 */
export function templateText(bytes: Uint8Array, file: string, root: string): string | Diagnostic {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return undecodable(displayPath(file, root), decoded);
  return decoded.text;
}

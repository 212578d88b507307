import { problem as coded, type Diagnostic } from '../errors/diagnostic.js';

/**
 * Something in a folder of the site that cannot be read: reported, never skipped. Paths are
 * absolute; a message names them as `name` says.
 */
export type ListingProblem =
  | {
      readonly kind: 'undecodable';
      /** The folder the entry is in. */
      readonly folder: string;
      /** The entry's name, as bytes that are not UTF-8. */
      readonly name: Buffer;
      readonly isFolder: boolean;
    }
  | { readonly kind: 'unreadable'; readonly path: string; readonly code: string; readonly isFolder: boolean };

/** The error for `problem`, at the folder or file as `name` shows a path. */
export function listingError(problem: ListingProblem, name: (full: string) => string): Diagnostic {
  if (problem.kind === 'undecodable') {
    const shown = escapedName(problem.name);
    const gbk = asGbk(problem.name);
    return coded('GZ0505', name(problem.folder), undefined, {
      folder: problem.isFolder ? 1 : 0,
      name: shown,
      gbk: gbk ?? '',
    });
  }
  if (problem.code === 'ENAMETOOLONG') {
    return coded('GZ0506', name(problem.path), undefined, {
      folder: problem.isFolder ? 1 : 0,
      bytes: Buffer.byteLength(problem.path).toLocaleString('en'),
    });
  }
  return coded('GZ0507', name(problem.path), undefined, {
    folder: problem.isFolder ? 1 : 0,
    errno: problem.code,
  });
}

/** `新闻.md` in GBK → `\xD0\xC2\xCE\xC5.md`: printable ASCII as it is, every other byte as \xNN. */
export function escapedName(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) {
    out +=
      b >= 0x20 && b < 0x7f && b !== 0x5c && b !== 0x22
        ? String.fromCharCode(b)
        : `\\x${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** What the name reads as in GBK (GB18030), the encoding Chinese Windows names files in; if it is GBK. */
function asGbk(bytes: Uint8Array): string | undefined {
  try {
    const text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    // Printable text only: a guess that holds control characters is no guess.
    return /[\p{Cc}\uFFFD]/u.test(text) ? undefined : text;
  } catch {
    // Not GBK either, or a Node without the full ICU data (which has no GBK decoder).
    return undefined;
  }
}

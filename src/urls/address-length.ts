import { tooLongEn } from '../messages/address.js';
import type { Values } from '../messages/types.js';
/**
 * How long an address of the site may be. Every address becomes a file under the output folder,
 * each part between "/" a folder or file name: longer than file systems allow (255 bytes for a
 * name on ext4, APFS and NTFS), and writing it fails. A whole address is kept to 1,024 bytes: with
 * the base URL it stays within the 2,048 characters the sitemap protocol allows a URL, and under
 * the output folder far within Linux's 4,096 bytes for a path.
 */
export const MAX_NAME_BYTES = 255;
export const MAX_ADDRESS_BYTES = 1024;

/** Why the site path `url` (`/xuexi/2022/03/a/`) cannot be written, if it cannot: the values of its message. */
export function addressLimit(url: string): Values | undefined {
  const longest = url.split('/').reduce((a, b) => (bytes(b) > bytes(a) ? b : a), '');
  if (bytes(longest) > MAX_NAME_BYTES)
    return { address: shortened(url), part: shortened(longest), bytes: bytes(longest), max: MAX_NAME_BYTES };
  if (bytes(url) > MAX_ADDRESS_BYTES)
    return { address: shortened(url), part: '', bytes: bytes(url), max: MAX_ADDRESS_BYTES };
  return undefined;
}

/** The same, in English words (for site.yaml's categories and permalinks, not yet worded by code). */
export function addressTooLong(url: string): string | undefined {
  const limit = addressLimit(url);
  return limit && tooLongEn(limit);
}

const bytes = (s: string) => Buffer.byteLength(s);

/** A long text cut in the middle, for a message that stays readable. */
const shortened = (s: string) => (s.length <= 60 ? s : `${s.slice(0, 30)}…${s.slice(-20)}`);

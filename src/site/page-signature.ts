import { createHash } from 'node:crypto';
import type { Page } from '../pages/page.js';

/**
 * What a page's HTML depends on, as one digest: its URL, its template (with everything the template
 * pulls in), the site config, and its data. Entries in the data count by file and version, not by
 * content, which keeps this cheap: same signature, same HTML. A rebuild re-renders only pages whose
 * signature changed.
 */
export function pageSignature(page: Page, templateFingerprint: string, configDigest: string): string {
  const data = JSON.stringify({ url: page.url, template: page.template, context: page.context }, entryRef);
  return createHash('sha1').update(`${templateFingerprint}\0${configDigest}\0${data}`).digest('base64url');
}

function entryRef(_key: string, value: unknown): unknown {
  if (
    value !== null &&
    typeof value === 'object' &&
    'version' in value &&
    'file' in value &&
    'url' in value
  ) {
    return `entry:${String(value.file)}@${String(value.version)}`;
  }
  return value;
}

import { createHash } from 'node:crypto';
import type { Page } from '../pages/page.js';

/**
 * What a page's HTML depends on, as one digest: its URL, its template (with everything the template
 * pulls in), the site config, and its data. Entries in the data count by file and version, not by
 * content, which keeps this cheap: same signature, same HTML. A rebuild re-renders only pages whose
 * signature changed.
 */
export function pageSignature(page: Page, templateFingerprint: string, configDigest: string): string {
  const context = page.derived
    ? Object.fromEntries(Object.entries(page.context).filter(([key]) => !page.derived?.includes(key)))
    : page.context;
  const data = serialize({ url: page.url, template: page.template, context });
  return createHash('sha1').update(`${templateFingerprint}\0${configDigest}\0${data}`).digest('base64url');
}

/**
 * JSON, but with each entry (an object with a file, a version and a URL) written as its reference.
 * Written out by hand: JSON.stringify with a replacer function took most of a large site's rebuild.
 */
function serialize(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
    case 'boolean':
      return String(value);
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value))
        return `[${value.map((v) => (v === undefined ? 'null' : serialize(v))).join(',')}]`;
      const o = value as Record<string, unknown>;
      if (typeof o.version === 'string' && typeof o.file === 'string' && typeof o.url === 'string')
        return JSON.stringify(`entry:${o.file}@${o.version}`);
      let out = '{';
      for (const key in o) {
        const v = o[key];
        if (v === undefined || typeof v === 'function') continue;
        out += `${out.length > 1 ? ',' : ''}${JSON.stringify(key)}:${serialize(v)}`;
      }
      return `${out}}`;
    }
    default:
      return 'null';
  }
}

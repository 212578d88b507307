import { hash } from 'node:crypto';
import type { Page } from '../pages/page.js';
import { isShared } from '../pages/shared.js';

/** Signs pages: see pageSigner. */
export type PageSigner = (page: Page, templateFingerprint: string, configDigest: string) => string;

/**
 * What a page's HTML depends on, as one digest: its URL, its template (with everything the template
 * pulls in), the site config, its data and the body it shows. Entries in the data count by file and
 * listing (what a list can show of them), not by content, which keeps this cheap; an article's body
 * counts by the version of its source. Same signature, same HTML: a rebuild re-renders only pages
 * whose signature changed, so an edit of an article's text re-renders its own page alone.
 * A signer writes out each object marked `shared` once, for all the pages it signs: one per plan.
 */
export function pageSigner(): PageSigner {
  const written = new WeakMap<object, string>();
  const serialize = (value: unknown): string => {
    if (typeof value !== 'object' || value === null || !isShared(value))
      return serializeValue(value, serialize);
    let out = written.get(value);
    if (out === undefined) {
      out = serializeValue(value, serialize);
      if (out.length > DIGEST_FROM) out = `"#${digest(out)}"`;
      written.set(value, out);
    }
    return out;
  };
  return (page, templateFingerprint, configDigest) => {
    const context = page.derived ? withoutKeys(page.context, page.derived) : page.context;
    const data = serialize({ url: page.url, template: page.template, context });
    return digest(`${templateFingerprint}\0${configDigest}\0${page.bodyVersion ?? ''}\0${data}`);
  };
}

/** One page's signature, by a signer of its own. */
export const pageSignature: PageSigner = (page, templateFingerprint, configDigest) =>
  pageSigner()(page, templateFingerprint, configDigest);

/** The data but `keys`, which are not even read (they may be made when read: see planPages). */
function withoutKeys(
  data: Readonly<Record<string, unknown>>,
  keys: readonly string[],
): Record<string, unknown> {
  const rest: Record<string, unknown> = {};
  for (const key of Object.keys(data)) if (!keys.includes(key)) rest[key] = data[key];
  return rest;
}

/**
 * In one call (crypto.hash): a hash object per page, made, fed and finished, took three times as
 * long for the 24,000 pages of a 20,000-article site. It takes the text as UTF-8, which loses
 * nothing here: what is signed is written by JSON.stringify, which escapes a lone surrogate.
 */
const digest = (text: string) => hash('sha1', text, 'base64url');

/** Longer than this, a shared object is written into a page's data as the digest of what it came to. */
const DIGEST_FROM = 128;

/**
 * JSON, but with each entry (an object with a file, a listing and a URL) written as its reference.
 * Written out by hand: JSON.stringify with a replacer function took most of a large site's rebuild.
 */
function serializeValue(value: unknown, serialize: (value: unknown) => string): string {
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
      if (typeof o.listing === 'string' && typeof o.file === 'string' && typeof o.url === 'string')
        return JSON.stringify(`entry:${o.file}#${o.listing}`);
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

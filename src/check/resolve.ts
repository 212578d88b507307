/**
 * How `gazette check` follows an address the way a static host would: relative to the page it is
 * on, folders served by their index.html, `?query` and `#hash` ignored.
 */

/** Output path → bytes: the whole site, as the dev server serves it or `dist/` holds it. */
export type SiteFiles = ReadonlyMap<string, Uint8Array>;

/** Addresses that leave the site or stay on the page: `https:`, `mailto:`, `tel:`, `//host`, `#top`. */
export const isInternal = (ref: string): boolean =>
  !/^[a-z][a-z0-9+.-]*:/i.test(ref) && !ref.startsWith('//') && !ref.startsWith('#');

/** The path of a site path (without base path, `/xuexi/`) on the server: `/news/xuexi/`. */
export const serverPath = (sitePath: string, basePath: string): string =>
  basePath + sitePath.replace(/^\/+/, '');

export type Target =
  | { readonly found: true; readonly file: string }
  | { readonly found: false; readonly outside: boolean };

/**
 * Where `ref`, written on the page at server path `pagePath`, leads: the output file it is served
 * from, or nothing. `x` without a slash counts as found when `x/index.html` exists (hosts redirect).
 */
export function resolveRef(ref: string, pagePath: string, basePath: string, files: SiteFiles): Target {
  const pathname = resolvedPathname(ref, pagePath);
  if (!pathname.startsWith(basePath)) return { found: false, outside: true };
  const rel = safeDecode(pathname.slice(basePath.length));
  const candidates = rel === '' || rel.endsWith('/') ? [`${rel}index.html`] : [rel, `${rel}/index.html`];
  const file = candidates.find((c) => files.has(c));
  return file === undefined ? { found: false, outside: false } : { found: true, file };
}

/** The server path `ref` leads to from `pagePath`, still percent-encoded, without query or hash. */
export const resolvedPathname = (ref: string, pagePath: string): string =>
  new URL(ref, `http://site.invalid${pagePath}`).pathname;

export function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

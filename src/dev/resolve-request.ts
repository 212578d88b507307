/** What a request path asks for: a file of the site, the same path with a slash, or nothing. */
export type Resolved = { file: string } | { redirect: string } | { missing: true };

/**
 * Maps a request target to a file of the site, or says why not. Only names in `files` can ever be
 * served: nothing is read from disk, so `..`, encoded traversal, NUL bytes and symlinks cannot
 * reach anything outside the site.
 */
export function resolveRequest(rawUrl: string, files: ReadonlyMap<string, Uint8Array>): Resolved {
  let url: URL;
  let pathname: string;
  try {
    // A target that starts with `/` is a path, even `//host/x` (a URL parser reads it as a host).
    url = new URL(rawUrl.startsWith('/') ? `http://localhost${rawUrl}` : rawUrl, 'http://localhost');
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return { missing: true };
  }
  if (pathname.includes('\0') || pathname.split('/').some((s) => s === '..' || s === '.'))
    return { missing: true };
  const key = pathname.replace(/^\/+/, '');
  if (key === '' || key.endsWith('/'))
    return files.has(`${key}index.html`) ? { file: `${key}index.html` } : { missing: true };
  if (files.has(key)) return { file: key };
  if (files.has(`${key}/index.html`)) return { redirect: folderLocation(key, url.search) };
  return { missing: true };
}

/**
 * Where a folder named without its slash lives: made from the file's name, never from the request
 * text, so it always starts with one `/` (the dev server serves the site at its root, whatever
 * baseUrl's path) and can never name another host (`//host`, `/\host`). Each segment is
 * percent-encoded: a header holds only ASCII, and `专题` would stop the server.
 */
function folderLocation(key: string, search: string): string {
  // The URL parser has already percent-encoded the query's spaces, quotes and non-ASCII.
  return `/${key.split('/').map(encodeURIComponent).join('/')}/${search}`;
}

import http from 'node:http';
import { contentTypeOf } from './content-types.js';
import { EVENTS_PATH, injectClient, type ReloadHub } from './live-reload.js';

/**
 * Maps a request path to a file of the site, or says why not. Only names in `files` can ever be
 * served: nothing is read from disk, so `..`, encoded traversal, NUL bytes and symlinks cannot
 * reach anything outside the site.
 */
export function resolveRequest(
  rawUrl: string,
  files: ReadonlyMap<string, Uint8Array>,
): { file: string } | { redirect: string } | { missing: true } {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(rawUrl, 'http://localhost').pathname);
  } catch {
    return { missing: true };
  }
  if (pathname.includes('\0') || pathname.split('/').some((s) => s === '..' || s === '.'))
    return { missing: true };
  const key = pathname.replace(/^\/+/, '');
  if (key === '' || key.endsWith('/'))
    return files.has(`${key}index.html`) ? { file: `${key}index.html` } : { missing: true };
  if (files.has(key)) return { file: key };
  if (files.has(`${key}/index.html`)) return { redirect: `${pathname}/` };
  return { missing: true };
}

/** The dev server: serves the in-memory site, the live-reload events, and the site's 404 page. */
export function createServer(site: () => ReadonlyMap<string, Uint8Array>, hub: ReloadHub): http.Server {
  return http.createServer((req, res) => {
    const files = site();
    res.on('error', () => {}); // a client that goes away mid-response is not our problem
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const url = req.url ?? '/';
    if (url === EVENTS_PATH) {
      hub.connect(res);
      return;
    }
    const found = resolveRequest(url, files);
    if ('redirect' in found) {
      res.writeHead(301, { location: found.redirect }).end();
      return;
    }
    const file = 'file' in found ? found.file : '404.html';
    const status = 'file' in found ? 200 : 404;
    let body = files.get(file);
    if (!body) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('404 Not Found');
      return;
    }
    const type = contentTypeOf(file);
    if (type.startsWith('text/html')) body = Buffer.from(injectClient(Buffer.from(body).toString('utf8')));
    res.writeHead(status, {
      'content-type': type,
      'content-length': body.byteLength,
      'cache-control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
}

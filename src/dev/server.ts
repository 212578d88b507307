import http from 'node:http';
import type { Lang } from '../messages/language.js';
import { terminalText } from '../messages/terminal.js';
import { contentTypeOf } from './content-types.js';
import { EVENTS_PATH, injectClient, type ReloadHub } from './live-reload.js';
import { noBuildPage } from './no-build-page.js';
import { resolveRequest } from './resolve-request.js';
import { uiText } from './ui-text.js';

export interface ServerOptions {
  /** The site's files as the last good build made them. */
  readonly site: () => ReadonlyMap<string, Uint8Array>;
  readonly hub: ReloadHub;
  /** Whether a request's Host header names this server (`hostChecker`). */
  readonly hostAllowed: (hostHeader: string | undefined) => boolean;
  /** Where a request that failed is reported. */
  readonly log: (line: string) => void;
  /** The language of the server's own lines and pages: the site's, as its terminal lines (dev-server.ts). */
  readonly lang: Lang;
}

/** The dev server: serves the in-memory site, the live-reload events, and the site's 404 page. */
export function createServer(options: ServerOptions): http.Server {
  return http.createServer((req, res) => {
    res.on('error', () => {}); // a client that goes away mid-response is not our problem
    try {
      answer(req, res, options);
    } catch (cause) {
      // A bug in answering one request must not stop the preview of every page: the last resort.
      const stack = cause instanceof Error ? (cause.stack ?? cause.message) : String(cause);
      options.log(terminalText(options.lang).devRequestFailed(req.method ?? '', req.url ?? '', stack));
      if (res.headersSent) res.destroy();
      else
        res
          .writeHead(500, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' })
          .end(uiText(options.lang).serverError);
    }
  });
}

function answer(req: http.IncomingMessage, res: http.ServerResponse, options: ServerOptions): void {
  // Before anything else, the live-reload stream included: see allowed-hosts.ts.
  if (!options.hostAllowed(req.headers.host)) {
    res
      .writeHead(403, {
        'content-type': 'text/plain; charset=utf-8',
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      })
      .end(uiText(options.lang).refusedHost(req.headers.host ?? ''));
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  const url = req.url ?? '/';
  if (url === EVENTS_PATH) {
    options.hub.connect(res);
    return;
  }
  const files = options.site();
  const found = resolveRequest(url, files);
  if ('redirect' in found) {
    res.writeHead(301, { location: found.redirect }).end();
    return;
  }
  const file = 'file' in found ? found.file : '404.html';
  const status = 'file' in found ? 200 : 404;
  let body = files.get(file) ?? (files.size === 0 ? Buffer.from(noBuildPage(options.lang)) : undefined);
  if (!body) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(uiText(options.lang).notFound);
    return;
  }
  const type = contentTypeOf(file);
  if (type.startsWith('text/html'))
    body = Buffer.from(injectClient(Buffer.from(body).toString('utf8'), options.lang));
  res.writeHead(status, {
    'content-type': type,
    'content-length': body.byteLength,
    'cache-control': 'no-store',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

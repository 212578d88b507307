import type { ServerResponse } from 'node:http';

/** Where the browser listens for rebuilds (Server-Sent Events). Never a path of the site itself. */
export const EVENTS_PATH = '/__gazette/events';

/**
 * The script injected into every HTML page the dev server sends (never into a build): it reloads
 * the page when it changed, and shows build errors over the page until they are fixed.
 */
export const CLIENT_SCRIPT = `<script>
(() => {
  const here = decodeURIComponent(location.pathname);
  const events = new EventSource(${JSON.stringify(EVENTS_PATH)});
  let overlay;
  // Visible state for anyone inspecting the page: is it listening for rebuilds?
  events.onopen = () => { document.documentElement.dataset.gazetteLive = 'connected'; };
  const clear = () => { overlay?.remove(); overlay = undefined; };
  events.addEventListener('reload', (e) => {
    const changed = JSON.parse(e.data);
    const page = here.endsWith('/') ? here + 'index.html' : here;
    if (overlay || changed.some((f) => '/' + f === page || !f.endsWith('.html'))) location.reload();
  });
  events.addEventListener('problem', (e) => {
    clear();
    overlay = document.createElement('div');
    overlay.id = 'gazette-error-overlay';
    overlay.setAttribute('role', 'alert');
    overlay.style.cssText = 'position:fixed;inset:0;z-index:2147483647;background:rgba(20,0,0,.92);color:#fff;padding:2em;overflow:auto;font:16px/1.6 monospace;white-space:pre-wrap';
    const title = document.createElement('h2');
    title.textContent = '构建出错，修改后将自动刷新 (build failed)';
    const body = document.createElement('pre');
    body.textContent = JSON.parse(e.data).join('\\n');
    overlay.append(title, body);
    document.body.append(overlay);
  });
})();
</script>`;

/** Inserts the client script before `</body>` (or at the end). */
export function injectClient(html: string): string {
  const at = html.lastIndexOf('</body>');
  return at === -1 ? html + CLIENT_SCRIPT : html.slice(0, at) + CLIENT_SCRIPT + html.slice(at);
}

/** The open browser pages, and what to tell them. */
export class ReloadHub {
  private readonly clients = new Set<ServerResponse>();
  private problem: readonly string[] | undefined;

  connect(res: ServerResponse): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    res.write('retry: 500\n\n');
    this.clients.add(res);
    res.on('close', () => this.clients.delete(res));
    if (this.problem) this.send(res, 'problem', this.problem);
  }

  reload(changed: readonly string[]): void {
    this.problem = undefined;
    for (const c of this.clients) this.send(c, 'reload', changed);
  }

  fail(lines: readonly string[]): void {
    this.problem = lines;
    for (const c of this.clients) this.send(c, 'problem', lines);
  }

  get failing(): readonly string[] | undefined {
    return this.problem;
  }

  close(): void {
    for (const c of this.clients) c.end();
    this.clients.clear();
  }

  private send(res: ServerResponse, event: string, data: unknown): void {
    res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }
}

import type { ServerResponse } from 'node:http';
import type { Lang } from '../messages/language.js';
import type { BrowserProblem } from './browser-problem.js';
import { overlayScript } from './error-overlay.js';
import { uiText } from './ui-text.js';

/** Where the browser listens for rebuilds (Server-Sent Events). Never a path of the site itself. */
export const EVENTS_PATH = '/__gazette/events';

/**
 * The script injected into every HTML page the dev server sends (never into a build): it reloads
 * the page when it changed, and shows the problems of a failed build over the page (error-overlay.ts)
 * until they are fixed, in the words of `lang`.
 */
const clientScript = (lang: Lang): string => `<script>
(() => {
  const here = decodeURIComponent(location.pathname);
  const events = new EventSource(${JSON.stringify(EVENTS_PATH)});
  // Set once a build failed: the page is reloaded when one succeeds, even if its screen was closed.
  let failed = false;
${overlayScript(uiText(lang).overlay)}
  // Visible state for anyone inspecting the page: is it listening for rebuilds?
  events.onopen = () => { document.documentElement.dataset.gazetteLive = 'connected'; };
  events.addEventListener('reload', (e) => {
    const changed = JSON.parse(e.data);
    const page = here.endsWith('/') ? here + 'index.html' : here;
    if (failed || changed.some((f) => '/' + f === page || !f.endsWith('.html'))) location.reload();
  });
  events.addEventListener('problem', (e) => {
    failed = true;
    showProblems(JSON.parse(e.data));
  });
})();
</script>`;

const CLIENT_SCRIPTS: Readonly<Record<Lang, string>> = { zh: clientScript('zh'), en: clientScript('en') };

/** Inserts the client script, speaking `lang`, before `</body>` (or at the end). */
export function injectClient(html: string, lang: Lang): string {
  const script = CLIENT_SCRIPTS[lang];
  const at = html.lastIndexOf('</body>');
  return at === -1 ? html + script : html.slice(0, at) + script + html.slice(at);
}

/** The open browser pages, and what to tell them. */
export class ReloadHub {
  private readonly clients = new Set<ServerResponse>();
  private problem: readonly BrowserProblem[] | undefined;

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

  /** Shows every problem of the failed build (errors and warnings) on every open page. */
  fail(problems: readonly BrowserProblem[]): void {
    this.problem = problems;
    for (const c of this.clients) this.send(c, 'problem', problems);
  }

  get failing(): readonly BrowserProblem[] | undefined {
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

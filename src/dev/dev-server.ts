import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { formatIn, inLanguage } from '../errors/diagnostic.js';
import { createMemorySite, type RebuildReport } from '../memory/memory-site.js';
import { languageOf } from '../messages/choose-language.js';
import type { Lang } from '../messages/language.js';
import { terminalText } from '../messages/terminal.js';
import { siteSources } from '../site/site-sources.js';
import { hostChecker } from './allowed-hosts.js';
import { toBrowserProblems } from './browser-problem.js';
import { dueTimer } from './due-timer.js';
import { ReloadHub } from './live-reload.js';
import { createServer } from './server.js';
import { watchPaths } from './watch.js';

export interface DevServerOptions {
  readonly root: string;
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly drafts?: boolean;
  readonly future?: boolean;
  /** Called with each line worth showing in the terminal. */
  readonly log: (line: string) => void;
  /** The language of the problems shown, in the terminal and over the page; by default the site's (languageOf). */
  readonly lang?: Lang;
}

export interface RunningDevServer {
  readonly url: string;
  /** The last rebuild: tests wait on it. */
  readonly lastRebuild: () => Promise<RebuildReport>;
  close(): Promise<void>;
}

/** Builds the site into memory, serves it, and rebuilds and reloads the browser on every change. */
export async function startDevServer(options: DevServerOptions): Promise<RunningDevServer> {
  const root = path.resolve(options.root);
  const lang = options.lang ?? languageOf(options.root);
  const format = formatIn(lang);
  const text = terminalText(lang);
  const hub = new ReloadHub();
  let served: ReadonlyMap<string, Uint8Array> = new Map();
  const server = createServer({
    site: () => served,
    hub,
    hostAllowed: hostChecker(options.host),
    log: options.log,
    lang,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  const url = `http://${host}:${port}/`;

  const site = createMemorySite({
    root,
    baseUrl: url,
    ...(options.drafts !== undefined && { drafts: options.drafts }),
    ...(options.future !== undefined && { future: options.future }),
    exclude: [path.join(root, 'dist')],
  });
  served = site.files;
  let last: Promise<RebuildReport>;
  /** `what` names the cause in the terminal: the files saved, or the date that came. */
  const rebuild = (paths?: string[], what = paths?.map((p) => path.relative(root, p) || p).join(', ')) => {
    last = site.rebuild(paths).then((report) => {
      publish(report, what);
      due.arm(site.nextDue);
      return report;
    });
    return last;
  };
  const due = dueTimer(() => {
    rebuild([], text.devDue).catch((cause) =>
      options.log(text.head('dev', text.internalError(String(cause?.stack ?? cause)))),
    );
  });
  // The articles left out for their date are named by the first build, then again when that changes.
  let namedFutureDated = '';
  const publish = (report: RebuildReport, what: string | undefined) => {
    const futureDated = report.futureDated.map(format);
    if (futureDated.join('\n') !== namedFutureDated) {
      for (const line of futureDated) options.log(line);
      namedFutureDated = futureDated.join('\n');
    }
    if (report.ok) {
      for (const d of report.diagnostics) options.log(format(d));
      options.log(text.devRebuilt(report.ms, report.changed.length, what));
      hub.reload(report.changed);
    } else {
      for (const d of report.diagnostics) options.log(format(d));
      options.log(text.devFailed(report.ms, what));
      hub.fail(
        toBrowserProblems(
          report.diagnostics.map((d) => inLanguage(d, lang)),
          root,
        ),
      );
    }
  };

  await rebuild();

  const watched = siteSources(root).map((s) => s.path);
  const watcher = watchPaths(watched, [path.join(root, 'dist')], async (changed) => {
    await rebuild(changed).catch((cause) =>
      options.log(text.head('dev', text.internalError(String(cause?.stack ?? cause)))),
    );
  });
  await watcher.ready;
  options.log(text.devServing(root, url));

  return {
    url,
    lastRebuild: () => last,
    async close() {
      due.stop();
      await watcher.close();
      hub.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

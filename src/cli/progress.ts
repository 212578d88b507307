import type { ProgressEvent } from '../build.js';
import { type TerminalText, terminalText } from '../messages/terminal.js';

/** Below this many pages a build is over before progress would tell anyone anything. */
const SHOW_FROM_PAGES = 500;

/**
 * Shows a build's progress: a bar that redraws itself on a terminal, plain lines elsewhere (CI logs,
 * pipes, `CI` set), where a bar would only fill the log with carriage returns.
 */
export function progressReporter(
  stream: NodeJS.WritableStream & { isTTY?: boolean },
  env: NodeJS.ProcessEnv = process.env,
  /** English by default, as in CI logs read by programs; the build passes the editors' language. */
  text: Pick<TerminalText, 'progressLine' | 'progressBar'> = terminalText('en'),
): (e: ProgressEvent) => void {
  const live = stream.isTTY === true && !env.CI;
  const held: string[] = [];
  let shown = false;
  let lastDrawn = 0;
  let lastTenth = -1;
  const line = (said: string) => {
    if (shown) stream.write(`${live ? '\r\x1b[K' : ''}${said}\n`);
    else held.push(said);
  };
  return (e) => {
    if (e.kind === 'step') {
      line(`  ${e.name}: ${e.ms} ms`);
      return;
    }
    if (!shown) {
      if (e.total < SHOW_FROM_PAGES) return;
      shown = true;
      for (const said of held.splice(0)) line(said);
    }
    if (live) {
      const now = Date.now();
      if (now - lastDrawn < 80 && e.done < e.total) return;
      lastDrawn = now;
      const width = 30;
      const filled = Math.round((e.done / e.total) * width);
      stream.write(
        `\r\x1b[K  [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${text.progressBar(e.done, e.total)}`,
      );
    } else {
      const tenth = Math.floor((e.done / e.total) * 10);
      if (tenth > lastTenth) {
        lastTenth = tenth;
        stream.write(`  ${text.progressLine(e.done, e.total)}\n`);
      }
    }
  };
}

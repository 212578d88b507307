import { spawn } from 'node:child_process';
import { startDevServer } from '../dev/dev-server.js';
import { type TerminalText, terminalText } from '../messages/terminal.js';
import type { Io } from './io.js';
import { parseCommandLine } from './parse-options.js';
import { UsageError } from './usage.js';

export async function devCommand(args: string[], io: Io): Promise<number> {
  const text = terminalText(io.lang);
  const { values } = parseOptions(args, text);
  if (values.help) {
    io.out(text.help.dev);
    return 0;
  }
  const port = Number(values.port ?? '4000');
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`${text.badPort}\n\n${text.help.dev}`);
  let server: Awaited<ReturnType<typeof startDevServer>>;
  try {
    server = await startDevServer({
      root: values.root ?? '.',
      host: values.host ?? '127.0.0.1',
      port,
      drafts: values.drafts ?? false,
      future: values.future ?? false,
      log: (line) => io.out(line),
      ...(io.lang && { lang: io.lang }),
    });
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      io.err(text.head('dev', text.portInUse(port)));
      return 1;
    }
    throw cause;
  }
  if (values.open) openBrowser(server.url);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  return 0;
}

function openBrowser(url: string): void {
  const command =
    process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  spawn(command, [url], { detached: true, stdio: 'ignore' })
    .on('error', () => {})
    .unref();
}

const parseOptions = (args: string[], text: TerminalText) =>
  parseCommandLine(
    {
      args,
      options: {
        root: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        open: { type: 'boolean' },
        drafts: { type: 'boolean' },
        future: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    },
    text.help.dev,
    text,
  );

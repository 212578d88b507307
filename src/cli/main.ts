import { formatIn, GazetteError } from '../errors/diagnostic.js';
import { chooseLanguage } from '../messages/choose-language.js';
import { terminalText } from '../messages/terminal.js';
import { type Io, processIo } from './io.js';
import { UsageError } from './usage.js';

type Command = (args: string[], io: Io) => Promise<number>;

// Each command is loaded when run: a build need not load the dev server's watcher or the checker.
const COMMANDS: Record<string, () => Promise<Command>> = {
  build: async () => (await import('./build-command.js')).buildCommand,
  new: async () => (await import('./new-command.js')).newCommand,
  dev: async () => (await import('./dev-command.js')).devCommand,
  check: async () => (await import('./check-command.js')).checkCommand,
  init: async () => (await import('./init-command.js')).initCommand,
  theme: async () => (await import('./theme-command.js')).themeCommand,
};

/** Runs the CLI and returns its exit code: 0 done, 1 problems in the site, 2 bad usage. */
export async function main(argv: readonly string[], given: Io = processIo): Promise<number> {
  const [command, ...all] = argv;
  // Chosen first, so that even the help and a mistyped command speak the editors' language.
  const chosen = chooseLanguage(all);
  const { lang } = chosen;
  const text = terminalText(lang);
  const io: Io = { ...given, lang };
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    (command === undefined ? io.err : io.out)(text.help.main);
    return command === undefined ? 2 : 0;
  }
  const load = COMMANDS[command];
  if (!load) {
    io.err(`${text.unknownCommand(command)}\n\n${text.help.main}`);
    return 2;
  }
  if (!chosen.ok) {
    io.err(text.head(command, text.badLang(chosen.given)));
    return 2;
  }
  try {
    const run = await load();
    return await run(chosen.args, io);
  } catch (cause) {
    if (cause instanceof UsageError) {
      io.err(text.head(command, cause.message));
      return 2;
    }
    if (cause instanceof GazetteError) {
      const format = formatIn(lang);
      for (const d of cause.diagnostics) io.err(format(d));
      const errors = cause.diagnostics.filter((d) => d.severity === 'error').length;
      io.err(text.head(command, text.failed(errors)));
      return 1;
    }
    // A bug in gazette, not in the site: say so plainly, with the stack for the report.
    const detail = cause instanceof Error ? (cause.stack ?? cause.message) : String(cause);
    io.err(internalErrorLine(argv, detail));
    return 1;
  }
}

/**
 * A bug in gazette, told in the language the command speaks: for the errors main catches, and for
 * bin/gazette.js's last resort, the bugs that escape it.
 */
export function internalErrorLine(argv: readonly string[], detail: string): string {
  const [command = '', ...all] = argv;
  const text = terminalText(chooseLanguage(all).lang);
  return text.head(command, text.internalError(detail));
}

import { formatDiagnostic, GazetteError } from '../errors/diagnostic.js';
import { type Io, processIo } from './io.js';
import { MAIN_HELP, UsageError } from './usage.js';

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
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const [command, ...args] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    (command === undefined ? io.err : io.out)(MAIN_HELP);
    return command === undefined ? 2 : 0;
  }
  const load = COMMANDS[command];
  if (!load) {
    io.err(`gazette: unknown command "${command}"\n\n${MAIN_HELP}`);
    return 2;
  }
  try {
    const run = await load();
    return await run(args, io);
  } catch (cause) {
    if (cause instanceof UsageError) {
      io.err(`gazette ${command}: ${cause.message}`);
      return 2;
    }
    if (cause instanceof GazetteError) {
      for (const d of cause.diagnostics) io.err(formatDiagnostic(d));
      const errors = cause.diagnostics.filter((d) => d.severity === 'error').length;
      io.err(`gazette ${command}: failed with ${errors} error(s); the previous output was left as it was`);
      return 1;
    }
    // A bug in gazette, not in the site: say so plainly, with the stack for the report.
    io.err(
      `gazette ${command}: internal error (please report it): ${cause instanceof Error ? (cause.stack ?? cause.message) : String(cause)}`,
    );
    return 1;
  }
}

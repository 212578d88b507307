import { formatDiagnostic, GazetteError } from '../errors/diagnostic.js';
import { buildCommand } from './build-command.js';
import { checkCommand } from './check-command.js';
import { devCommand } from './dev-command.js';
import { type Io, processIo } from './io.js';
import { newCommand } from './new-command.js';
import { MAIN_HELP, UsageError } from './usage.js';

const COMMANDS: Record<string, (args: string[], io: Io) => Promise<number>> = {
  build: buildCommand,
  new: newCommand,
  dev: devCommand,
  check: checkCommand,
};

/** Runs the CLI and returns its exit code: 0 done, 1 problems in the site, 2 bad usage. */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const [command, ...args] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    (command === undefined ? io.err : io.out)(MAIN_HELP);
    return command === undefined ? 2 : 0;
  }
  const run = COMMANDS[command];
  if (!run) {
    io.err(`gazette: unknown command "${command}"\n\n${MAIN_HELP}`);
    return 2;
  }
  try {
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

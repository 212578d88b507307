import { formatIn, GazetteError } from '../errors/diagnostic.js';
import { chooseLanguage } from '../messages/choose-language.js';
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
export async function main(argv: readonly string[], given: Io = processIo): Promise<number> {
  const [command, ...all] = argv;
  let io = given;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    (command === undefined ? io.err : io.out)(MAIN_HELP);
    return command === undefined ? 2 : 0;
  }
  const load = COMMANDS[command];
  if (!load) {
    io.err(`gazette: unknown command "${command}"\n\n${MAIN_HELP}`);
    return 2;
  }
  const chosen = chooseLanguage(all);
  if (!chosen.ok) {
    io.err(`gazette ${command}: --lang must be zh-CN or en, not "${chosen.given}"`);
    return 2;
  }
  const { lang, args } = chosen;
  io = { ...given, lang };
  try {
    const run = await load();
    return await run(args, io);
  } catch (cause) {
    if (cause instanceof UsageError) {
      io.err(`gazette ${command}: ${cause.message}`);
      return 2;
    }
    if (cause instanceof GazetteError) {
      const format = formatIn(lang);
      for (const d of cause.diagnostics) io.err(format(d));
      const errors = cause.diagnostics.filter((d) => d.severity === 'error').length;
      io.err(
        lang === 'zh'
          ? `gazette ${command}：有 ${errors} 处错误，没有完成；上一次生成的结果原样保留`
          : `gazette ${command}: failed with ${errors} error(s); the previous output was left as it was`,
      );
      return 1;
    }
    // A bug in gazette, not in the site: say so plainly, with the stack for the report.
    io.err(
      `gazette ${command}: internal error (please report it): ${cause instanceof Error ? (cause.stack ?? cause.message) : String(cause)}`,
    );
    return 1;
  }
}

import { type ParseArgsConfig, parseArgs } from 'node:util';
import type { TerminalText } from '../messages/terminal.js';
import { UsageError } from './usage.js';

/**
 * Strict option parsing for every command: an unknown or malformed option is bad usage (exit 2),
 * told in the editors' language with the command's help.
 */
export function parseCommandLine<T extends ParseArgsConfig>(
  config: T,
  help: string,
  text: TerminalText,
): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs<T>({ strict: true, allowPositionals: false, ...config });
  } catch (cause) {
    const { code, message } = cause as NodeJS.ErrnoException;
    // Node names the option in its message, in single quotes: '--foo', '--root <value>'.
    const option = /'(-[^' ]+)/.exec(message)?.[1] ?? /'([^']+)'/.exec(message)?.[1];
    throw new UsageError(`${text.badOption(code, option, message)}\n\n${help}`);
  }
}

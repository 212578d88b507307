import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from './usage.js';

/** Strict option parsing for every command: an unknown or malformed option is bad usage (exit 2). */
export function parseCommandLine<T extends ParseArgsConfig>(
  config: T,
  help: string,
): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs<T>({ strict: true, allowPositionals: false, ...config });
  } catch (cause) {
    throw new UsageError(`${(cause as Error).message}\n\n${help}`);
  }
}

import type { Lang } from '../messages/language.js';

/** Where the CLI prints: the real terminal, or a buffer in tests. */
export interface Io {
  /** The language the editors read (chosen once by main.ts); Chinese when not given. */
  readonly lang?: Lang;
  out(line: string): void;
  err(line: string): void;
  /** Where progress is drawn; none in tests. */
  readonly progress?: NodeJS.WritableStream & { isTTY?: boolean };
  /** Where questions are asked (`gazette init`), if anywhere: only a TTY input is asked. */
  readonly terminal?: Terminal;
}

export interface Terminal {
  readonly input: NodeJS.ReadableStream & { isTTY?: boolean };
  readonly output: NodeJS.WritableStream;
}

export const processIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  progress: process.stderr,
  terminal: { input: process.stdin, output: process.stdout },
};

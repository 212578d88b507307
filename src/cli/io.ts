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

/**
 * Lines written to `stream`. A reader that stops reading (`gazette theme list | head -1`) closes the
 * pipe under the command: the lines after that have no one to read them and are dropped, and the
 * command ends as it would have, quietly, rather than with "internal error: write EPIPE". Any other
 * failure of the stream stays an error.
 */
function lineWriter(stream: NodeJS.WriteStream): (line: string) => void {
  let listening = false;
  return (line) => {
    if (!listening) {
      listening = true;
      stream.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code !== 'EPIPE') throw error;
      });
    }
    if (!stream.destroyed) stream.write(`${line}\n`);
  };
}

export const processIo: Io = {
  out: lineWriter(process.stdout),
  err: lineWriter(process.stderr),
  progress: process.stderr,
  terminal: { input: process.stdin, output: process.stdout },
};

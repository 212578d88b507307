/** Where the CLI prints: the real terminal, or a buffer in tests. */
export interface Io {
  out(line: string): void;
  err(line: string): void;
  /** Where progress is drawn; none in tests. */
  readonly progress?: NodeJS.WritableStream & { isTTY?: boolean };
}

export const processIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  progress: process.stderr,
};

import { createInterface } from 'node:readline/promises';
import type { Terminal } from './io.js';

/** Questions on a terminal, one line each. */
export interface Asker {
  /** The answer, or undefined when the input ended (Ctrl+D, Ctrl+C, a closed pipe). */
  ask(question: string): Promise<string | undefined>;
  /** A line between questions (why an answer was refused). */
  say(line: string): void;
  close(): void;
}

export function terminalAsker({ input, output }: Terminal): Asker {
  const lines = createInterface({ input, output, terminal: input.isTTY === true });
  // Ctrl+C ends the questions (and so the command, having written nothing) rather than hanging.
  lines.on('SIGINT', () => lines.close());
  // Lines are taken from the interface's own queue: answers typed (or piped) ahead are not lost.
  const next = lines[Symbol.asyncIterator]();
  return {
    async ask(question) {
      lines.setPrompt(question);
      lines.prompt();
      const line = await next.next();
      return line.done ? undefined : line.value;
    },
    say: (line) => output.write(`${line}\n`),
    close: () => lines.close(),
  };
}

/** Longest part of Pagefind's own words that goes into a gazette message. */
const MAX = 300;

/**
 * Why the Pagefind process ended without an answer, in one line, from what it wrote to stderr: the
 * message of a Rust panic (`thread 'main' panicked at src/x.rs:1:2:` then the message; before Rust
 * 1.73 `panicked at 'message', src/x.rs:1:2`), never its backtrace; else the first line it wrote;
 * else how it ended. Pure.
 */
export function pagefindStopped(stderr: string, code: number | null, signal: string | null): string {
  const panic = /panicked at (?:'([^\n]*)', [^\n]*|[^\n]*:\n([^\n]*))/.exec(stderr);
  const said = (panic?.[1] ?? panic?.[2] ?? stderr.split('\n').find((line) => line.trim() !== ''))?.trim();
  if (said) return said.length > MAX ? `${said.slice(0, MAX)}…` : said;
  if (signal) return `its process was killed (${signal})`;
  return code ? `its process exited with code ${code}` : 'its process ended without an answer';
}

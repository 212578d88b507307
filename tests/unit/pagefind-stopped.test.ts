import { describe, expect, it } from 'vitest';
import { pagefindStopped } from '../../src/search/pagefind-stopped.js';

const BACKTRACE = [
  'stack backtrace:',
  '   0: rust_begin_unwind',
  '   1: core::panicking::panic_fmt',
  'note: Some details are omitted, run with `RUST_BACKTRACE=full` for a verbose backtrace.',
].join('\n');

describe('pagefindStopped', () => {
  it('gives the message of a Rust panic without its place or backtrace', () => {
    const stderr = `\nthread 'main' (7179) panicked at pagefind/src/output/mod.rs:464:36:\ncalled \`Result::unwrap()\` on an \`Err\` value: Os { code: 28, kind: StorageFull, message: "No space left on device" }\n${BACKTRACE}\n`;
    expect(pagefindStopped(stderr, 101, null)).toBe(
      'called `Result::unwrap()` on an `Err` value: Os { code: 28, kind: StorageFull, message: "No space left on device" }',
    );
  });

  it('reads the panics of Rust before 1.73 too', () => {
    const stderr =
      "thread 'main' panicked at 'index out of bounds', src/fossick/mod.rs:12:5\nnote: run with `RUST_BACKTRACE=1`\n";
    expect(pagefindStopped(stderr, 101, null)).toBe('index out of bounds');
  });

  it('else gives the first line written, shortened, or how the process ended', () => {
    expect(pagefindStopped('\n  Service stopped Error: spawn x ENOENT\n  at …\n', 0, null)).toBe(
      'Service stopped Error: spawn x ENOENT',
    );
    expect(pagefindStopped('字'.repeat(400), 1, null)).toBe(`${'字'.repeat(300)}…`);
    expect(pagefindStopped('', null, 'SIGKILL')).toBe('its process was killed (SIGKILL)');
    expect(pagefindStopped('', 3, null)).toBe('its process exited with code 3');
    expect(pagefindStopped('', 0, null)).toBe('its process ended without an answer');
  });
});

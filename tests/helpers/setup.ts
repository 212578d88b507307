import { expect } from 'vitest';

// The tests written before the messages were translated are about gazette's logic and assert its
// English words: they run in English (as `--lang en` would), and the tests of the Chinese words
// (tests/*/messages-zh.test.ts) ask for Chinese with `--lang zh-CN`. Child processes inherit it.
process.env.GAZETTE_LANG = 'en';

// Byte-for-byte comparisons of whole built sites (snapshotDir) hold buffers of hundreds of KB, such as
// Pagefind's bundle; vitest compares typed arrays element by element, which takes seconds. Buffers are
// compared as bytes in one call instead; anything else is left to vitest.
expect.addEqualityTesters([
  (a: unknown, b: unknown) => (Buffer.isBuffer(a) && Buffer.isBuffer(b) ? a.equals(b) : undefined),
]);

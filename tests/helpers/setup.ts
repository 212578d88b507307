import { expect } from 'vitest';

// Byte-for-byte comparisons of whole built sites (snapshotDir) hold buffers of hundreds of KB, such as
// Pagefind's bundle; vitest compares typed arrays element by element, which takes seconds. Buffers are
// compared as bytes in one call instead; anything else is left to vitest.
expect.addEqualityTesters([
  (a: unknown, b: unknown) => (Buffer.isBuffer(a) && Buffer.isBuffer(b) ? a.equals(b) : undefined),
]);

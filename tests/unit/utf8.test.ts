import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8Bytes, utf8Text } from '../../src/text/utf8.js';

/** Any UTF-16 code units, lone surrogates included (a template may cut a pair in two). */
const codeUnits = fc
  .array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 200 })
  .map((units) => String.fromCharCode(...units));

describe('utf8Bytes', () => {
  it('encodes exactly as Buffer.from does, lone surrogates as U+FFFD', () => {
    fc.assert(
      fc.property(fc.oneof(codeUnits, fc.string({ unit: 'grapheme' })), (text) => {
        expect(utf8Bytes(text).equals(Buffer.from(text, 'utf8'))).toBe(true);
      }),
      { numRuns: 1000 },
    );
    expect(utf8Bytes('a\uD800b').toString('hex')).toBe('61efbfbd62');
  });
});

describe('utf8Text', () => {
  it('decodes exactly as Buffer#toString does', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const bytes = Buffer.from(text, 'utf8');
        expect(utf8Text(bytes)).toBe(bytes.toString('utf8'));
        // A view into a larger buffer reads only its own bytes.
        const framed = Buffer.concat([Buffer.from('前'), bytes, Buffer.from('后')]);
        expect(utf8Text(framed.subarray(3, 3 + bytes.length))).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });
});

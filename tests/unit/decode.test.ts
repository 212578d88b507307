import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText, positionOf } from '../../src/text/decode.js';
import { utf8 } from './fixtures.js';

const bytes = (...parts: Array<string | number[]>) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...utf8(p)] : p)));

describe('decodeText', () => {
  it('decodes UTF-8', () => {
    expect(decodeText(utf8('标题：金华\n'))).toEqual({ ok: true, text: '标题：金华\n' });
  });

  it('gives any valid UTF-8 back as the text it encodes (with LF line endings)', () => {
    // Through ICU's converter (see utf8Text): characters of every plane, combining marks, CJK.
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const clean = text.replaceAll('\0', '').replace(/^\uFEFF/, '');
        expect(decodeText(utf8(clean))).toEqual({ ok: true, text: clean.replace(/\r\n?/g, '\n') });
      }),
      { numRuns: 500 },
    );
  });

  it('strips a UTF-8 BOM', () => {
    expect(decodeText(bytes([0xef, 0xbb, 0xbf], '---\n'))).toEqual({ ok: true, text: '---\n' });
  });

  it('turns CRLF and lone CR into LF', () => {
    expect(decodeText(utf8('a\r\nb\rc\n\r\nd'))).toEqual({ ok: true, text: 'a\nb\nc\n\nd' });
  });

  it('decodes empty input', () => {
    expect(decodeText(new Uint8Array())).toEqual({ ok: true, text: '' });
  });

  it.each([
    ['little-endian', [0xff, 0xfe, 0x61, 0x00]],
    ['big-endian', [0xfe, 0xff, 0x00, 0x61]],
  ])('refuses %s UTF-16', (_, b) => {
    expect(decodeText(new Uint8Array(b))).toEqual({
      ok: false,
      line: 1,
      column: 1,
      code: 'GZ0101',
      values: { utf16: 'bom' },
    });
  });

  it('refuses a NUL byte with its position', () => {
    expect(decodeText(utf8('ab\ncd\0e'))).toEqual({
      ok: false,
      line: 2,
      column: 3,
      code: 'GZ0102',
      values: {},
    });
  });

  it('places a NUL byte correctly after CRLF lines', () => {
    expect(decodeText(utf8('a\r\nb\r\n金\0'))).toMatchObject({ ok: false, line: 3, column: 2 });
  });

  // Regression (was a bug): the NUL position is computed before line endings are normalised and positionOf only counts
  // "\n", so after lone-CR line endings (which decodeText otherwise supports) it reports line 1.
  it('places a NUL byte correctly after lone-CR lines', () => {
    expect(decodeText(utf8('a\rb\rc\0'))).toMatchObject({ ok: false, line: 3, column: 2 });
  });

  it('refuses GBK with the position of the first bad byte', () => {
    // 金华 in GBK, after a line of valid UTF-8 Chinese.
    expect(decodeText(bytes('标题\r\n中', [0xbd, 0xf0, 0xbb, 0xaa]))).toEqual({
      ok: false,
      line: 2,
      column: 2,
      code: 'GZ0101',
      values: {},
    });
  });

  it('refuses a UTF-8 sequence cut off at the end', () => {
    expect(decodeText(bytes('ab', [0xe4, 0xb8]))).toMatchObject({ ok: false, line: 1, column: 3 });
  });

  // Columns are UTF-16 code units, as VS Code counts them: 𠮷 (outside the BMP) takes two.
  it('counts columns in UTF-16 units after a character outside the BMP', () => {
    expect(decodeText(utf8('𠮷\0'))).toMatchObject({ ok: false, line: 1, column: 3 });
  });
});

describe('positionOf', () => {
  it('gives 1-based line and column', () => {
    expect(positionOf('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(positionOf('ab\ncd', 2)).toEqual({ line: 1, column: 3 });
    expect(positionOf('ab\ncd', 3)).toEqual({ line: 2, column: 1 });
    expect(positionOf('ab\ncd', 5)).toEqual({ line: 2, column: 3 });
  });
});

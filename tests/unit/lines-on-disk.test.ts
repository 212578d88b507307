import { createHash } from 'node:crypto';
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CacheUnusable } from '../../src/bodies/cache-unusable.js';
import { linesOnDisk } from '../../src/cache/lines-on-disk.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A file of `text`, and its SHA-1 as the manifest holds it. */
function fileOf(text: string): { file: string; digest: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gazette-lines-'));
  dirs.push(dir);
  const file = path.join(dir, 'details.json');
  writeFileSync(file, text);
  return { file, digest: createHash('sha1').update(text).digest('hex') };
}

const MIB = 1 << 20;

describe('lines of the cache’s details, read from the file when asked for', () => {
  // Lines of every size around the reader's chunk of 1 MiB: many short ones, so that lines cross
  // chunk boundaries; one longer than a chunk; Chinese text, whose characters a boundary may split.
  const lines = [
    ...Array.from(
      { length: 3000 },
      (_, i) => `${i}\t{"title":"金华市第${i}次会议"}\t${'正文'.repeat(i % 400)}`,
    ),
    `long\t${'长'.repeat(MIB)}`,
    ...Array.from({ length: 500 }, (_, i) => `after-${i}`),
  ];
  const text = `{"head":1}\n\n{"head":2}\n${lines.join('\n')}\n\n`;

  it('gives the head lines and every other line byte for byte, in any order, empty lines left out', () => {
    const { file, digest } = fileOf(text);
    const read = linesOnDisk(file, digest, 2);
    expect(read).toBeDefined();
    if (!read) return;
    expect(read.head.map((b) => b.toString())).toEqual(['{"head":1}', '{"head":2}']);
    expect(read.count).toBe(lines.length);
    for (let i = 0; i < lines.length; i++) expect(read.line(i).toString()).toBe(lines[i]);
    for (let i = lines.length - 1; i >= 0; i -= 7) expect(read.line(i).toString()).toBe(lines[i]);
    for (const i of [0, lines.length - 1, 1, 3000, 2999, 0]) expect(read.line(i).toString()).toBe(lines[i]);
    read.close();
    expect(() => read.line(0)).toThrow(CacheUnusable);
  });

  it('reads a last line without a newline', () => {
    const { file, digest } = fileOf('head\nlast line 末行');
    const read = linesOnDisk(file, digest, 1);
    expect(read?.count).toBe(1);
    expect(read?.line(0).toString()).toBe('last line 末行');
    read?.close();
  });

  it('refuses a file whose digest is not the manifest’s, or that is missing', () => {
    const { file, digest } = fileOf(text);
    writeFileSync(file, text.replace('会议', '会仪'));
    expect(linesOnDisk(file, digest, 2)).toBeUndefined();
    expect(linesOnDisk(`${file}.gone`, digest, 2)).toBeUndefined();
  });

  it('still reads the file it checked after another is renamed into its place', () => {
    const { file, digest } = fileOf(text);
    const read = linesOnDisk(file, digest, 2);
    const other = `${file}.new`;
    writeFileSync(other, 'other\nlines\n');
    renameSync(other, file);
    expect(read?.line(2999).toString()).toBe(lines[2999]);
    read?.close();
  });
});

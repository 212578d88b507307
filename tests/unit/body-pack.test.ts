import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BodyMissing, bodyReader, packWriter } from '../../src/bodies/body-pack.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const tempDir = () => {
  const d = mkdtempSync(path.join(os.tmpdir(), 'gazette-pack-'));
  dirs.push(d);
  return d;
};

describe('body packs', () => {
  const bodies = [
    '<p>金华市召开全市经济工作会议，部署“开门红”。</p>',
    '<p>plain ASCII, &amp; entities</p>',
    '<p>表情 😀 和生僻字 𠮷</p>',
    '',
  ];

  it('gives back every body exactly as it was added', () => {
    const dir = tempDir();
    const writer = packWriter(dir, 'a.pack');
    const refs = bodies.map((html) => writer.add(html));
    writer.flush();
    const reader = bodyReader();
    expect(refs.map((ref) => reader.read(ref))).toEqual(bodies);
    reader.close();
  });

  it('stores Chinese in two bytes a character, not three', () => {
    const dir = tempDir();
    const writer = packWriter(dir, 'a.pack');
    const text = '金华市召开全市经济工作会议';
    writer.add(text);
    writer.flush();
    expect(readFileSync(path.join(dir, 'a.pack')).length).toBe(text.length * 2);
  });

  it('notices a damaged pack instead of returning wrong text', () => {
    const dir = tempDir();
    const writer = packWriter(dir, 'a.pack');
    const ref = writer.add(bodies[0] as string);
    writer.flush();
    const file = path.join(dir, 'a.pack');
    const bytes = readFileSync(file);
    bytes[3] = (bytes[3] as number) ^ 0xff;
    writeFileSync(file, bytes);
    expect(() => bodyReader().read(ref)).toThrow(BodyMissing);
  });
});

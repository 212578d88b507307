import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readChecked, writeChecked } from '../../src/cache/manifest.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('the cache’s JSON files with their digest (manifest.json), written in pieces', () => {
  // As a manifest: large arrays and objects at the top (more members than a piece holds), members
  // JSON leaves out (undefined) or writes as null (undefined in an array), nested values, Chinese text.
  const written = Object.fromEntries(
    Array.from({ length: 2500 }, (_, i) => [`要闻/2025/${i}/index.html`, [i, i + 0.5, i * 3]]),
  );
  const value = {
    format: 9,
    tool: 'abc',
    files: Array.from({ length: 2345 }, (_, i) => ({
      path: `content/${i}.md`,
      stamp: { size: i },
      x: undefined,
    })),
    written,
    empty: {},
    none: [],
    gone: undefined,
    holes: [1, undefined, 'two'],
    summary: { articles: 3, warnings: [{ file: '文章.md', line: 2 }] },
    nothing: null,
  };

  it('writes what JSON.stringify writes, behind its SHA-1, and reads it back', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gazette-checked-'));
    dirs.push(dir);
    const file = path.join(dir, 'manifest.json');
    await writeChecked(file, value);
    const body = JSON.stringify(value);
    expect(readFileSync(file, 'utf8')).toBe(`${createHash('sha1').update(body).digest('hex')}\n${body}`);
    expect(await readChecked(file)).toEqual({ value: JSON.parse(body) });
  });

  it('writes a value that is not an object as JSON does', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gazette-checked-'));
    dirs.push(dir);
    const file = path.join(dir, 'list.json');
    await writeChecked(file, ['a', 1]);
    expect(await readChecked(file)).toEqual({ value: ['a', 1] });
    await writeChecked(file, '文本');
    expect(await readChecked(file)).toEqual({ value: '文本' });
  });
});

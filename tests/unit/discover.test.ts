import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isArticleName, isIgnoredName, readSources } from '../../src/content/discover.js';

let root: string;

const write = (rel: string, text = '---\n---\n') => {
  const full = path.join(root, rel);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, text);
};

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'gazette-discover-'));
});

afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

describe('readSources', () => {
  it('reads articles in a stable order and skips editor leftovers', async () => {
    write('content/xuexi/b.md', 'B');
    write('content/xuexi/a.markdown', 'A');
    write('content/yaowen/c.md', 'C');
    write('content/xuexi/.a.md.swp');
    write('content/xuexi/a.md~');
    write('content/xuexi/#a.md#');
    write('content/xuexi/notes.txt');
    write('content/.hidden/d.md');
    const { files, diagnostics } = await readSources(root, []);
    expect(diagnostics).toMatchObject([]);
    expect(files.map((f) => [f.path, Buffer.from(f.bytes).toString('utf8')])).toMatchObject([
      ['content/xuexi/a.markdown', 'A'],
      ['content/xuexi/b.md', 'B'],
      ['content/yaowen/c.md', 'C'],
    ]);
  });

  it('skips an excluded folder inside content', async () => {
    write('content/a.md');
    write('content/dist/old.md');
    const { files } = await readSources(root, [path.join(root, 'content', 'dist')]);
    expect(files.map((f) => f.path)).toMatchObject(['content/a.md']);
  });

  it('reports a missing content folder', async () => {
    const { files, diagnostics } = await readSources(root, []);
    expect(files).toMatchObject([]);
    expect(diagnostics).toMatchObject([
      {
        severity: 'error',
        file: 'content',
        message: `there is no content/ folder in ${path.resolve(root)}`,
        hint: 'create it and put the articles (.md files) in it',
      },
    ]);
  });

  it.skipIf(process.platform === 'win32')('refuses a link that leads outside content', async () => {
    write('secret.md', 'secret');
    write('content/a.md');
    fs.symlinkSync(path.join(root, 'secret.md'), path.join(root, 'content', 'b.md'));
    const { files, diagnostics } = await readSources(root, []);
    expect(files.map((f) => f.path)).toMatchObject(['content/a.md']);
    expect(diagnostics.map((d) => [d.file, d.message])).toMatchObject([
      ['content/b.md', 'this link points outside the content folder, so it is not read'],
    ]);
  });

  it.skipIf(process.platform === 'win32')('does not loop on a link back to a parent folder', async () => {
    write('content/xuexi/a.md');
    fs.symlinkSync(path.join(root, 'content'), path.join(root, 'content', 'xuexi', 'loop'));
    const { files, diagnostics } = await readSources(root, []);
    expect(diagnostics).toMatchObject([]);
    expect(files.map((f) => f.path)).toMatchObject(['content/xuexi/a.md']);
  });
});

describe('article names', () => {
  it.each(['a.md', 'A.MD', '金华.markdown'])('%j is an article', (name) => {
    expect(isArticleName(name)).toBe(true);
  });

  it.each(['.a.md', '#a.md#', 'a.md~', 'a.md.swp', 'a.txt', 'a.md.bak'])('%j is not an article', (name) => {
    expect(isArticleName(name)).toBe(false);
  });

  it('ignores hidden folders', () => {
    expect(isIgnoredName('.git')).toBe(true);
    expect(isIgnoredName('xuexi')).toBe(false);
  });
});

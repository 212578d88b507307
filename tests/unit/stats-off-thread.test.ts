import { mkdirSync, mkdtempSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { statsHere } from '../../src/fs/file-stats.js';
import { statsOffThread } from '../../src/fs/stats-off-thread.js';
import { changedFiles, changedFilesOffThread, type WrittenStamp } from '../../src/output/written-files.js';

// Enough files for the thread to be started (OFF_THREAD_FROM), and a few that are not files.
const dir = mkdtempSync(path.join(os.tmpdir(), 'gazette-stats-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const names = Array.from({ length: 4500 }, (_, i) => `f${i}.html`);
for (const [i, name] of names.entries()) writeFileSync(path.join(dir, name), 'x'.repeat(i % 97));
mkdirSync(path.join(dir, 'folder'));
const asked = [...names, 'folder', 'gone.html'].map((name) => path.join(dir, name));

describe('statsOffThread', () => {
  it('finds on its thread what a stat here finds: each file’s stamp, none for a folder or a missing file', async () => {
    const off = await statsOffThread(asked);
    const here = statsHere(asked);
    const s = statSync(path.join(dir, 'f10.html'));
    expect(off.stamp(10)).toEqual({ size: 10, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs, ino: s.ino });
    expect(asked.map((_, i) => off.stamp(i))).toEqual(asked.map((_, i) => here.stamp(i)));
    expect(off.stamp(names.length)).toBeUndefined();
    expect(off.stamp(names.length + 1)).toBeUndefined();
  });
});

describe('changedFilesOffThread', () => {
  it('names the files edited, replaced or deleted since they were stamped, as changedFiles does', async () => {
    const written: Record<string, WrittenStamp> = {};
    for (const name of names) {
      const s = statSync(path.join(dir, name));
      written[name] = [s.size, s.mtimeMs, s.ino];
    }
    written['gone.html'] = [1, 1, 1];
    // Edited (another size), never stamped, and replaced by a file of the size and time recorded
    // (as a restored site's are), which only its inode tells.
    writeFileSync(path.join(dir, 'f1.html'), 'edited');
    const was = written['f2.html'] as WrittenStamp;
    // Renamed over it, so that the new file cannot take the freed inode.
    writeFileSync(path.join(dir, 'f2.new'), 'xx');
    renameSync(path.join(dir, 'f2.new'), path.join(dir, 'f2.html'));
    const now = statSync(path.join(dir, 'f2.html'));
    written['f2.html'] = [now.size, now.mtimeMs, was[2]];
    const paths = [...Object.keys(written), 'f3.html', 'unstamped.html'];
    delete written['f3.html'];
    const [changed, restored] = await changedFilesOffThread([
      { dir, written, found: 'same', paths },
      { dir, written, found: 'restored', paths },
    ]);
    expect([...(changed ?? [])].sort()).toEqual([
      'f1.html',
      'f2.html',
      'f3.html',
      'gone.html',
      'unstamped.html',
    ]);
    expect(changed).toEqual(changedFiles(dir, written, 'same', paths));
    // A restored site's files have other inodes: only their size and time count.
    expect([...(restored ?? [])].sort()).toEqual(['f1.html', 'f3.html', 'gone.html', 'unstamped.html']);
  });
});

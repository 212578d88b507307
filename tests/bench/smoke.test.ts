import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { REPO } from '../helpers/site.js';

// The benchmark itself is `npm run bench`; here it runs once, small, to prove it still works.
it('npm run bench runs end to end on 200 articles', () => {
  const work = mkdtempSync(path.join(os.tmpdir(), 'gazette-bench-smoke-'));
  try {
    const r = spawnSync(
      process.execPath,
      [
        path.join(REPO, 'bench/run.mjs'),
        '--articles',
        '200',
        '--runs',
        '1',
        '--saves',
        '3',
        '--settle',
        '0',
        '--work',
        work,
      ],
      {
        encoding: 'utf8',
        // Five of its builds run Pagefind: minutes on a busy machine.
        timeout: 300_000,
      },
    );
    expect(r.stderr).not.toMatch(/Error/);
    expect(r.status).toBe(0);
    const rows = r.stdout.split('\n').filter((l) => l.startsWith('| gazette |'));
    expect(rows.map((l) => l.split('|')[2]?.trim())).toEqual([
      'cold build',
      'warm rebuild, nothing changed',
      'rebuild, one article changed',
      'rebuild, one title changed',
      'rebuild, one new article',
      'CI publish: one new article, cache and dist restored',
      'dev server: text edited → page re-rendered + reload sent',
      'dev server: title edited → pages re-rendered + reload sent',
      'cold build with search',
      "first new article of the day, with search (the last day's shard goes into its period)",
      'one new article with search',
      'old-article edit with search',
      'deletion with search',
    ]);
    expect(r.stdout).toMatch(/^200 articles, 1 run\(s\) each/m);

    // The floor of the required libraries, on the same corpus (no Hugo here: no ratio).
    const floor = spawnSync(process.execPath, [path.join(REPO, 'bench/floor.mjs'), '--work', work], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(floor.stderr).toBe('');
    expect(floor.status).toBe(0);
    const parts = floor.stdout.split('\n').filter((l) => /^\| [^-*]/.test(l) && !l.startsWith('| 200'));
    expect(parts.map((l) => l.split('|')[1]?.trim())).toEqual([
      'read the files',
      'decode UTF-8',
      'gray-matter (js-yaml)',
      'markdown-it',
      'Nunjucks page',
      'write, a folder each',
    ]);
    for (const l of parts) expect(Number(l.split('|')[2])).toBeGreaterThan(0);
    expect(floor.stdout).toMatch(/^floor on two cores: \d+\.\d\d s$/m);
    expect(readdirSync(work)).not.toContain('.floor-out-1');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}, 420_000);

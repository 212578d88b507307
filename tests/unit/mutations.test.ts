import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * `npm run mutation` (scripts/mutation-check.mjs) breaks each reuse rule of scripts/mutations.json
 * by replacing a text of the sources, and expects the differential test to fail. It is too slow for
 * the suite (minutes a mutation); this keeps it honest cheaply: a text that moved or changed would
 * otherwise leave a mutation unapplied, and the check would go on "catching" the unbroken code.
 */

interface Mutation {
  readonly name: string;
  readonly paths: string;
  readonly rule: string;
  readonly file: string;
  readonly find: string;
  readonly replace: string;
}

const REPO = path.resolve(import.meta.dirname, '../..');
const mutations = JSON.parse(readFileSync(path.join(REPO, 'scripts/mutations.json'), 'utf8')) as Mutation[];

describe('the mutations of npm run mutation', () => {
  it('are several, each with its own name, each saying which rule it breaks and on which path', () => {
    expect(mutations.length).toBeGreaterThanOrEqual(8);
    expect(new Set(mutations.map((m) => m.name)).size).toBe(mutations.length);
    for (const m of mutations) {
      expect(m.rule, m.name).not.toBe('');
      expect(m.paths, m.name).toMatch(/^(build|dev|build, dev)$/);
    }
  });

  it.each(mutations.map((m) => [m.name, m] as const))(
    '%s: its text occurs exactly once in its file',
    (_, m) => {
      expect(m.file).toMatch(/^src\//);
      const text = readFileSync(path.join(REPO, m.file), 'utf8');
      expect(text.split(m.find).length - 1).toBe(1);
      expect(m.replace).not.toBe(m.find);
    },
  );

  it('are checked the same way by the script itself (--verify), which exits 0', () => {
    const run = spawnSync(process.execPath, ['scripts/mutation-check.mjs', '--verify'], {
      cwd: REPO,
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`${mutations.length} mutations`);
  });
});

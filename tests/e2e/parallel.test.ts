import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { writeCorpus } from '../../bench/corpus.mjs';
import { runBin, siteYaml, snapshotDir } from '../helpers/site.js';

// A site for worker threads (forced with --jobs): 120 generated articles in the six bench categories
// (gazette's own generator: the shared one is not beside every clone).
const root = mkdtempSync(path.join(os.tmpdir(), 'gazette-parallel-'));
writeCorpus(120, path.join(root, 'content', 'articles'));
writeFileSync(
  path.join(root, 'site.yaml'),
  siteYaml(
    [
      '  - {name: 语言, slug: yuyan}',
      '  - {name: 知识, slug: zhishi}',
      '  - {name: 经济, slug: jingji}',
      '  - {name: 民生, slug: minsheng}',
    ].join('\n'),
  ),
);
afterAll(() => rmSync(root, { recursive: true, force: true }));

it('builds the same bytes on worker threads as on one thread', () => {
  const one = runBin(['build', '--root', root, '--out', path.join(root, 'one'), '--jobs', '1', '-q']);
  expect(one.stderr).toBe('');
  expect(one.code).toBe(0);
  const two = runBin(['build', '--root', root, '--out', path.join(root, 'two'), '--jobs', '2', '-q']);
  expect(two.stderr).toBe('');
  expect(two.code).toBe(0);
  const a = snapshotDir(path.join(root, 'one'));
  expect(a.size).toBeGreaterThan(120);
  expect(snapshotDir(path.join(root, 'two'))).toEqual(a);
}, 120_000);

it('reports a template error once, with its position, when workers render', () => {
  mkdirSync(path.join(root, 'templates/partials'), { recursive: true });
  writeFileSync(
    path.join(root, 'templates/partials/meta-line.njk'),
    '<p>\n{{ article.title | nosuchfilter }}\n</p>\n',
  );
  const run = runBin(['build', '--root', root, '--out', path.join(root, 'bad'), '--jobs', '2', '-q']);
  expect(run.code).toBe(1);
  const lines = run.stderr.trim().split('\n');
  expect(lines).toHaveLength(2);
  expect(lines[0]).toMatch(
    /^templates\/partials\/meta-line\.njk:2:18: error: template error: filter not found: nosuchfilter; while rendering \//,
  );
  expect(lines[1]).toBe('gazette build: failed with 1 error(s); the previous output was left as it was');
}, 120_000);

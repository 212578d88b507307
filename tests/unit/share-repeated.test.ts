import { describe, expect, it } from 'vitest';
import type { Entry } from '../../src/graph/site-graph.js';
import type { FileResult } from '../../src/site/load-files.js';
import { shareRepeated } from '../../src/site/share-repeated.js';
import { entry } from './fixtures.js';

// Results as they come back from a worker: structured clones, sharing nothing.
function cloned(file: string, digest: string): FileResult {
  const {
    html: _html,
    body: _body,
    ...shown
  } = entry(file, '2022-03-01 09:00', {
    version: digest,
    source: '金华市人民政府',
    tags: ['就业', '稳岗'],
    tagSlugs: ['jiu-ye', 'wen-gang'],
  });
  const result: FileResult = {
    path: file,
    digest,
    diagnostics: [],
    entry: shown as Entry,
    body: { pack: '/site/.cache/gazette/bodies/run/00000.pack', offset: 0, length: 10, crc: 1 },
  };
  return structuredClone(result);
}

describe('shareRepeated', () => {
  it('leaves every result equal to what it was', () => {
    const results = [cloned('content/a.md', 'd1'), cloned('content/b.md', 'd2')];
    const before = structuredClone(results);
    shareRepeated(results);
    expect(results).toEqual(before);
  });

  it('makes results share one category object and keep one copy of what they repeat', () => {
    const [a, b] = [cloned('content/a.md', 'd1'), cloned('content/b.md', 'd2')] as const;
    expect(a.entry?.category).not.toBe(b.entry?.category);
    shareRepeated([a, b]);
    expect(a.entry?.category).toBe(b.entry?.category);
    // Strings equal by value are equal anyway: what counts is that the lists are rebuilt from one
    // table, which leaves their values and order as they were.
    expect(a.entry?.tags).toEqual(['就业', '稳岗']);
    expect(b.entry?.tagSlugs).toEqual(['jiu-ye', 'wen-gang']);
    expect(a.entry?.file).toBe('content/a.md');
    expect(b.entry?.version).toBe('d2');
  });

  it('keeps a body that is inline, and results without an entry, as they are', () => {
    const inline: FileResult = {
      path: 'content/c.md',
      digest: 'd3',
      diagnostics: [],
      body: { html: '<p>x</p>' },
    };
    const invalid: FileResult = { path: 'content/d.md', digest: 'd4', diagnostics: [] };
    const before = structuredClone([inline, invalid]);
    shareRepeated([inline, invalid]);
    expect([inline, invalid]).toEqual(before);
  });
});

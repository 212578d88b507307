import { describe, expect, it } from 'vitest';
import { type FileResult, nextDue } from '../../src/site/load-files.js';

const NOW = Date.parse('2022-03-02T12:00:00+08:00');
const DAY = 86_400_000;
const scheduled = (path: string, draft: boolean, epochMs: number): FileResult => ({
  path,
  digest: path,
  diagnostics: [],
  publishing: { draft, date: { epochMs } },
});

describe('nextDue', () => {
  const results = [
    scheduled('content/a.md', false, NOW + 3 * DAY),
    scheduled('content/b.md', true, NOW + DAY),
    scheduled('content/c.md', false, NOW - DAY),
  ];

  it('is the first date of an article left out for its date', () => {
    expect(nextDue(results, { drafts: false, future: false, now: NOW })).toBe(NOW + 3 * DAY);
  });

  it('counts a scheduled draft when drafts are published: it is left out for its date alone', () => {
    expect(nextDue(results, { drafts: true, future: false, now: NOW })).toBe(NOW + DAY);
  });

  it('is none when future articles are published', () => {
    expect(nextDue(results, { drafts: true, future: true, now: NOW })).toBeUndefined();
  });
});

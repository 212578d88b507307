import { describe, expect, it } from 'vitest';
import { exclusionOf } from '../../src/content/publish.js';
import { entry } from './fixtures.js';

const now = Date.UTC(2022, 2, 1, 8, 0, 0); // 2022-03-01 16:00 in Shanghai
const past = entry('content/xuexi/past.md', '2022-03-01 15:59');
const future = entry('content/xuexi/future.md', '2022-03-01 16:01');
const draft = entry('content/xuexi/draft.md', '2022-03-01 15:59', { draft: true });

describe('exclusionOf', () => {
  it('publishes a past article', () => {
    expect(exclusionOf(past, { drafts: false, future: false, now })).toBeUndefined();
  });

  it('publishes an article dated exactly now', () => {
    const exact = entry('content/xuexi/now.md', '2022-03-01 16:00');
    expect(exclusionOf(exact, { drafts: false, future: false, now })).toBeUndefined();
  });

  it('leaves out a future article unless asked', () => {
    expect(exclusionOf(future, { drafts: false, future: false, now })).toBe('future');
    expect(exclusionOf(future, { drafts: false, future: true, now })).toBeUndefined();
  });

  it('leaves out a draft unless asked', () => {
    expect(exclusionOf(draft, { drafts: false, future: false, now })).toBe('draft');
    expect(exclusionOf(draft, { drafts: true, future: false, now })).toBeUndefined();
  });

  it('counts a future draft as a draft', () => {
    const both = entry('content/xuexi/both.md', '2022-03-02', { draft: true });
    expect(exclusionOf(both, { drafts: false, future: false, now })).toBe('draft');
    expect(exclusionOf(both, { drafts: true, future: false, now })).toBe('future');
  });
});

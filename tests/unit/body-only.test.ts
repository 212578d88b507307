import { describe, expect, it } from 'vitest';
import { onlyBodyChanged } from '../../src/incremental/body-only.js';
import { entry } from './fixtures.js';

describe('onlyBodyChanged', () => {
  const b = entry('content/b.md', '2022-03-02 09:00');

  it('holds when the body alone changed', () => {
    const edited = entry('content/b.md', '2022-03-02 09:00', { html: '<p>新正文。</p>\n', version: 'v2' });
    expect(onlyBodyChanged(b, edited)).toBe(true);
  });

  it('does not hold when something other pages show changed', () => {
    const retitled = entry('content/b.md', '2022-03-02 09:00', { title: '新标题' });
    expect(onlyBodyChanged(b, retitled)).toBe(false);
    expect(onlyBodyChanged(b, entry('content/c.md', '2022-03-02 09:00'))).toBe(false);
  });
});

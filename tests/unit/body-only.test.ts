import { describe, expect, it } from 'vitest';
import { bodyOnlyChanges } from '../../src/incremental/body-only.js';
import { entry } from './fixtures.js';

describe('bodyOnlyChanges', () => {
  const a = entry('content/a.md', '2022-03-01 09:00');
  const b = entry('content/b.md', '2022-03-02 09:00');

  it('names the files whose body alone changed', () => {
    const edited = entry('content/b.md', '2022-03-02 09:00', { html: '<p>新正文。</p>\n', version: 'v2' });
    expect(bodyOnlyChanges([a, b], [a, edited])).toEqual(['content/b.md']);
  });

  it('is empty when nothing changed (a file saved as it was): no page needs making again', () => {
    expect(bodyOnlyChanges([a, b], [a, b])).toEqual([]);
  });

  it('is undefined when something other pages show changed', () => {
    const retitled = entry('content/b.md', '2022-03-02 09:00', { title: '新标题' });
    expect(bodyOnlyChanges([a, b], [a, retitled])).toBeUndefined();
    expect(bodyOnlyChanges([a, b], [a])).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { keptPlace, placeKeptChanges } from '../../src/site/kept-place.js';
import { entry, YAOWEN } from './fixtures.js';

describe('keptPlace', () => {
  const was = entry('content/a.md', '2022-03-01 09:00', { tags: ['就业', '人才'] });

  it('holds for what lists show but places do not follow from: title, summary, source, body', () => {
    for (const change of [
      { title: '新标题' },
      { summaryText: '新的摘要。' },
      { source: '金华日报' },
      { html: '<p>新正文。</p>\n', version: 'v2' },
    ])
      expect(keptPlace(was, { ...was, ...change })).toBe(true);
  });

  it('fails for what the order, neighbours, related reading or tag pages follow from', () => {
    const later = entry('content/a.md', '2022-03-01 10:00', { tags: ['就业', '人才'] });
    expect(keptPlace(was, later)).toBe(false);
    // Even where the address does not name the category (a permalink without {category}).
    expect(keptPlace(was, { ...was, category: YAOWEN })).toBe(false);
    expect(keptPlace(was, { ...was, tags: ['人才', '就业'] })).toBe(false);
    expect(keptPlace(was, { ...was, tags: ['就业'] })).toBe(false);
    expect(keptPlace(was, { ...was, url: '/xuexi/2022/03/b/' })).toBe(false);
    expect(keptPlace(was, { ...was, file: 'content/b.md' })).toBe(false);
  });
});

describe('placeKeptChanges', () => {
  const a = entry('content/a.md', '2022-03-01 09:00');
  const b = entry('content/b.md', '2022-03-02 09:00');

  it('names the files retitled, and nothing when nothing changed', () => {
    expect(placeKeptChanges([a, b], [a, { ...b, title: '新标题' }])).toEqual(['content/b.md']);
    expect(placeKeptChanges([a, b], [a, b])).toEqual([]);
  });

  it('is undefined when an article moved, or one was added or removed', () => {
    expect(placeKeptChanges([a, b], [a, entry('content/b.md', '2022-03-03 09:00')])).toBeUndefined();
    expect(placeKeptChanges([a, b], [a])).toBeUndefined();
  });
});

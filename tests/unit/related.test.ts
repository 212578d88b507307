import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/graph/build-graph.js';
import { RELATED_MAX_TAGS, relatedEntries } from '../../src/graph/related.js';
import type { Entry, ListedEntry } from '../../src/graph/site-graph.js';
import { entry, siteConfig, YAOWEN } from './fixtures.js';

const related = (entries: readonly Entry[], file: string) =>
  (buildGraph(entries, siteConfig()).related.get(file) ?? []).map((e) => e.file.replace(/^.*\//, ''));

describe('related articles (相关阅读)', () => {
  const me = entry('content/xuexi/me.md', '2022-03-10', { tags: ['就业', '人才', '春风'] });

  it('ranks by shared tags, then same category, then newest', () => {
    const others = [
      entry('content/yaowen/two-old.md', '2022-01-01', { category: YAOWEN, tags: ['就业', '人才'] }),
      entry('content/yaowen/two-new.md', '2022-02-01', { category: YAOWEN, tags: ['人才', '就业'] }),
      entry('content/yaowen/one-other.md', '2022-03-09', { category: YAOWEN, tags: ['春风'] }),
      entry('content/xuexi/one-same.md', '2022-01-05', { tags: ['就业'] }),
      entry('content/xuexi/none-same.md', '2022-03-11'),
      entry('content/xuexi/three.md', '2021-12-01', { tags: ['就业', '人才', '春风'] }),
    ];
    // 3 shared; 2 shared, newest first; 1 shared in the same category before 1 in another;
    // then a same-category article that shares no tag would be sixth, past the five.
    expect(related([me, ...others], 'content/xuexi/me.md')).toEqual([
      'three.md',
      'two-new.md',
      'two-old.md',
      'one-same.md',
      'one-other.md',
    ]);
  });

  it('fills up with the newest of the same category, and never lists unrelated articles or itself', () => {
    const others = [
      entry('content/xuexi/plain-old.md', '2022-01-01'),
      entry('content/xuexi/plain-new.md', '2022-03-01'),
      entry('content/yaowen/unrelated.md', '2022-03-09', { category: YAOWEN, tags: ['其他'] }),
      entry('content/yaowen/tagged.md', '2021-01-01', { category: YAOWEN, tags: ['春风'] }),
    ];
    expect(related([me, ...others], 'content/xuexi/me.md')).toEqual([
      'tagged.md',
      'plain-new.md',
      'plain-old.md',
    ]);
    expect(related([me], 'content/xuexi/me.md')).toEqual([]);
  });

  it('lists at most five, breaks ties by file path, and gives the same answer whatever the input order', () => {
    const twins = ['f', 'b', 'e', 'a', 'd', 'c', 'g'].map((n) =>
      entry(`content/xuexi/${n}.md`, '2022-03-01 08:00', { tags: ['就业'] }),
    );
    const expected = ['a.md', 'b.md', 'c.md', 'd.md', 'e.md'];
    expect(related([me, ...twins], 'content/xuexi/me.md')).toEqual(expected);
    expect(related([...twins].reverse().concat(me), 'content/xuexi/me.md')).toEqual(expected);
    // `a` itself is not among its own.
    expect(related([me, ...twins], 'content/xuexi/a.md')).toEqual(['me.md', 'b.md', 'c.md', 'd.md', 'e.md']);
  });

  it('takes a count and answers for every entry', () => {
    const list = [me, entry('content/xuexi/x.md', '2022-03-01', { tags: ['就业'] })];
    const related = relatedEntries(list, 1);
    expect(related.get('content/xuexi/me.md')?.map((e) => e.file)).toEqual(['content/xuexi/x.md']);
    expect(related.get('content/xuexi/x.md')?.map((e) => e.file)).toEqual(['content/xuexi/me.md']);
    // Asked again, the same list; a file that is not an entry has none.
    expect(related.get('content/xuexi/x.md')).toBe(related.get('content/xuexi/x.md'));
    expect(related.get('content/xuexi/none.md')).toBeUndefined();
  });

  it('gives the same lists as comparing every pair, on a random site with few, common tags', () => {
    // A small deterministic generator, so a failure can be replayed.
    let seed = 20220301;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const pool = ['就业', '人才', '春风', '项目', '民生', '开门红'];
    const entries = Array.from({ length: 300 }, (_, i) =>
      entry(
        `content/x/e${String(i).padStart(3, '0')}.md`,
        `2022-0${1 + random(3)}-1${random(10)} 0${random(3)}:00`,
        {
          category: random(3) === 0 ? YAOWEN : siteConfig().categories[0],
          tags: [...new Set(Array.from({ length: random(4) }, () => pool[random(pool.length)] as string))],
        },
      ),
    );
    const sorted = buildGraph(entries, siteConfig()).entries;
    const fast = relatedEntries(sorted);
    for (const me of sorted) {
      const mine = new Set(me.tags.slice(0, RELATED_MAX_TAGS));
      const shared = (o: ListedEntry) => o.tags.filter((t) => mine.has(t)).length;
      const same = (o: ListedEntry) => (o.category.slug === me.category.slug ? 1 : 0);
      const expected = sorted
        .filter((o) => o !== me && (shared(o) > 0 || same(o) === 1))
        .map((o, i) => ({ o, i }))
        .sort((a, b) => shared(b.o) - shared(a.o) || same(b.o) - same(a.o) || a.i - b.i)
        .slice(0, 5)
        .map(({ o }) => o.file);
      expect([me.file, fast.get(me.file)?.map((e) => e.file)]).toEqual([me.file, expected]);
    }
  });
});

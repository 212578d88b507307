import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/graph/build-graph.js';
import type { Entry } from '../../src/graph/site-graph.js';
import { pageSignature } from '../../src/incremental/page-signature.js';
import {
  aroundFrom,
  articlePlanner,
  type Surroundings,
  surroundingsOf,
} from '../../src/pages/article-page.js';
import { planPages } from '../../src/pages/plan-pages.js';
import { coverUrl, newsArticle } from '../../src/structured-data/news-article.js';
import { entry, siteConfig, YAOWEN } from './fixtures.js';

const config = siteConfig({ pageSize: 2 });
// Homophone tags (their slugs are numbered), a tag no one else has, neighbours and related reading.
const entries = [
  entry('content/xuexi/x1.md', '2022-03-01 09:00', { tags: ['就业', '人才'] }),
  entry('content/xuexi/x2.md', '2022-03-02 09:00', { tags: ['就业'] }),
  entry('content/xuexi/x3.md', '2022-03-03 09:00', { tags: ['实施', '事实'] }),
  entry('content/xuexi/x4.md', '2022-03-04 09:00', { tags: ['事实', '独有'] }),
  entry('content/yaowen/y1.md', '2022-03-04 09:00', { category: YAOWEN, tags: ['人才', '就业'] }),
  entry('content/yaowen/y2.md', '2022-03-05 09:00', { category: YAOWEN }),
];

describe('an article page planned from the surroundings the build cache keeps', () => {
  it('is the page planPages makes, with the same signature', () => {
    const graph = buildGraph(entries, config);
    const planned = planPages(graph, config).filter((p) => p.template === 'article.njk');
    // As the cache keeps them: JSON, read back in another build.
    const kept = JSON.parse(JSON.stringify(Object.fromEntries(surroundingsOf(graph)))) as Record<
      string,
      Surroundings
    >;
    const byFile = new Map<string, Entry>(entries.map((e) => [e.file, e]));
    const entryOf = (file: string) => byFile.get(file) as Entry;
    const plan = articlePlanner(config, new Map());
    expect(planned).toHaveLength(entries.length);
    for (const page of planned) {
      const file = page.source as string;
      const again = plan(entryOf(file), aroundFrom(kept[file] as Surroundings, entryOf));
      expect(again).toEqual(page);
      expect(pageSignature(again, 'fingerprint', 'config')).toBe(
        pageSignature(page, 'fingerprint', 'config'),
      );
    }
    // The surroundings are not empty: neighbours, related reading and numbered tag slugs are all there.
    expect(kept['content/xuexi/x2.md']).toMatchObject({
      previous: 'content/xuexi/x1.md',
      next: 'content/xuexi/x3.md',
      related: expect.arrayContaining(['content/xuexi/x1.md', 'content/yaowen/y1.md']),
    });
    const slugs = Object.values(kept).flatMap((s) => s.tags.map(([, url]) => url));
    expect(new Set(slugs)).toContain('/tags/shi-shi-2/');
  });
});

describe('surroundings of the next graph', () => {
  const retitle = (list: readonly Entry[], file: string, changes: Partial<Entry>) =>
    list.map((e) => (e.file === file ? { ...e, ...changes } : e));

  it('are equal ones when every article kept its place (a new title)', () => {
    const before = surroundingsOf(buildGraph(entries, config));
    const after = surroundingsOf(
      buildGraph(retitle(entries, 'content/xuexi/x2.md', { title: '新标题' }), config),
    );
    expect(after).toEqual(before);
  });

  it('are made anew when a tag or a date changed', () => {
    const before = surroundingsOf(buildGraph(entries, config));
    const retagged = surroundingsOf(
      buildGraph(retitle(entries, 'content/xuexi/x2.md', { tags: ['独有'] }), config),
    );
    expect(retagged).not.toEqual(before);
    expect(retagged.get('content/xuexi/x2.md')?.tags.map(([name]) => name)).toEqual(['独有']);
    expect(retagged.get('content/xuexi/x2.md')?.related).toContain('content/xuexi/x4.md');

    const moved = retitle(entries, 'content/xuexi/x1.md', { date: entry('x', '2022-03-06 09:00').date });
    const redated = surroundingsOf(buildGraph(moved, config));
    expect(redated.get('content/xuexi/x1.md')?.previous).toBe('content/xuexi/x4.md');
  });
});

describe("an article page's data", () => {
  it('gives its JSON-LD and cover address to the copy a worker renders from (structured clone)', () => {
    const covered = { ...(entries[0] as Entry), coverUrl: '/xuexi/2022/03/x1/images/a.jpg' };
    const page = articlePlanner(config, new Map())(covered, { related: [], tags: [] });
    const copy = structuredClone(page.context);
    expect(copy.structuredData).toEqual(newsArticle(covered, config));
    expect(copy.cover).toBe(coverUrl(covered, config));
    expect(copy.cover).toMatch(/^https?:\/\/.+\/images\/a\.jpg$/);
  });
});

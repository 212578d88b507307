import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/graph/build-graph.js';
import type { Entry } from '../../src/graph/site-graph.js';
import { movedByAdditions } from '../../src/incremental/moved-by-additions.js';
import { pageSignature } from '../../src/incremental/page-signature.js';
import { sameSurroundings, surroundingsOf } from '../../src/pages/article-page.js';
import { planPages } from '../../src/pages/plan-pages.js';
import { seededRandom } from '../helpers/differential/random.js';
import { entry, siteConfig, XUEXI, YAOWEN } from './fixtures.js';

/**
 * movedByAdditions names, of the articles a site had, exactly those whose pages show other
 * articles or tags around them once articles are added, and the lists whose pages can change:
 * checked against the surroundings of every article page and the signature of every list page made
 * both ways, on seeded random sites (dates with ties, few and many tags, two categories, pages of 10).
 */

const config = siteConfig();
const TAGS = ['就业', '人才', '春风', '项目', '招商', '民生', '教育', '医疗', '交通', '文化'];

function randomEntry(r: ReturnType<typeof seededRandom>, name: string, tags: readonly string[]): Entry {
  const day = String(1 + r.below(28)).padStart(2, '0');
  const hour = String(r.below(3) + 8).padStart(2, '0');
  const own = r.subset(tags).slice(0, 1 + r.below(9));
  return entry(`content/${name}.md`, `2022-03-${day} ${hour}:00`, {
    category: r.chance(0.6) ? XUEXI : YAOWEN,
    tags: r.chance(0.1) ? [] : own,
  });
}

const aroundAll = (entries: readonly Entry[]) => surroundingsOf(buildGraph(entries, config));

/** The signature of every page of a list (see Page's `list`), by address, and the list it is of. */
function listPages(graph: ReturnType<typeof buildGraph>): Map<string, { list: string; signature: string }> {
  const pages = new Map<string, { list: string; signature: string }>();
  for (const page of planPages(graph, config))
    if (page.list !== undefined)
      pages.set(page.url, { list: page.list, signature: pageSignature(page, '', '') });
  return pages;
}

describe('the article pages additions can move (movedByAdditions)', () => {
  for (let seed = 1; seed <= 40; seed++) {
    it(`names exactly the pages whose surroundings change, seed ${seed}`, () => {
      const r = seededRandom(seed);
      const site = Array.from({ length: 5 + r.below(60) }, (_, i) => randomEntry(r, `old${i}`, TAGS));
      const known = new Set(site.flatMap((e) => e.tags));
      // The added articles take only tags the site has (a new tag can renumber others: undefined).
      const added = Array.from({ length: 1 + r.below(3) }, (_, i) => randomEntry(r, `new${i}`, [...known]));
      const before = aroundAll(site);
      const graph = buildGraph([...site, ...added], config);
      const after = surroundingsOf(graph);
      const moved = movedByAdditions(graph, new Set(added.map((e) => e.file)));
      if (!moved) throw new Error('movedByAdditions gave up on additions with known tags only');
      for (const e of added) expect(moved.articles.has(e.file)).toBe(true);
      const changed = site
        .filter((e) => !sameSurroundings(before.get(e.file) as never, after.get(e.file) as never))
        .map((e) => e.file)
        .sort();
      expect(
        site
          .map((e) => e.file)
          .filter((f) => moved.articles.has(f))
          .sort(),
      ).toEqual(changed);
      // Every page of a list not named is the page it was; a list named had an article added, so
      // one of its pages shows another one (or is new).
      const listsBefore = listPages(buildGraph(site, config));
      const listsAfter = listPages(graph);
      for (const [url, page] of listsAfter)
        if (!moved.lists.has(page.list)) expect(listsBefore.get(url)?.signature).toBe(page.signature);
      const differs = new Set(
        [...listsAfter]
          .filter(([url, page]) => listsBefore.get(url)?.signature !== page.signature)
          .map(([, p]) => p.list),
      );
      expect([...moved.lists].sort()).toEqual([...differs].sort());
    });
  }

  it('gives up when an added article brings a tag the site did not have', () => {
    const site = [entry('content/a.md', '2022-03-01', { tags: ['就业'] })];
    const added = entry('content/b.md', '2022-03-02', { tags: ['就业', '新标签'] });
    const graph = buildGraph([...site, added], config);
    expect(movedByAdditions(graph, new Set([added.file]))).toBeUndefined();
  });

  it('moves nothing when nothing published was added', () => {
    const site = [entry('content/a.md', '2022-03-01', { tags: ['就业'] })];
    expect(movedByAdditions(buildGraph(site, config), new Set())).toEqual({
      articles: new Set(),
      lists: new Set(),
    });
  });
});

import { DateTime } from 'luxon';
import type { SiteConfig } from '../config/site-config.js';
import type { ListedEntry, SiteGraph } from '../graph/site-graph.js';
import { feedUrls } from '../urls/urls.js';
import type { GeneratedFile } from './generated-file.js';
import { type FeedSpec, renderFeed } from './render-feed.js';

/**
 * The site's feeds, RSS and Atom each: one of the whole site (`/feed.xml`, `/atom.xml`) and one per
 * category (`/xuexi/feed.xml`, `/xuexi/atom.xml`), each with its newest `feedSize` articles. An empty
 * category still has its feeds, so that the links on its page lead somewhere and a reader can
 * subscribe before the first article.
 */
export function planFeeds(graph: SiteGraph, config: SiteConfig): GeneratedFile[] {
  // A feed with no article needs a date all the same; the newest of the site keeps builds repeatable.
  const fallback =
    graph.entries[0]?.date.iso ??
    DateTime.fromMillis(0, { zone: config.timeZone }).toISO({ suppressMilliseconds: true }) ??
    '1970-01-01T00:00:00Z';
  const spec = (
    title: string,
    description: string,
    page: string,
    entries: readonly ListedEntry[],
  ): FeedSpec => {
    const newest = entries.slice(0, config.feedSize);
    return { title, description, page, entries: newest, updated: newest[0]?.date.iso ?? fallback };
  };
  const specs = [
    spec(config.title, config.description || `${config.title}最新文章`, '/', graph.entries),
    ...graph.categories.map((s) =>
      spec(
        `${s.category.name} - ${config.title}`,
        `${config.title}${s.category.name}栏目最新文章`,
        s.url,
        s.entries,
      ),
    ),
  ];
  return specs.flatMap((s) => {
    const { rss, atom } = renderFeed(s, config);
    const urls = feedUrls(s.page);
    return [
      { path: urls.rss.slice(1), data: rss },
      { path: urls.atom.slice(1), data: atom },
    ];
  });
}

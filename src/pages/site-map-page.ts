import type { SiteGraph } from '../graph/site-graph.js';
import { ARCHIVE_URL, SITE_MAP_URL, TAGS_URL } from '../urls/urls.js';
import { entryLink } from './entry-link.js';
import { lastmodOf } from './lastmod.js';
import type { Page } from './page.js';

/** How many of each category's newest articles the site map lists. */
export const SITE_MAP_PER_CATEGORY = 10;

/** 网站地图: the site map for people (sitemap.xml is the one for search engines). */
export function siteMapPage(graph: SiteGraph): Page {
  const sections = graph.categories.map((s) => ({
    name: s.category.name,
    url: s.url,
    count: s.entries.length,
    entries: s.entries.slice(0, SITE_MAP_PER_CATEGORY),
  }));
  return {
    url: SITE_MAP_URL,
    template: 'sitemap.njk',
    ...lastmodOf(sections.flatMap((s) => s.entries)),
    context: {
      page: { kind: 'sitemap', title: '网站地图', description: '本站全部栏目、标签、归档和各栏目最新文章' },
      sections: sections.map((s) => ({ ...s, entries: s.entries.map(entryLink) })),
      tagsUrl: TAGS_URL,
      tagCount: graph.tags.length,
      archiveUrl: ARCHIVE_URL,
      breadcrumb: [{ title: '首页', url: '/' }, { title: '网站地图' }],
    },
  };
}

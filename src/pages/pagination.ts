import type { ListPage } from '../graph/site-graph.js';

/** One crumb of `您当前的位置：首页 > …`; the last one (the page itself) has no link. */
export interface Crumb {
  readonly title: string;
  readonly url?: string;
}

/** What partials/pagination.njk needs for page `current` of a paginated list. */
export function pagination(pages: readonly ListPage[], current: number) {
  return {
    current,
    total: pages.length,
    previousUrl: pages[current - 2]?.url,
    nextUrl: pages[current]?.url,
    pages: pages.map((p) => ({ number: p.number, url: p.url })),
  };
}

/** A list page's title: `学习`, then `学习（第2页）`. */
export const numberedTitle = (title: string, number: number): string =>
  number === 1 ? title : `${title}（第${number}页）`;

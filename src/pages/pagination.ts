import type { ListPage } from '../graph/site-graph.js';

/** One crumb of `您当前的位置：首页 > …`; the last one (the page itself) has no link. */
export interface Crumb {
  readonly title: string;
  readonly url?: string;
}

/** Pages named on each side of the current one; the first and the last are always named too. */
const AROUND = 2;

/** A numbered link of the pagination, or a gap (`…`) where numbers are left out. */
export type PageNumber = { readonly number: number; readonly url: string } | { readonly gap: true };

/**
 * What partials/pagination.njk needs for page `current` of a paginated list. A long list names the
 * first and last pages and two on each side of the current one, with `…` between: a row of 160
 * numbers helps no reader on a phone, and every page of the list would change with each new page.
 */
export function pagination(pages: readonly ListPage[], current: number) {
  const shown = pages.filter(
    (p) => p.number === 1 || p.number === pages.length || Math.abs(p.number - current) <= AROUND,
  );
  const numbers: PageNumber[] = [];
  for (const p of shown) {
    const before = numbers.at(-1);
    // One left-out number is shown itself: a gap would take as much room and say less.
    if (before && 'number' in before && p.number - before.number === 2)
      numbers.push(linkTo(pages[p.number - 2] as ListPage));
    else if (before && 'number' in before && p.number - before.number > 2) numbers.push({ gap: true });
    numbers.push(linkTo(p));
  }
  return {
    current,
    total: pages.length,
    previousUrl: pages[current - 2]?.url,
    nextUrl: pages[current]?.url,
    pages: numbers,
  };
}

const linkTo = (p: ListPage): PageNumber => ({ number: p.number, url: p.url });

/** A list page's title: `学习`, then `学习（第2页）`. */
export const numberedTitle = (title: string, number: number): string =>
  number === 1 ? title : `${title}（第${number}页）`;

import { archiveMonthUrl, archiveYearUrl } from '../urls/urls.js';
import { paginate } from './paginate.js';
import type { ListedEntry, ListPage } from './site-graph.js';

/** One month of the date archive: `/archive/2022/03/`, paginated like a category. */
export interface ArchiveMonth {
  /** Two digits, as in URLs: `03`. */
  readonly month: string;
  readonly year: string;
  readonly url: string;
  /** Newest first. */
  readonly entries: readonly ListedEntry[];
  readonly pages: readonly ListPage[];
}

export interface ArchiveYear {
  readonly year: string;
  readonly url: string;
  /** Newest first. */
  readonly entries: readonly ListedEntry[];
  /** Only months with articles, newest first. */
  readonly months: readonly ArchiveMonth[];
}

/**
 * Groups entries by the year and month of their date in the site's time zone (the same year and
 * month as in their URLs), newest first. Expects `entries` newest first, and keeps that order.
 */
export function buildArchive(entries: readonly ListedEntry[], pageSize: number): ArchiveYear[] {
  const years = new Map<string, Map<string, ListedEntry[]>>();
  for (const e of entries) {
    const months = years.get(e.date.year) ?? new Map<string, ListedEntry[]>();
    years.set(e.date.year, months);
    const list = months.get(e.date.month) ?? [];
    months.set(e.date.month, list);
    list.push(e);
  }
  // Keys are fixed-width digits, so comparing the text compares the numbers.
  const newestFirst = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0);
  return [...years.keys()].sort(newestFirst).map((year) => {
    const months = years.get(year) ?? new Map<string, ListedEntry[]>();
    const archiveMonths = [...months.keys()].sort(newestFirst).map((month) => {
      const list = months.get(month) ?? [];
      const url = archiveMonthUrl(year, month);
      return { year, month, url, entries: list, pages: paginate(url, list, pageSize) };
    });
    return {
      year,
      url: archiveYearUrl(year),
      entries: archiveMonths.flatMap((m) => m.entries),
      months: archiveMonths,
    };
  });
}

import type { ArchiveMonth, ArchiveYear } from '../graph/archive.js';
import type { SiteGraph } from '../graph/site-graph.js';
import { ARCHIVE_URL, archiveYearUrl } from '../urls/urls.js';
import { entryLink } from './entry-link.js';
import { lastmodOf } from './lastmod.js';
import type { Page } from './page.js';
import { type Crumb, numberedTitle, pagination } from './pagination.js';

/** How many titles of each month a year page shows before "查看全部". */
export const YEAR_PAGE_PREVIEW = 5;

const yearTitle = (y: ArchiveYear | ArchiveMonth) => `${y.year}年`;
/** `3月`, not `03月`. */
const monthTitle = (m: ArchiveMonth) => `${Number(m.month)}月`;

const ARCHIVE_CRUMB: Crumb = { title: '归档', url: ARCHIVE_URL };
const HOME_CRUMB: Crumb = { title: '首页', url: '/' };

/** The date archive: /archive/, a page per year, and paginated pages per month. */
export function archivePages(graph: SiteGraph): Page[] {
  return [
    archiveIndexPage(graph),
    ...graph.archive.flatMap((year) => [
      yearPage(year),
      ...year.months.flatMap((m) => m.pages.map((list) => monthPage(m, list))),
    ]),
  ];
}

function archiveIndexPage(graph: SiteGraph): Page {
  return {
    url: ARCHIVE_URL,
    template: 'archive.njk',
    ...lastmodOf(graph.entries),
    context: {
      page: { kind: 'archive', title: '归档', description: '按年份和月份浏览全部文章' },
      years: graph.archive.map((y) => ({
        title: yearTitle(y),
        url: y.url,
        count: y.entries.length,
        months: y.months.map((m) => ({ title: monthTitle(m), url: m.url, count: m.entries.length })),
      })),
      breadcrumb: [HOME_CRUMB, { title: '归档' }],
    },
  };
}

function yearPage(year: ArchiveYear): Page {
  const title = yearTitle(year);
  return {
    url: year.url,
    list: year.url,
    template: 'archive-year.njk',
    ...lastmodOf(year.entries),
    context: {
      page: {
        kind: 'archive-year',
        title: `${title}文章归档`,
        description: `${title}共${year.entries.length}篇文章`,
      },
      year: { title, count: year.entries.length },
      months: year.months.map((m) => ({
        title: monthTitle(m),
        url: m.url,
        count: m.entries.length,
        entries: m.entries.slice(0, YEAR_PAGE_PREVIEW).map(entryLink),
        more: m.entries.length > YEAR_PAGE_PREVIEW,
      })),
      breadcrumb: [HOME_CRUMB, ARCHIVE_CRUMB, { title }],
    },
  };
}

function monthPage(month: ArchiveMonth, list: ArchiveMonth['pages'][number]): Page {
  const title = `${yearTitle(month)}${monthTitle(month)}`;
  return {
    url: list.url,
    list: month.url,
    template: 'archive-month.njk',
    ...lastmodOf(list.entries),
    context: {
      page: {
        kind: 'archive-month',
        title: numberedTitle(title, list.number),
        description: `${title}共${month.entries.length}篇文章`,
      },
      section: { title, url: month.url },
      list,
      pagination: pagination(month.pages, list.number),
      breadcrumb: [
        HOME_CRUMB,
        ARCHIVE_CRUMB,
        { title: yearTitle(month), url: archiveYearUrl(month.year) },
        { title: monthTitle(month), ...(list.number > 1 && { url: month.url }) },
      ],
    },
  };
}

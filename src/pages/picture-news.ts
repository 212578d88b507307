import type { ListedEntry } from '../graph/site-graph.js';

/** How many articles the home page's 图片新闻 shows: one large picture and a row of smaller ones. */
export const PICTURE_NEWS_SIZE = 5;

/**
 * The home page's 图片新闻: the newest published articles whose cover was found (and so has an
 * address), newest first. A static block, not a carousel: 长者模式 allows no motion. Pure.
 */
export const pictureNews = (entries: readonly ListedEntry[]): ListedEntry[] =>
  entries.filter((e) => e.coverUrl !== undefined).slice(0, PICTURE_NEWS_SIZE);

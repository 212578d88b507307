/// <reference lib="dom" />
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { expect } from 'vitest';
import { launchBrowser } from './browser.js';
import { makeSite, removeSite, runCli } from './site.js';
import { type StaticServer, serveStatic } from './static-server.js';

/** A result as Pagefind's module (the one the search page imports) returns it: its id, title and score. */
export interface Ranked {
  /** The id the module gives it (unique among the results). */
  readonly id: string;
  readonly title: string;
  readonly score: number;
}

/** One site's search index built two ways and served, to compare how each ranks a query. */
export interface ShardedAndWhole {
  /** The results of `query`, best first: of the index in shards (`dist`) or of one whole index (`whole`). */
  ranked(query: string, site: 'dist' | 'whole'): Promise<Ranked[]>;
  close(): Promise<void>;
}

/**
 * Builds the same files twice: in shards (split from 1 article on) into `dist/`, and as one whole
 * index (split from 500 on) into `whole/` beside it; serves both and starts Chromium.
 */
export async function shardedAndWhole(
  files: Record<string, string>,
  /** Run on the sharded site's folder once both are built, before they are served. */
  prepare?: (dist: string) => Promise<void>,
): Promise<ShardedAndWhole> {
  const root = makeSite(files);
  const whole = makeSite(files);
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    delete process.env.GAZETTE_SEARCH_SHARDS_FROM;
    await browser?.close();
    await server?.close();
    removeSite(root);
    removeSite(whole);
  };
  try {
    for (const [site, from] of [
      [root, '1'],
      [whole, '500'],
    ] as const) {
      process.env.GAZETTE_SEARCH_SHARDS_FROM = from;
      const run = await runCli([
        'build',
        '--root',
        site,
        '--out',
        path.join(root, from === '1' ? 'dist' : 'whole'),
      ]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
    }
    await prepare?.(path.join(root, 'dist'));
    [server, browser] = await Promise.all([serveStatic(root), launchBrowser()]);
  } catch (cause) {
    await close();
    throw cause;
  }
  const [url, chromium] = [server.url, browser];
  return {
    async ranked(query, site) {
      const page = await chromium.newPage();
      await page.goto(`${url}${site}/`);
      // A string, not a function: the test's transform would rewrite a function's import().
      const found = (await page.evaluate(`(async () => {
        const pagefind = await import('/${site}/pagefind/pagefind.js');
        await pagefind.options({});
        const found = await pagefind.search(${JSON.stringify(query)});
        return Promise.all(found.results.map(async (r) => ({ id: r.id, title: (await r.data()).meta.title, score: r.score })));
      })()`)) as Ranked[];
      await page.close();
      return found;
    },
    close,
  };
}

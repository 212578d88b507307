import type { BodyRef } from '../bodies/body-ref.js';
import type { BuildCache } from '../cache/build-cache.js';
import { CacheUnusable } from '../cache/cache-unusable.js';
import type { StoredResult } from '../cache/stored-result.js';
import type { SiteConfig } from '../config/site-config.js';
import type { Diagnostic } from '../errors/diagnostic.js';
import type { Entry } from '../graph/site-graph.js';
import { aroundFrom, articlePlanner } from '../pages/article-page.js';
import type { Page } from '../pages/page.js';
import type { FileResult } from './load-files.js';
import type { LoadedFiles, PlannedBuild } from './planned-build.js';

/**
 * The plan of a rebuild after only the text of some articles changed since the previous build, and
 * nothing else (see textEditsSince): their own pages, made as planPages makes them, from their new
 * entries and what the previous build's pages showed around them (neighbours, related reading, tags
 * do not depend on an article's text). Every other page and file would come out as the previous
 * build made it, so it is kept from there, not planned (see carryOver), and the other files'
 * results are not even parsed: planning and signing a 20,000-article site took most of such a rebuild.
 */
export function planTextEdits(
  cache: BuildCache,
  loaded: LoadedFiles,
  edited: ReadonlySet<string>,
  config: SiteConfig,
): { build?: PlannedBuild; diagnostics: Diagnostic[] } {
  const previous = cache.previous;
  if (!previous) throw new Error('planTextEdits needs the previous build');
  const fresh = new Map(loaded.fresh.map((r) => [r.path, r]));
  const entryOf = (file: string): Entry => {
    const entry = fresh.get(file)?.entry ?? cache.resultOf(file)?.entry;
    if (!entry) throw new CacheUnusable(`the build cache's details do not match its manifest (${file})`);
    return entry;
  };
  const bodies = new Map<string, BodyRef>();
  for (const file of edited) {
    const body = fresh.get(file)?.body;
    if (body) bodies.set(file, body);
  }
  const plan = articlePlanner(config, bodies);
  const pages: Page[] = [...edited].map((file) => {
    const around = cache.surroundingsOf(file);
    if (!around) throw new CacheUnusable(`the build cache does not know what ${file}'s page shows`);
    return plan(entryOf(file), aroundFrom(around, entryOf));
  });
  // What a whole build would report: the previous build's messages, but those of the files read now.
  const diagnostics = previous.summary.warnings.filter((d) => !fresh.has(d.file));
  for (const r of loaded.fresh) diagnostics.push(...r.diagnostics, ...(r.entry?.warnings ?? []));
  const order = new Map(previous.files.map((f, i) => [f.path, i]));
  diagnostics.sort((a, b) => (order.get(a.file) ?? -1) - (order.get(b.file) ?? -1));
  const results: Array<FileResult | StoredResult> = previous.files.map(
    (f) => fresh.get(f.path) ?? (cache.stored(f.path) as StoredResult),
  );
  return {
    build: {
      pages,
      staticFiles: [],
      files: [],
      partial: true,
      bodies,
      summary: { ...previous.summary, warnings: diagnostics },
      results,
      ...(previous.nextDue !== undefined && { nextDue: previous.nextDue }),
    },
    diagnostics,
  };
}

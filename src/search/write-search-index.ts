import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SiteConfig } from '../config/site-config.js';
import type { Entry } from '../graph/site-graph.js';
import { SEARCH_BUNDLE_URL } from '../graph/urls.js';
import { indexShards } from './index-shards.js';
import type { BundleFile } from './run-pagefind.js';
import { searchLanguage, searchRecords } from './search-records.js';
import { shardLoader } from './shard-loader.js';
import { intactShard, manifestOf, pagefindVersion, SHARD_MANIFEST, shardDigest } from './shard-manifest.js';
import { planShards, type Shard } from './shard-plan.js';

/** Where the search index goes: the new site's folder (the build's output folder fits). */
export interface SearchOutput {
  readonly dir: string;
  /** The site being replaced, if any: shards made from the same records are kept from it. */
  readonly previous?: string;
  write(relPath: string, data: string | Uint8Array): Promise<void>;
  /** Puts the previous site's file at `relPath` into the new site as it is (a hard link). */
  keep(relPath: string): Promise<unknown>;
}

/** Pagefind's default UI, which the search page loads from the bundle's own folder. */
const UI_FILES = ['pagefind-ui.js', 'pagefind-ui.css'];
/** What else a browser loads of a bundle; Pagefind's other UIs (modular, component) are not used. */
const NEEDED =
  /^(?:pagefind\.js|pagefind-worker\.js|pagefind-entry\.json|pagefind-ui\.(?:js|css)|wasm\..*|.*\.pf_meta|(?:index|fragment|filter)\/.*)$/;

export interface SearchIndexReport {
  readonly records: number;
  readonly shards: number;
  /** The shards indexed by this build; the others were kept from the previous site. */
  readonly indexed: readonly string[];
}

/**
 * Indexes the published articles with Pagefind, in shards by date (see shard-plan.ts), into
 * `pagefind/<shard>/` of the new site, with the default UI and the module that searches all shards
 * as one in `pagefind/` (see shard-loader.ts):
 * search works from the site itself, with no server and nothing fetched from elsewhere. A shard
 * whose records are those of a whole shard of the previous site is kept from there (hard links,
 * the same bytes); the others are indexed, two at a time on two cores.
 */
export async function writeSearchIndex<E extends Entry>(
  entries: readonly E[],
  config: SiteConfig,
  htmlOf: (entry: E) => string,
  output: SearchOutput,
): Promise<SearchIndexReport> {
  const bundle = SEARCH_BUNDLE_URL.replace(/^\/+|\/+$/g, '');
  const records = searchRecords(entries, config, htmlOf);
  // A site with no article yet still gets a bundle (an empty one), so that its search page works.
  const planned = planShards(records);
  const shards = planned.length > 0 ? planned : [{ name: 'empty', records: [] }];
  const version = await pagefindVersion();
  const digests = new Map(shards.map((s) => [s.name, shardDigest(s.records, version)]));
  const toIndex = [];
  for (const shard of shards) {
    const kept =
      output.previous &&
      (await intactShard(path.join(output.previous, bundle, shard.name), digests.get(shard.name) ?? ''));
    if (kept) for (const file of kept) await output.keep(`${bundle}/${shard.name}/${file}`);
    else toIndex.push(shard);
  }

  // Written here rather than by Pagefind: a full disk is then an error like any other failed write.
  await indexShards(toIndex, searchLanguage(config.language), async (shard, made) => {
    // In order of path: Pagefind lists them in no stable order, and the manifest must be the same bytes.
    const files: BundleFile[] = made
      .filter((f) => NEEDED.test(f.path))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    for (const f of files) await output.write(`${bundle}/${shard.name}/${f.path}`, f.content);
    // Last: a shard without it, or with files that differ from it, is indexed again.
    await output.write(
      `${bundle}/${shard.name}/${SHARD_MANIFEST}`,
      manifestOf(digests.get(shard.name) ?? '', files),
    );
  });

  // Every shard carries the UI (the same bytes); the search page loads it from the bundle's folder.
  const newest = shards[0] as Shard;
  for (const ui of UI_FILES)
    await output.write(`${bundle}/${ui}`, await readFile(path.join(output.dir, bundle, newest.name, ui)));
  // Pagefind's module as the UI imports it, over all the shards.
  await output.write(`${bundle}/pagefind.js`, shardLoader(shards.map((s) => s.name)));
  return { records: records.length, shards: shards.length, indexed: toIndex.map((s) => s.name) };
}

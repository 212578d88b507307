import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SiteConfig } from '../config/site-config.js';
import { byDateDesc } from '../graph/build-graph.js';
import type { ListedEntry } from '../graph/site-graph.js';
import { SEARCH_BUNDLE_URL } from '../urls/urls.js';
import { indexShards } from './index-shards.js';
import type { BundleFile, PagefindProcess } from './run-pagefind.js';
import { searchLanguage, searchRecords, wordsLocale } from './search-records.js';
import { shardLoader } from './shard-loader.js';
import {
  intactShard,
  manifestOf,
  pagefindVersion,
  SHARD_MANIFEST,
  type ShardManifest,
  shardDigest,
} from './shard-manifest.js';
import { shardMeta, sharedIds } from './shard-meta.js';
import { newestFirst, planShards, SHARDS_FROM } from './shard-plan.js';

/** What the index is made of: the published articles, and how to read each one's body. */
export interface SearchSource<E extends ListedEntry> {
  /**
   * Every published article, newest first; or, after an edit of only some articles' text (see
   * planTextEdits), `edited`: those articles, every other shard being as the previous site has it.
   */
  readonly articles: { readonly entries: readonly E[] } | EditedArticles<E>;
  readonly config: SiteConfig;
  readonly htmlOf: (entry: E) => string;
  /**
   * An entry's body as a digest the caller already has (the build: its source file's digest and its
   * body's place in the cache, see write.ts), so that the records of a shard kept as it was are never
   * made, nor its bodies read. Two bodies with the same key must have the same text. Default: the
   * digest of the body's HTML, read.
   */
  readonly bodyKeyOf?: (entry: E) => string;
  /** What else every record depends on: the gazette that makes them (the build's tool digest). */
  readonly maker?: string;
}

/** After a text edit: the edited articles, and any article of the site by its file. */
export interface EditedArticles<E extends ListedEntry> {
  readonly edited: ReadonlySet<string>;
  /** The previous site's shards, by name (each with its manifest). */
  readonly shards: readonly string[];
  entryOf(file: string): E;
  /** Every published article, in any order: if the previous shards cannot be read as they were. */
  all(): readonly E[];
}

/** Where the search index goes: the new site's folder (the build's output folder fits). */
export interface SearchOutput {
  readonly dir: string;
  /** The site being replaced, if any: shards made from the same records are kept from it. */
  readonly previous?: string;
  write(relPath: string, data: string | Uint8Array): Promise<void>;
  /** Puts the previous site's file at `relPath` into the new site as it is. */
  keep(relPath: string): Promise<unknown>;
  /**
   * Whether the previous site's file at `relPath` is as the build that wrote it left it, by the
   * stamps the build cache keeps (see intactShard); without it, kept shards are read to be checked.
   */
  asLeft?(relPath: string): boolean;
}

/** Pagefind's default UI, which the search page loads from the bundle's own folder. */
const UI_FILES = ['pagefind-ui.js', 'pagefind-ui.css'];
/** What else a browser loads of a bundle; Pagefind's other UIs (modular, component) are not used. */
const NEEDED =
  /^(?:pagefind\.js|pagefind-worker\.js|pagefind-entry\.json|pagefind-ui\.(?:js|css)|wasm\..*|.*\.pf_meta|(?:index|fragment|filter)\/.*)$/;
const BUNDLE = SEARCH_BUNDLE_URL.replace(/^\/+|\/+$/g, '');

export interface SearchIndexReport {
  readonly records: number;
  readonly shards: number;
  /** The shards indexed by this build; the others were kept from the previous site. */
  readonly indexed: readonly string[];
}

/** A shard as this build plans it: its articles, and their digest (undefined: as the previous site's). */
interface PlannedShard<E> {
  readonly name: string;
  readonly items: () => readonly E[];
  readonly digest: string | undefined;
}

/** The day of an entry as its record's `date` says it: `2022-03-01`. */
const dayOf = (e: ListedEntry) => `${e.date.year}-${e.date.month}-${e.date.day}`;

/**
 * From this many articles on, the index is in shards (see shard-plan.ts); tests of the shards set
 * GAZETTE_SEARCH_SHARDS_FROM to see them on a site of a few articles.
 */
const shardsFrom = (): number => Number(process.env.GAZETTE_SEARCH_SHARDS_FROM) || SHARDS_FROM;

/**
 * Indexes the published articles with Pagefind, in shards by date (see shard-plan.ts), into
 * `pagefind/<shard>/` of the new site, with the default UI and the module that searches all shards
 * as one in `pagefind/` (see shard-loader.ts):
 * search works from the site itself, with no server and nothing fetched from elsewhere. A shard
 * whose articles' keys are those of a whole shard of the previous site is kept from there (the same
 * bytes, see intactShard); the others are indexed, two at a time on two cores, and only their
 * records are made. After a text edit, the shards that hold none of the edited articles are kept
 * without their articles being looked at: only the text of the edited ones changed.
 */
export async function writeSearchIndex<E extends ListedEntry>(
  source: SearchSource<E>,
  output: SearchOutput,
  ahead?: PagefindProcess,
): Promise<SearchIndexReport> {
  const { config, htmlOf } = source;
  const language = searchLanguage(config.language);
  const words = wordsLocale(config.language);
  const bodyKeyOf = source.bodyKeyOf ?? ((e: E) => sha1(htmlOf(e)));
  const version = await pagefindVersion();
  // Where gazette parts the words, the ICU of this Node decides them: another ICU, another index.
  const parts = words ? `\n${words} ICU ${process.versions.icu}` : '';
  const common = `${source.maker ?? ''}\n${language}${parts}\n${config.basePath}`;
  // Everything of an entry its record is made of (see searchRecords), and its file.
  const keyOf = (e: E) => [e.file, bodyKeyOf(e), e.url, e.title, e.category.name, dayOf(e)].join('\0');
  const digestOf = (items: readonly E[]) => shardDigest(items.map(keyOf), common, version);
  const shards =
    'entries' in source.articles
      ? wholeIndex(source.articles.entries, digestOf)
      : editedIndex(source.articles, output, digestOf);

  const toIndex: PlannedShard<E>[] = [];
  for (const shard of shards) {
    const at = `${BUNDLE}/${shard.name}`;
    const asLeft = output.asLeft && ((file: string) => output.asLeft?.(`${at}/${file}`) === true);
    const kept = output.previous && intactShard(path.join(output.previous, at), shard.digest, asLeft);
    if (kept) for (const file of kept) await output.keep(`${at}/${file}`);
    else toIndex.push(shard);
  }

  // Written here rather than by Pagefind: a full disk is then an error like any other failed write.
  const planned = new Map(toIndex.map((s) => [s.name, s.items()]));
  const jobs = toIndex.map((s) => ({
    name: s.name,
    records: () => searchRecords(planned.get(s.name) ?? [], config, htmlOf),
  }));
  await indexShards(
    jobs,
    language,
    words,
    async (name, made) => {
      // In order of path: Pagefind lists them in no stable order, and the manifest must be the same bytes.
      const files: BundleFile[] = made
        .filter((f) => NEEDED.test(f.path))
        .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      for (const f of files) await output.write(`${BUNDLE}/${name}/${f.path}`, f.content);
      // Last: a shard without it, or with files that differ from it, is indexed again.
      const items = planned.get(name) ?? [];
      const manifest = manifestOf(
        digestOf(items),
        files,
        items.map((e) => e.file),
      );
      await output.write(`${BUNDLE}/${name}/${SHARD_MANIFEST}`, manifest);
    },
    ahead,
  );

  // Every shard carries the UI (the same bytes); the search page loads it from the bundle's folder.
  const newest = shards[0] as PlannedShard<E>;
  for (const ui of UI_FILES)
    await output.write(`${BUNDLE}/${ui}`, await readFile(path.join(output.dir, BUNDLE, newest.name, ui)));
  // Pagefind's module as the UI imports it, over all the shards, with each one's page lengths (read
  // back from its metadata, kept or new: its ranking depends on them) and the ids of pages that
  // more than one shard has (each shard names its pages by a 7-digit hash: at 20,000 articles two
  // shards share one about every other build).
  const metas = await Promise.all(
    shards.map((s) => shardMeta(path.join(output.dir, BUNDLE, s.name), language)),
  );
  const loaded = shards.map((s, i) => ({ name: s.name, length: metas[i]?.length }));
  await output.write(`${BUNDLE}/pagefind.js`, shardLoader(loaded, sharedIds(metas)));
  const records = 'entries' in source.articles ? source.articles.entries.length : undefined;
  return {
    records: records ?? [...planned.values()].reduce((sum, items) => sum + items.length, 0),
    shards: shards.length,
    indexed: toIndex.map((s) => s.name),
  };
}

/** Every article's shard (see planShards); a site with none still gets a bundle, for its search page. */
function wholeIndex<E extends ListedEntry>(
  entries: readonly E[],
  digestOf: (items: readonly E[]) => string,
): PlannedShard<E>[] {
  const planned = planShards(entries, dayOf, shardsFrom());
  const shards = planned.length > 0 ? planned : [{ name: 'empty', items: [] }];
  return shards.map((s) => ({ name: s.name, items: () => s.items, digest: digestOf(s.items) }));
}

/**
 * The previous site's shards after a text edit, which moves no article (the same dates, so the
 * same shards): those holding an edited article, by their manifests, with the digest of their
 * articles now; the others as they were, with their articles taken from their manifests if one
 * turns out not to be intact. If a manifest cannot be read, or an edited article is in none: the
 * whole index, planned from every article.
 */
function editedIndex<E extends ListedEntry>(
  articles: EditedArticles<E>,
  output: SearchOutput,
  digestOf: (items: readonly E[]) => string,
): PlannedShard<E>[] {
  const members = articles.shards.map((name) => ({
    name,
    files: output.previous ? membersOf(path.join(output.previous, BUNDLE, name)) : undefined,
  }));
  const found = new Set(members.flatMap((m) => m.files ?? []));
  const unknown = members.length === 0 || members.some((m) => !m.files);
  if (unknown || [...articles.edited].some((f) => !found.has(f)))
    return wholeIndex([...articles.all()].sort(byDateDesc), digestOf);
  return members.map(({ name, files = [] }) => {
    const items = () => files.map((f) => articles.entryOf(f));
    const digest = files.some((f) => articles.edited.has(f)) ? digestOf(items()) : undefined;
    return { name, items, digest };
  });
}

/** The articles of the shard in `dir`, in its order, as its manifest lists them; undefined if it cannot be read. */
function membersOf(dir: string): readonly string[] | undefined {
  try {
    const manifest = JSON.parse(readFileSync(path.join(dir, SHARD_MANIFEST), 'utf8')) as ShardManifest;
    return Array.isArray(manifest.articles) ? manifest.articles : undefined;
  } catch {
    return undefined;
  }
}

/** The shards of a site's bundle, from the paths of its files, newest first as planShards orders them. */
export const shardsOf = (files: readonly string[]): string[] =>
  files
    .filter((f) => f.startsWith(`${BUNDLE}/`) && f.endsWith(`/${SHARD_MANIFEST}`))
    .map((f) => f.slice(BUNDLE.length + 1, -SHARD_MANIFEST.length - 1))
    .sort(newestFirst);

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

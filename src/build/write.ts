import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import path from 'node:path';
import type { bodyReader } from '../bodies/body-pack.js';
import type { BodyRef } from '../bodies/body-ref.js';
import { CacheUnusable } from '../bodies/cache-unusable.js';
import type { SpareSite } from '../cache/build-cache.js';
import type { ListedEntry } from '../graph/site-graph.js';
import { outputPathOf, SEARCH_BUNDLE_URL } from '../graph/urls.js';
import { carryOver, type PageWork, pageWork } from '../incremental/page-work.js';
import type { PlannedBuild } from '../incremental/planned-build.js';
import type { PreviousState } from '../incremental/previous-state.js';
import { isPublished, type PublishedResult } from '../incremental/published.js';
import { keepFiles } from '../output/keep-files.js';
import { outputFailure } from '../output/output-failure.js';
import { type Changes, type OutputFolder, openOutputFolder } from '../output/output-folder.js';
import type { FileResult } from '../site/load-files.js';
import type { Found, Planned } from './plan.js';
import type { PoolKeeper } from './pool-keeper.js';
import type { Prepared } from './prepare.js';

/** What a build wrote: the new site swapped in, and how each page came to be there. */
type BodyReader = ReturnType<typeof bodyReader>;

export interface Written {
  readonly work: PageWork;
  /** The pages linked from the previous site as they were. */
  readonly linked: ReadonlySet<string>;
  readonly changes: Changes;
  /** Every file of the new site. */
  readonly files: readonly string[];
  /** The spare the staging folder started as, if it was the one the cache knew. */
  readonly spare?: SpareSite;
}

/**
 * Writes the new site beside the output folder and swaps it in: the pages whose signatures changed
 * rendered, the others kept from the previous site (or left in the spare it started as), then the
 * static files, feeds, sitemap and search index. The previous site stays as it was if this fails.
 */
export async function write(
  run: Prepared,
  previous: PreviousState | undefined,
  planned: Planned,
  pools: PoolKeeper,
  bodies: BodyReader,
): Promise<Written> {
  const { out, root, cache } = run;
  const { found } = planned;
  const trusted = found.output !== undefined;
  let spare: SpareSite | undefined;
  const output = await openOutputFolder(out, {
    ...(trusted && {
      previousFiles: previous?.outputFiles,
      takeSpare: async (dir: string) => {
        const still = found.spare && found.changed && (await cache.knowsSpare(dir));
        spare =
          still && found.spare && found.changed
            ? { ...found.spare, pages: without(found.spare.pages, found.changed.spare) }
            : undefined;
        return spare?.files;
      },
    }),
    keepSpare: cache.persistent,
  }).catch((cause) => {
    throw outputFailure(cause, out, root);
  });
  try {
    const signed = trusted ? previous?.pages : undefined;
    const work = await run.step('find changed pages', () =>
      findWork(
        run,
        planned,
        signed && without(signed, found.repaired),
        output.prefilled ? spare?.pages : undefined,
      ),
    );
    for (const [file, outcome] of work.untouched) output.record(file, outcome);
    const linked = await run.step('keep unchanged pages', () => keepFiles(work.keep, output));
    await writeSite(run, planned, work, output, pools, bodies, previous);
    const changes = await run.step('swap in new site', () => output.commit());
    return { work, linked, changes, files: output.files(), ...(spare && { spare }) };
  } catch (cause) {
    await output.abort();
    throw outputFailure(cause, out, root);
  }
}

/** Which pages to render, keep or leave, by their signatures against the previous site's. */
function findWork(
  run: Prepared,
  { site, render }: Planned,
  previous: Readonly<Record<string, string>> | undefined,
  spared: Readonly<Record<string, string>> | undefined,
): PageWork {
  const fingerprints = render.templateFingerprints(run.keys.templates);
  const planned = pageWork(site.pages, fingerprints, run.keys.contentKey, previous, spared);
  if (!site.partial) return planned;
  const fresh = new Set([
    ...site.pages.map((p) => outputPathOf(p.url)),
    ...site.staticFiles.map((f) => f.to),
  ]);
  const bundle = run.search ? SEARCH_BUNDLE_URL.slice(1) : undefined;
  return carryOver(planned, run.cache.outputFiles() ?? [], fresh, bundle, previous ?? {}, spared);
}

/** Renders the pages to render, then copies and writes every other file the plan has. */
async function writeSite(
  run: Prepared,
  { site, env, render, found }: Planned,
  work: PageWork,
  output: OutputFolder,
  pools: PoolKeeper,
  bodies: BodyReader,
  previous: PreviousState | undefined,
): Promise<void> {
  const { step, root } = run;
  const onWritten = (done: number, total: number) => run.options.progress?.({ kind: 'pages', done, total });
  await step('render and write pages', () => {
    const parallel = pools.poolFor(work.render.length, 'render');
    return parallel
      ? parallel.writePages(work.render, output, onWritten)
      : render.writePages(work.render, env, root, output, onWritten, bodies.read);
  });
  // Nothing after this needs the workers: their memory goes before the feeds, search and cache.
  await pools.close();
  await step('copy static files', () => Promise.all(site.staticFiles.map((f) => output.copy(f.from, f.to))));
  await step('write feeds and sitemap', () =>
    Promise.all(site.files.map((f) => output.write(f.path, f.data))),
  );
  if (run.search)
    await step('index for search', () => writeSearch(run, site, found, output, bodies, previous));
}

/**
 * Writes the search index (see write-search-index.ts). Each article's record is keyed by what the
 * build already knows of it: its source file's digest and where its body is in the cache (length
 * and CRC of the HTML), so that only the changed shards' bodies are read. The previous site's shard
 * files are trusted by the stamps the cache recorded of them (a file written, replaced or deleted
 * since has another stamp: see changedFiles), not read; those the staging folder already holds as
 * the very same files (it started as the spare, which shares them) are left where they are. After a
 * text edit (a partial plan), only the shards of the edited articles are looked into.
 */
async function writeSearch(
  run: Prepared,
  site: PlannedBuild,
  found: Found,
  output: OutputFolder,
  bodies: BodyReader,
  previous: PreviousState | undefined,
): Promise<void> {
  const { writeSearchIndex, shardsOf } = await import('../search/write-search-index.js');
  const fresh = new Map<string, FileResult>();
  for (const r of site.results) if (typeof r !== 'string') fresh.set(r.path, r);
  const publishedOf = (file: string): PublishedResult => {
    const r = fresh.get(file) ?? previous?.resultOf(file);
    if (r && isPublished(r, run.publish)) return r;
    throw new CacheUnusable(`the build cache has no published article ${file} of the search index`);
  };
  const bodyOf = (file: string) => site.bodies.get(file) ?? (publishedOf(file).body as BodyRef);
  const bodyKey = (body: BodyRef) =>
    'html' in body ? createHash('sha1').update(body.html).digest('base64url') : `${body.length}:${body.crc}`;
  const articles =
    site.partial && previous
      ? {
          edited: new Set(site.bodies.keys()),
          shards: shardsOf(previous.outputFiles),
          entryOf: (file: string): ListedEntry => publishedOf(file).entry,
          all: () => previous.files.map((f) => previous.resultOf(f)).flatMap(publishedEntry(run)),
        }
      : { entries: site.entries ?? [] };
  const written = found.output ? run.cache.previous?.written : undefined;
  const changed = found.changed?.output;
  const asLeft = written && ((rel: string) => rel in written && !changed?.has(rel));
  // The very file the previous site has, as it left it: the same inode (one stat, no read).
  const staged = (rel: string) =>
    output.prefilled &&
    asLeft?.(rel) === true &&
    statSync(path.join(output.dir, rel), { throwIfNoEntry: false })?.ino === written?.[rel]?.[2];
  await writeSearchIndex(
    {
      articles,
      config: run.config,
      htmlOf: (e) => bodies.read(bodyOf(e.file)),
      bodyKeyOf: (e) => `${publishedOf(e.file).digest}:${bodyKey(bodyOf(e.file))}`,
      maker: run.keys.tool,
    },
    {
      dir: output.dir,
      ...(output.previous && { previous: output.previous }),
      write: output.write,
      keep: async (rel) => (staged(rel) ? output.record(rel, 'same') : output.keep(rel)),
      ...(asLeft && { asLeft }),
    },
  );
}

/** The entry of a result if this build publishes it. */
const publishedEntry =
  ({ publish }: Prepared) =>
  (r: FileResult | undefined): ListedEntry[] =>
    r && isPublished(r, publish) ? [r.entry] : [];

/** `signatures` but those of `files`. */
function without(
  signatures: Readonly<Record<string, string>>,
  files: Iterable<string>,
): Readonly<Record<string, string>> {
  const gone = [...files];
  if (gone.length === 0) return signatures;
  const left: Record<string, string> = { ...signatures };
  for (const f of gone) delete left[f];
  return left;
}

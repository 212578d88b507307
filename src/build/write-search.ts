import { createHash } from 'node:crypto';
import path from 'node:path';
import type { BodyRef } from '../bodies/body-ref.js';
import { CacheUnusable } from '../bodies/cache-unusable.js';
import type { ListedEntry } from '../graph/site-graph.js';
import type { PlannedBuild } from '../incremental/planned-build.js';
import type { PreviousState } from '../incremental/previous-state.js';
import { isPublished, type PublishedResult } from '../incremental/published.js';
import type { OutputFolder } from '../output/output-folder.js';
import { isAsWritten } from '../output/written-files.js';
import type { PagefindProcess } from '../search/run-pagefind.js';
import type { FileResult } from '../site/load-files.js';
import type { Found } from './plan.js';
import type { Prepared } from './prepare.js';
import type { BodyReader } from './write.js';

/**
 * Writes the search index (see write-search-index.ts). Each article's record is keyed by what the
 * build already knows of it: its source file's digest and where its body is in the cache (length
 * and CRC of the HTML), so that only the changed shards' bodies are read. The previous site's shard
 * files are trusted by the stamps the cache recorded of them (a file written, replaced or deleted
 * since has another stamp: see changedFiles), not read; those the staging folder already holds as
 * the very same files (it started as the spare, which shares them) are left where they are. After a
 * text edit (a partial plan), only the shards of the edited articles are looked into.
 *
 * The first shard to index goes to `pagefind`, a Pagefind process the build started ahead.
 *
 * Returns the files of the bundle that are the previous site's very files, as it left them (linked,
 * or left in the staging folder): their stamps are the recorded ones, which the cache then takes
 * without looking at them again (a stat of each of the ~23,000 files of a 20,000-article bundle).
 */
export async function writeSearch(
  run: Prepared,
  site: PlannedBuild,
  found: Found,
  output: OutputFolder,
  bodies: BodyReader,
  previous: PreviousState | undefined,
  pagefind?: PagefindProcess,
): Promise<ReadonlySet<string>> {
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
  // The very file the previous site has, as it left it: found so in the spare the staging folder
  // started as (by previousChanges, so not looked at again), or with the same stamp (one stat, no read).
  const staged = (rel: string) => {
    if (!output.prefilled || asLeft?.(rel) !== true) return false;
    return found.changed?.inSpare.has(rel) || isAsWritten(path.join(output.dir, rel), written?.[rel], 'same');
  };
  const taken = new Set<string>();
  const keep = async (rel: string) => {
    if (staged(rel)) output.record(rel, 'same');
    else if (!(await output.keep(rel))) return;
    taken.add(rel);
  };
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
      keep,
      ...(asLeft && { asLeft }),
    },
    pagefind,
  );
  return taken;
}

/** The entry of a result if this build publishes it. */
const publishedEntry =
  ({ publish }: Prepared) =>
  (r: FileResult | undefined): ListedEntry[] =>
    r && isPublished(r, publish) ? [r.entry] : [];

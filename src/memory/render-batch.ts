import { readFile } from 'node:fs/promises';
import type nunjucks from 'nunjucks';
import type { PageWork } from '../incremental/page-work.js';
import type { PlannedBuild } from '../incremental/planned-build.js';
import { digestOf } from '../site/load-files.js';
import { renderPage } from '../templates/render-page.js';
import { outputPathOf } from '../urls/urls.js';

/** What a rebuild changes of the served site, made whole before any of it is served. */
export interface Batch {
  /** Output path → bytes, added or replaced. */
  readonly write: ReadonlyMap<string, Uint8Array>;
  /** Output paths served before that this site does not have. */
  readonly remove: readonly string[];
  /** The static files of the site: output path → digest of the bytes. */
  readonly copied: ReadonlyMap<string, string>;
}

/**
 * Renders the pages `work` says changed; for a site planned whole, also copies the static files
 * whose bytes changed, makes feeds and sitemap (cheap: compared by their bytes) and removes what
 * the site no longer has. A site planned after text edits changes only its pages (carryOver).
 */
export async function renderBatch(
  site: PlannedBuild,
  work: PageWork,
  env: nunjucks.Environment,
  root: string,
  served: ReadonlyMap<string, Uint8Array>,
  copiedBefore: ReadonlyMap<string, string>,
): Promise<Batch> {
  const write = new Map<string, Uint8Array>();
  for (const page of work.render) write.set(outputPathOf(page.url), Buffer.from(renderPage(env, page, root)));
  if (site.partial) return { write, remove: [], copied: copiedBefore };
  const copied = new Map<string, string>();
  for (const f of site.staticFiles) {
    const bytes = await readFile(f.from);
    const digest = digestOf(bytes);
    copied.set(f.to, digest);
    if (copiedBefore.get(f.to) !== digest) write.set(f.to, bytes);
  }
  const generated = new Set<string>();
  for (const f of site.files) {
    const bytes = Buffer.from(f.data);
    generated.add(f.path);
    const was = served.get(f.path);
    if (!was || !Buffer.from(was).equals(bytes)) write.set(f.path, bytes);
  }
  const kept = (out: string) => out in work.signatures || copied.has(out) || generated.has(out);
  return { write, remove: [...served.keys()].filter((out) => !kept(out)), copied };
}

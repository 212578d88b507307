import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import type { SiteConfig } from '../config/site-config.js';
import { error, GazetteError } from '../errors/diagnostic.js';
import type { Entry } from '../graph/site-graph.js';
import { SEARCH_BUNDLE_URL } from '../graph/urls.js';
import { DIGEST_FILE, recordsDigest, reusePreviousIndex } from './reuse-index.js';
import { searchLanguage, searchRecords } from './search-records.js';

/**
 * Indexes the published articles with Pagefind and writes its bundle (index, WebAssembly, and the
 * default UI's pagefind-ui.js/css) into `outDir/pagefind/`, so that search works from the site itself,
 * with no server and nothing fetched from elsewhere. When the previous site (`previousDir`) has a
 * bundle made from the same records, it is copied instead: the same bytes, without the wait.
 */
export async function writeSearchIndex(
  entries: readonly Entry[],
  config: SiteConfig,
  outDir: string,
  previousDir?: string,
): Promise<{ records: number; reused: boolean }> {
  const records = searchRecords(entries, config);
  const target = path.join(outDir, SEARCH_BUNDLE_URL);
  const digest = await recordsDigest(records);
  if (previousDir && (await reusePreviousIndex(path.join(previousDir, SEARCH_BUNDLE_URL), target, digest)))
    return { records: records.length, reused: true };

  const fail = (why: string): never => {
    throw new GazetteError([
      error(
        'search index',
        `Pagefind could not build it: ${why}`,
        undefined,
        'build with --no-search to skip it',
      ),
    ]);
  };
  const created = await pagefind
    .createIndex({ forceLanguage: searchLanguage(config.language) })
    .catch((cause: unknown) => fail(String(cause)));
  if (!created.index) return fail(created.errors.join('; ') || 'no index');
  const { index } = created;
  try {
    // One at a time: the Pagefind service handles them in order anyway, and errors stay in order.
    for (const record of records) {
      const added = await index.addCustomRecord({
        ...record,
        meta: { ...record.meta },
        filters: { ...record.filters },
      });
      if (added.errors.length > 0) fail(`${record.url}: ${added.errors.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath: target });
    if (written.errors.length > 0) fail(written.errors.join('; '));
    await writeFile(path.join(target, DIGEST_FILE), `${digest}\n`);
    return { records: records.length, reused: false };
  } finally {
    // The service stays for other builds in this process; it does not keep the process alive.
    await index.deleteIndex();
  }
}

import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SiteConfig } from '../config/site-config.js';
import type { ListedEntry } from '../graph/site-graph.js';
import { SEARCH_BUNDLE_URL } from '../urls/urls.js';
import { DIGEST_FILE, recordsDigest, reusePreviousIndex } from './reuse-index.js';
import { runPagefind } from './run-pagefind.js';
import { searchLanguage, searchRecords } from './search-records.js';

/**
 * Indexes the published articles with Pagefind and writes its bundle (index, WebAssembly, and the
 * default UI's pagefind-ui.js/css) into `outDir/pagefind/`, so that search works from the site itself,
 * with no server and nothing fetched from elsewhere. When the previous site (`previousDir`) has a
 * bundle made from the same records, it is copied instead: the same bytes, without the wait.
 */
export async function writeSearchIndex<E extends ListedEntry>(
  entries: readonly E[],
  config: SiteConfig,
  htmlOf: (entry: E) => string,
  outDir: string,
  previousDir?: string,
): Promise<{ records: number; reused: boolean }> {
  const records = searchRecords(entries, config, htmlOf);
  const target = path.join(outDir, SEARCH_BUNDLE_URL);
  const digest = await recordsDigest(records);
  if (previousDir && (await reusePreviousIndex(path.join(previousDir, SEARCH_BUNDLE_URL), target, digest)))
    return { records: records.length, reused: true };

  // Written here rather than by Pagefind: a full disk is then an error like any other failed write.
  const files = await runPagefind({ language: searchLanguage(config.language), records });
  for (const file of files) {
    const to = path.join(target, file.path);
    await mkdir(path.dirname(to), { recursive: true });
    await writeFile(to, file.content);
  }
  await writeFile(path.join(target, DIGEST_FILE), `${digest}\n`);
  return { records: records.length, reused: false };
}

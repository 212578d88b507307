/**
 * The Pagefind process (see run-pagefind.ts): starts Pagefind's service for the language it is
 * started with, receives one job, indexes its records with Pagefind's Node API and answers with the
 * bundle's files, or with Pagefind's errors. If Pagefind's service stops, its requests never
 * settle: nothing is left to wait for, this process ends without an answer, and the build says so.
 */
import * as pagefind from 'pagefind';
import { indexWords } from './index-words.js';
import type { BundleFile, PagefindAnswer, PagefindJob } from './run-pagefind.js';

// Started ahead of its job (startPagefind): Pagefind's service starts now, for the language named.
const ahead = process.argv[2];
const early = ahead === undefined ? undefined : pagefind.createIndex({ forceLanguage: ahead });
// A failure is the job's to report, when it comes; none is left unhandled meanwhile.
early?.catch(() => {});

async function index(job: PagefindJob): Promise<PagefindAnswer> {
  const created = await (early && job.language === ahead
    ? early
    : pagefind.createIndex({ forceLanguage: job.language }));
  if (!created.index) return { errors: created.errors.length > 0 ? created.errors : ['no index'] };
  const { index } = created;
  // All sent at once: each awaited in turn cost a round trip through Pagefind's service per article.
  // The answers come back in order, so the first error named is the first record's.
  const added = await Promise.all(
    job.records.map((record) =>
      index.addCustomRecord({
        ...record,
        content: job.words ? indexWords(record.content, job.words) : record.content,
        meta: { ...record.meta },
        filters: { ...record.filters },
      }),
    ),
  );
  const failed = added.findIndex((a) => a.errors.length > 0);
  if (failed >= 0) return { errors: [`${job.records[failed]?.url}: ${added[failed]?.errors.join('; ')}`] };
  const got = await index.getFiles();
  if (got.errors.length > 0) return { errors: got.errors };
  const files: BundleFile[] = got.files.map((f) => ({ path: f.path, content: f.content }));
  return { files };
}

const answer = async (message: PagefindAnswer) => {
  await pagefind.close();
  // Held open again until the answer is sent; then this process has nothing more to do.
  process.channel?.ref();
  if (process.connected) process.send?.(message, () => process.disconnect());
};

// A build that is killed takes its Pagefind with it (also one gone while this was loading).
process.once('disconnect', () => process.exit(0));
if (!process.connected) process.exit(0);
process.once('message', (job: PagefindJob) => {
  // Waiting for Pagefind, not for the parent: if Pagefind's service stops, this process ends.
  process.channel?.unref();
  index(job).then(answer, (cause: unknown) =>
    answer({ errors: [cause instanceof Error ? cause.message : String(cause)] }),
  );
});

import { build } from '../build.js';
import { formatIn, sentenceOf } from '../errors/diagnostic.js';
import { outputProblem } from '../output/output-place.js';
import type { Io } from './io.js';
import { parseCommandLine } from './parse-options.js';
import { progressReporter } from './progress.js';
import { BUILD_HELP, UsageError } from './usage.js';

export async function buildCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseOptions(args);
  if (values.help) {
    io.out(BUILD_HELP);
    return 0;
  }
  const root = values.root ?? '.';
  // Refused before anything is read or written: bad usage, not a problem of the site.
  const refused = outputProblem(root, values.out);
  if (refused) throw new UsageError(`${sentenceOf('GZ0511', refused, io.lang ?? 'zh')} [GZ0511]`);
  const started = performance.now();
  const report = await build({
    root,
    ...(values.out !== undefined && { out: values.out }),
    ...(values['base-url'] !== undefined && { baseUrl: values['base-url'] }),
    drafts: values.drafts ?? false,
    future: values.future ?? false,
    ...(values.jobs !== undefined && { jobs: parseJobs(values.jobs) }),
    search: !values['no-search'],
    cache: !values['no-cache'],
    ...(!values.quiet && io.progress && { progress: progressReporter(io.progress) }),
  });
  for (const w of report.warnings) io.err(formatIn(io.lang ?? 'zh')(w));
  if (report.cacheDiscarded)
    io.err(`note: the build cache was not used (${report.cacheDiscarded}); everything was built anew`);
  if (report.repaired) io.err(repairedNote(report.repaired));
  // No article disappears silently: each left out for its date is named where its date is.
  for (const d of report.futureDated) io.err(formatIn(io.lang ?? 'zh')(d));
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const { drafts } = report.skipped;
  const skipped = [
    drafts.length && `${drafts.length} draft(s)`,
    report.skipped.future && `${report.skipped.future} future-dated`,
  ]
    .filter(Boolean)
    .join(', ');
  const { added, changed, removed, unchanged } = report.changes;
  if (values['list-changes']) {
    // One line per file, like `git status --short`: for upload scripts and curious editors.
    for (const f of added) io.out(`A ${f}`);
    for (const f of changed) io.out(`M ${f}`);
    for (const f of removed) io.out(`D ${f}`);
  }
  // Named, so that no editor takes a draft for published: an article is one until its line goes.
  for (const file of drafts.slice(0, NAMED_DRAFTS)) io.out(`not published (draft: true): ${file}`);
  if (drafts.length > NAMED_DRAFTS) io.out(`… and ${drafts.length - NAMED_DRAFTS} more drafts`);
  if (report.upToDate) {
    io.out(
      `up to date: ${count(report.articles, 'article')}, ${count(report.pages, 'page')}, nothing changed since the last build (${seconds}s) → ${report.out}`,
    );
    return 0;
  }
  const delta =
    unchanged + changed.length + removed.length > 0
      ? `; ${changed.length} changed, ${added.length} added, ${removed.length} removed, ${unchanged} unchanged`
      : '';
  io.out(
    `built ${count(report.articles, 'article')} into ${count(report.pages, 'page')} (${report.rendered} rendered) and ${count(report.staticFiles, 'static file')} in ${seconds}s → ${report.out}` +
      (skipped ? ` (skipped ${skipped})` : '') +
      delta,
  );
  return 0;
}

/** Drafts named one by one before the summary; a site may keep many, the rest are counted. */
const NAMED_DRAFTS = 10;

const parseOptions = (args: string[]) =>
  parseCommandLine(
    {
      args,
      options: {
        root: { type: 'string' },
        out: { type: 'string' },
        'base-url': { type: 'string' },
        drafts: { type: 'boolean' },
        future: { type: 'boolean' },
        'no-search': { type: 'boolean' },
        'no-cache': { type: 'boolean' },
        quiet: { type: 'boolean', short: 'q' },
        jobs: { type: 'string', short: 'j' },
        'list-changes': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    },
    BUILD_HELP,
  );

function parseJobs(text: string): number {
  const jobs = Number(text);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64)
    throw new UsageError(`--jobs must be a whole number from 1 to 64\n\n${BUILD_HELP}`);
  return jobs;
}

/** Files of the output changed by hand since the last build, which this one made again. */
function repairedNote(files: readonly string[]): string {
  const shown = files.slice(0, 3).join(', ') + (files.length > 3 ? `, … (${files.length} in all)` : '');
  const [was, it] = files.length === 1 ? ['was', 'it was'] : ['were', 'they were'];
  return `note: ${count(files.length, 'file')} of the output ${was} changed or deleted since the last build (${shown}); ${it} made again`;
}

/** `1 article`, `2 articles`. */
const count = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

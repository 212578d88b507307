import { build } from '../build.js';
import { formatIn, sentenceOf } from '../errors/diagnostic.js';
import { type TerminalText, terminalText } from '../messages/terminal.js';
import { outputProblem } from '../output/output-place.js';
import type { Io } from './io.js';
import { parseCommandLine } from './parse-options.js';
import { progressReporter } from './progress.js';
import { UsageError } from './usage.js';

export async function buildCommand(args: string[], io: Io): Promise<number> {
  const text = terminalText(io.lang);
  const { values } = parseOptions(args, text);
  if (values.help) {
    io.out(text.help.build);
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
    ...(values.jobs !== undefined && { jobs: parseJobs(values.jobs, text) }),
    search: !values['no-search'],
    cache: !values['no-cache'],
    ...(!values.quiet && io.progress && { progress: progressReporter(io.progress, process.env, text) }),
  });
  const lang = io.lang ?? 'zh';
  for (const w of report.warnings) io.err(formatIn(lang)(w));
  if (report.cacheDiscarded) io.err(text.cacheNotUsed(report.cacheDiscarded));
  if (report.repaired) io.err(text.repaired(report.repaired));
  // No article disappears silently: each left out for its date is named where its date is.
  for (const d of report.futureDated) io.err(formatIn(lang)(d));
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const { drafts } = report.skipped;
  const { added, changed, removed, unchanged } = report.changes;
  if (values['list-changes']) {
    // One line per file, like `git status --short`: for upload scripts and curious editors.
    for (const f of added) io.out(`A ${f}`);
    for (const f of changed) io.out(`M ${f}`);
    for (const f of removed) io.out(`D ${f}`);
  }
  // Named, so that no editor takes a draft for published: an article is one until its line goes.
  for (const file of drafts.slice(0, NAMED_DRAFTS)) io.out(text.draftNotPublished(file));
  if (drafts.length > NAMED_DRAFTS) io.out(text.moreDrafts(drafts.length - NAMED_DRAFTS));
  const { articles, pages, out } = report;
  if (report.upToDate) {
    io.out(text.upToDate({ articles, pages, seconds, out }));
    return 0;
  }
  const delta =
    unchanged + changed.length + removed.length > 0
      ? { changed: changed.length, added: added.length, removed: removed.length, unchanged }
      : undefined;
  io.out(
    text.built({
      articles,
      pages,
      rendered: report.rendered,
      staticFiles: report.staticFiles,
      seconds,
      out,
      drafts: drafts.length,
      future: report.skipped.future,
      ...(delta && { delta }),
    }),
  );
  return 0;
}

/** Drafts named one by one before the summary; a site may keep many, the rest are counted. */
const NAMED_DRAFTS = 10;

const parseOptions = (args: string[], text: TerminalText) =>
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
    text.help.build,
    text,
  );

function parseJobs(given: string, text: TerminalText): number {
  const jobs = Number(given);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64)
    throw new UsageError(`${text.badJobs}\n\n${text.help.build}`);
  return jobs;
}

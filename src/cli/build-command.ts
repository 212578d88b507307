import { build } from '../build.js';
import { formatDiagnostic } from '../errors/diagnostic.js';
import type { Io } from './io.js';
import { parseCommandLine } from './parse-options.js';
import { progressReporter } from './progress.js';
import { BUILD_HELP } from './usage.js';

export async function buildCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseOptions(args);
  if (values.help) {
    io.out(BUILD_HELP);
    return 0;
  }
  const started = performance.now();
  const report = await build({
    root: values.root ?? '.',
    ...(values.out !== undefined && { out: values.out }),
    ...(values['base-url'] !== undefined && { baseUrl: values['base-url'] }),
    drafts: values.drafts ?? false,
    future: values.future ?? false,
    search: !values['no-search'],
    ...(!values.quiet && io.progress && { progress: progressReporter(io.progress) }),
  });
  for (const w of report.warnings) io.err(formatDiagnostic(w));
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const skipped = [
    report.skipped.draft && `${report.skipped.draft} draft(s)`,
    report.skipped.future && `${report.skipped.future} future-dated`,
  ]
    .filter(Boolean)
    .join(', ');
  io.out(
    `built ${report.articles} articles into ${report.pages} pages and ${report.staticFiles} static files in ${seconds}s → ${report.out}` +
      (skipped ? ` (skipped ${skipped})` : ''),
  );
  return 0;
}

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
        quiet: { type: 'boolean', short: 'q' },
        help: { type: 'boolean', short: 'h' },
      },
    },
    BUILD_HELP,
  );

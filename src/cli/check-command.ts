import { runCheck } from '../check/run-check.js';
import { NAMED_AT_MOST } from '../content/future-dated.js';
import { type Diagnostic, formatIn, inLanguage } from '../errors/diagnostic.js';
import { checkSummary } from '../messages/terminal.js';
import type { Io } from './io.js';
import { parseCommandLine } from './parse-options.js';
import { CHECK_HELP, UsageError } from './usage.js';

/** `gazette check`: every problem of the site, on stdout (it is the command's output), then a summary. */
export async function checkCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseOptions(args);
  if (values.help) {
    io.out(CHECK_HELP);
    return 0;
  }
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json')
    throw new UsageError(`--format must be "text" or "json", not "${format}"\n\n${CHECK_HELP}`);

  const report = await runCheck({ root: values.root ?? '.' });
  const errors = report.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = report.diagnostics.filter((d) => d.severity === 'warning').length;
  if (format === 'json') {
    io.out(
      JSON.stringify(
        {
          diagnostics: report.diagnostics.map((d) => toJson(inLanguage(d, io.lang ?? 'zh'))),
          summary: {
            errors,
            warnings,
            articles: report.articles,
            pages: report.pages,
            linksChecked: report.linksChecked,
            notChecked: report.notChecked,
          },
        },
        null,
        2,
      ),
    );
  } else {
    for (const d of report.diagnostics) io.out(formatIn(io.lang ?? 'zh')(d));
    if (report.notChecked.length > 0) io.out(notCheckedLine(report.notChecked));
    const { articles, pages, linksChecked } = report;
    io.out(checkSummary({ errors, warnings, articles, pages, linksChecked }, io.lang ?? 'zh'));
  }
  return errors > 0 ? 1 : 0;
}

/** The files whose links were not checked, as they have errors: the first ten named, the others counted. */
function notCheckedLine(files: readonly string[]): string {
  const named = files.slice(0, NAMED_AT_MOST).join(', ');
  const more = files.length > NAMED_AT_MOST ? ` and ${files.length - NAMED_AT_MOST} more` : '';
  const which =
    files.length === 1
      ? 'the links of 1 article were not checked, as it has errors (the site was checked without it)'
      : `the links of ${files.length} articles were not checked, as they have errors (the site was checked without them)`;
  return `check: ${which}: ${named}${more}`;
}

const toJson = (d: Diagnostic) => ({
  severity: d.severity,
  code: d.code ?? null,
  file: d.file,
  line: d.position?.line ?? null,
  column: d.position?.column ?? null,
  message: d.message,
  hint: d.hint ?? null,
});

const parseOptions = (args: string[]) =>
  parseCommandLine(
    {
      args,
      options: {
        root: { type: 'string' },
        format: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    },
    CHECK_HELP,
  );

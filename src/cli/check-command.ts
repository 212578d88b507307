import { runCheck } from '../check/run-check.js';
import { NAMED_AT_MOST } from '../content/future-dated.js';
import { type Diagnostic, formatIn, inLanguage } from '../errors/diagnostic.js';
import { type TerminalText, terminalText } from '../messages/terminal.js';
import type { Io } from './io.js';
import { parseCommandLine } from './parse-options.js';
import { UsageError } from './usage.js';

/** `gazette check`: every problem of the site, on stdout (it is the command's output), then a summary. */
export async function checkCommand(args: string[], io: Io): Promise<number> {
  const text = terminalText(io.lang);
  const { values } = parseOptions(args, text);
  if (values.help) {
    io.out(text.help.check);
    return 0;
  }
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json')
    throw new UsageError(`${text.badFormat(format)}\n\n${text.help.check}`);

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
    if (report.notChecked.length > 0) io.out(notCheckedLine(report.notChecked, text));
    const { articles, pages, linksChecked } = report;
    io.out(text.checkSummary({ errors, warnings, articles, pages, linksChecked }));
  }
  return errors > 0 ? 1 : 0;
}

/** The files whose links were not checked, as they have errors: the first ten named, the others counted. */
const notCheckedLine = (files: readonly string[], text: TerminalText): string =>
  text.notChecked(files, Math.max(0, files.length - NAMED_AT_MOST));

const toJson = (d: Diagnostic) => ({
  severity: d.severity,
  code: d.code ?? null,
  file: d.file,
  line: d.position?.line ?? null,
  column: d.position?.column ?? null,
  message: d.message,
  hint: d.hint ?? null,
});

const parseOptions = (args: string[], text: TerminalText) =>
  parseCommandLine(
    {
      args,
      options: {
        root: { type: 'string' },
        format: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    },
    text.help.check,
    text,
  );

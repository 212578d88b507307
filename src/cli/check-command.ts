import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { auditCounts } from '../audit/audit-counts.js';
import { type AuditResult, isMoment } from '../audit/audit-site.js';
import { auditReport } from '../audit/report-markdown.js';
import { runCheck } from '../check/run-check.js';
import { siteTime } from '../content/dates.js';
import { NAMED_AT_MOST } from '../content/future-dated.js';
import { type Diagnostic, formatIn, inLanguage } from '../errors/diagnostic.js';
import { type AuditLine, type TerminalText, terminalText } from '../messages/terminal.js';
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

  // --report implies --audit; GAZETTE_NOW stands for --now (CI jobs, tests).
  const audit = values.audit || values.report !== undefined;
  if (values.now !== undefined && !audit)
    throw new UsageError(`${text.nowWithoutAudit}\n\n${text.help.check}`);
  const now = audit ? (values.now ?? process.env.GAZETTE_NOW) : undefined;
  if (now !== undefined && !isMoment(now)) throw new UsageError(`${text.badNow(now)}\n\n${text.help.check}`);
  const source = values.report && sourceFolderOf(values.report, values.root ?? '.');
  if (source) throw new UsageError(`${text.reportInSources(source)}\n\n${text.help.check}`);

  const report = await runCheck({
    root: values.root ?? '.',
    ...(audit && { audit: now === undefined ? {} : { now } }),
  });
  const lang = io.lang ?? 'zh';
  const auditLine = report.audit && auditLineOf(report.audit, report.audit.site.timeZone);
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
          ...(audit && {
            audit: report.audit
              ? { at: auditLine?.at, vetoes: report.audit.vetoes, ...auditCounts(report.audit) }
              : null,
          }),
        },
        null,
        2,
      ),
    );
  } else {
    for (const d of report.diagnostics) io.out(formatIn(lang)(d));
    if (report.notChecked.length > 0) io.out(notCheckedLine(report.notChecked, text));
    if (audit) io.out(auditLine ? text.auditSummary(auditLine) : text.notAudited);
    const { articles, pages, linksChecked } = report;
    io.out(text.checkSummary({ errors, warnings, articles, pages, linksChecked }));
  }
  if (values.report !== undefined && report.audit) {
    const written = await writeReport(values.report, auditReport(report.audit, report.audit.site));
    // The report goes beside the output, never into it: stderr, so that --format json stays JSON.
    io.err(
      written === true ? text.reportWritten(values.report) : text.reportNotWritten(values.report, written),
    );
    if (written !== true) return 1;
  }
  return errors > 0 ? 1 : 0;
}

/** The site's folder of sources (content, public, templates) that `file` would be in, if any. */
function sourceFolderOf(file: string, root: string): string | undefined {
  return SOURCE_FOLDERS.find((folder) => {
    const rel = path.relative(path.resolve(root, folder), path.resolve(file));
    return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
  });
}

const SOURCE_FOLDERS = ['content', 'public', 'templates'];

const auditLineOf = (a: AuditResult, timeZone: string): AuditLine => {
  const c = auditCounts(a);
  return {
    at: siteTime(a.input.now, timeZone),
    vetoes: a.vetoes,
    wording: c.wording,
    typography: c.typography,
    brokenLinks: c.brokenLinks,
  };
};

/** Writes the report whole (a temporary file renamed into place); true, or why it could not. */
async function writeReport(file: string, text: string): Promise<true | string> {
  const temp = `${file}.gazette-new`;
  try {
    await writeFile(temp, text);
    await rename(temp, file);
    return true;
  } catch (e) {
    await rm(temp, { force: true }).catch(() => {});
    return (e as NodeJS.ErrnoException).code ?? String(e);
  }
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
        audit: { type: 'boolean' },
        now: { type: 'string' },
        report: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    },
    text.help.check,
    text,
  );

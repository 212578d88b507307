import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { auditCounts } from '../audit/audit-counts.js';
import { type AuditResult, isMoment } from '../audit/audit-site.js';
import { auditReport } from '../audit/report-markdown.js';
import { runCheck } from '../check/run-check.js';
import { siteTime } from '../content/dates.js';
import { NAMED_AT_MOST } from '../content/future-dated.js';
import { type Diagnostic, formatIn, inLanguage } from '../errors/diagnostic.js';
import {
  type AuditLine,
  auditSummary,
  checkSummary,
  notAudited,
  reportNotWritten,
  reportWritten,
} from '../messages/terminal.js';
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

  // --report implies --audit; GAZETTE_NOW stands for --now (CI jobs, tests).
  const audit = values.audit || values.report !== undefined;
  if (values.now !== undefined && !audit) throw new UsageError(`--now is for --audit\n\n${CHECK_HELP}`);
  const now = audit ? (values.now ?? process.env.GAZETTE_NOW) : undefined;
  if (now !== undefined && !isMoment(now))
    throw new UsageError(
      `--now must be a date like 2022-04-01 or 2022-04-01 09:00 (site time), not "${now}"\n\n${CHECK_HELP}`,
    );
  const source = values.report && sourceFolderOf(values.report, values.root ?? '.');
  if (source)
    throw new UsageError(
      `--report must not be in the site's ${source}/, which the next build would read: write it beside the site, e.g. --report 自查报告.md\n\n${CHECK_HELP}`,
    );

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
    if (report.notChecked.length > 0) io.out(notCheckedLine(report.notChecked));
    if (audit) io.out(auditLine ? auditSummary(auditLine, lang) : notAudited(lang));
    const { articles, pages, linksChecked } = report;
    io.out(checkSummary({ errors, warnings, articles, pages, linksChecked }, lang));
  }
  if (values.report !== undefined && report.audit) {
    const written = await writeReport(values.report, auditReport(report.audit, report.audit.site));
    // The report goes beside the output, never into it: stderr, so that --format json stays JSON.
    io.err(
      written === true ? reportWritten(values.report, lang) : reportNotWritten(values.report, written, lang),
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
        audit: { type: 'boolean' },
        now: { type: 'string' },
        report: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    },
    CHECK_HELP,
  );

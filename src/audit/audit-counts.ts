import type { AuditResult } from './audit-site.js';

/** How many findings of each kind: for the summary line, the JSON and the report. */
export interface AuditCounts {
  readonly blankColumns: number;
  readonly staleColumns: number;
  readonly homeStale: boolean;
  readonly seriousWording: number;
  readonly wording: number;
  readonly typography: number;
  readonly brokenLinks: number;
}

export function auditCounts(result: AuditResult): AuditCounts {
  const count = (code: string, severity?: string) =>
    result.diagnostics.filter((d) => d.code === code && (!severity || d.severity === severity)).length;
  return {
    blankColumns: count('GZ0801'),
    staleColumns: count('GZ0802'),
    homeStale: count('GZ0803') > 0,
    seriousWording: count('GZ0804', 'error'),
    wording: count('GZ0804'),
    typography: count('GZ0805'),
    brokenLinks: result.input.links.length,
  };
}

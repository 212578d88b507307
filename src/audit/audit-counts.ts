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
    blankColumns: count('GZ0901'),
    staleColumns: count('GZ0902'),
    homeStale: count('GZ0903') > 0,
    seriousWording: count('GZ0904', 'error'),
    wording: count('GZ0904'),
    typography: count('GZ0905'),
    brokenLinks: result.input.links.length,
  };
}

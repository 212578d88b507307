import type { Diagnostic } from '../errors/diagnostic.js';
import type { AuditInput } from './audit-input.js';
import { blankColumns } from './blank-columns.js';
import { staleColumns } from './stale-columns.js';
import { staleHome } from './stale-home.js';
import { typographyFindings } from './typography.js';
import { wordingFindings } from './wording.js';

/** The audit's rules, in the order of the report: the 单项否决 items first. Each is pure. */
const RULES: readonly ((input: AuditInput) => Diagnostic[])[] = [
  staleHome,
  blankColumns,
  staleColumns,
  (input) => wordingFindings(input.texts, input.wording),
  (input) => typographyFindings(input.texts),
];

/** What the site would fail the 抽查 for at once (单项否决), by indicator. */
export type Veto = 'home' | 'blank' | 'stale' | 'wording';

export interface AuditFindings {
  readonly diagnostics: readonly Diagnostic[];
  readonly vetoes: readonly Veto[];
}

const VETO_OF: Readonly<Record<string, Veto>> = {
  GZ0903: 'home',
  GZ0901: 'blank',
  GZ0902: 'stale',
  GZ0904: 'wording',
};

export function runAudit(input: AuditInput): AuditFindings {
  const diagnostics = RULES.flatMap((rule) => rule(input));
  // A 单项否决 finding is an error, whichever rule made it; one below its threshold a warning.
  const vetoes = new Set<Veto>();
  for (const d of diagnostics) {
    const veto = d.code && VETO_OF[d.code];
    if (veto && d.severity === 'error') vetoes.add(veto);
  }
  return {
    diagnostics,
    vetoes: (['home', 'blank', 'stale', 'wording'] as const).filter((v) => vetoes.has(v)),
  };
}

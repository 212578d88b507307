import { CONFIG_FILE } from '../config/load-config.js';
import { type Diagnostic, problem } from '../errors/diagnostic.js';
import type { AuditInput } from './audit-input.js';
import { VETO } from './thresholds.js';

/** 空白栏目: categories with no published article; 单项否决 (errors) from VETO.blankColumns on. */
export function blankColumns(input: AuditInput): Diagnostic[] {
  const used = new Set(input.articles.map((a) => a.category));
  const blank = input.columns.filter((c) => !used.has(c.name));
  const veto = blank.length >= VETO.blankColumns;
  return blank.map((c) =>
    problem(
      'GZ0901',
      CONFIG_FILE,
      c.at,
      { name: c.name, count: blank.length, veto: veto ? 1 : 0 },
      veto ? 'error' : 'warning',
    ),
  );
}

import type { Lang } from './language.js';
import { TERMINAL_EN } from './terminal-en.js';
import type { TerminalText } from './terminal-text.js';
import { TERMINAL_ZH } from './terminal-zh.js';

/**
 * The lines around the diagnostics that editors read in the terminal (summaries, notes, bad usage,
 * help), one file per language: terminal-zh.ts and terminal-en.ts, both held to `TerminalText`, so
 * that a line added in one language is missing in the other only until tsc says so. The words that
 * tools read (error, warning, option names, `A`/`M`/`D`) stay as they are in both.
 */
export const terminalText = (lang: Lang | undefined): TerminalText =>
  lang === 'en' ? TERMINAL_EN : TERMINAL_ZH;

export type { AuditLine, BuildCounts, CheckCounts, TerminalText } from './terminal-text.js';

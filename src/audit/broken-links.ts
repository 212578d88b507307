import type { Diagnostic } from '../errors/diagnostic.js';

/**
 * The codes of what a build and check find that breaks a link, an image or an attachment: the
 * 抽查 takes points off for each (链接可用性, 附件下载). The page check's own problems have no code
 * and are links all of them (checkPages).
 */
const BROKEN = new Set(['GZ0502', 'GZ0503', 'GZ0603', 'GZ0604', 'GZ0605', 'GZ0606', 'GZ0607']);

export const isBrokenLink = (d: Diagnostic): boolean =>
  d.severity === 'error' && d.code !== undefined && BROKEN.has(d.code);

/** Broken links as check reported them, for the audit's report: never reported a second time. */
export const brokenLinks = (found: readonly Diagnostic[], pages: readonly Diagnostic[]): Diagnostic[] => [
  ...found.filter(isBrokenLink),
  ...pages.filter((d) => d.severity === 'error'),
];

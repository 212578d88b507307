import { AUDIT } from './audit.js';
import { CHECKS } from './checks.js';
import { COMMANDS } from './commands.js';
import { CONFIG } from './config.js';
import { CONTENT } from './content.js';
import { DATES } from './dates.js';
import { FILES } from './files.js';
import { TEMPLATES } from './templates.js';
import type { Entry } from './types.js';
import { YAML } from './yaml.js';

/**
 * Every kind of problem gazette reports, by its stable code, worded in each language. Codes are
 * grouped by stage: GZ01 article files and front matter, GZ02 dates, GZ03 site.yaml, GZ04
 * templates, GZ05 files and output, GZ06 links and images, GZ07 YAML (articles and site.yaml alike),
 * GZ08 the files of the commands that write into a site (init, new, theme), GZ09 the audit against the
 * 政府网站抽查 (`check --audit`).
 * A code is never reused for another kind of problem; docs/编辑指南.md has one entry per code.
 */
const ALL = {
  ...CONTENT,
  ...DATES,
  ...CONFIG,
  ...TEMPLATES,
  ...FILES,
  ...CHECKS,
  ...YAML,
  ...COMMANDS,
  ...AUDIT,
};

export type Code = keyof typeof ALL;

export const CATALOG: Readonly<Record<Code, Entry>> = ALL;

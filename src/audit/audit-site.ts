import path from 'node:path';
import { CONFIG_FILE } from '../config/load-config.js';
import type { SiteConfig } from '../config/site-config.js';
import { defaultUpdateLimit } from '../config/update-within.js';
import { parseArticleDate } from '../content/dates.js';
import type { Diagnostic } from '../errors/diagnostic.js';
import { readIfPresent } from '../fs/read-if-present.js';
import type { Entry } from '../graph/site-graph.js';
import { decodeText } from '../text/decode.js';
import { parseYamlMapping } from '../yaml/parse-yaml.js';
import type { AuditArticle, AuditColumn, AuditInput, AuditText } from './audit-input.js';
import { loadWording } from './load-wording.js';
import { type AuditFindings, runAudit } from './run-audit.js';

export interface AuditSiteOptions {
  readonly root: string;
  readonly config: SiteConfig;
  /** The published articles, as check built the site. */
  readonly entries: readonly Entry[];
  /** What check found wrong with links, images and attachments (brokenLinks). */
  readonly links: readonly Diagnostic[];
  /** The moment to audit at, as `--now` or GAZETTE_NOW gave it (a date as in front matter); or the clock. */
  readonly now?: string;
}

export interface AuditResult extends AuditFindings {
  readonly input: AuditInput;
  /** Whether the site has audit/wording.yaml: without it, wording is not checked. */
  readonly wordingList: boolean;
  /** What the report is headed with. */
  readonly site: { readonly title: string; readonly timeZone: string };
}

/**
 * `gazette check --audit`: the site as check built it, held against the 政府网站抽查's indicators.
 * Reads what the rules need (site.yaml's positions, the sources of titles and bodies, the list of
 * wrong wordings), then runs the rules on plain data. Problems of the list itself come first.
 */
export function auditSite(options: AuditSiteOptions): AuditResult {
  const { root, config } = options;
  const now = momentOf(options.now, config.timeZone);
  const wording = loadWording(root);
  const input: AuditInput = {
    now,
    timeZone: config.timeZone,
    articles: options.entries.filter((e) => e.date.epochMs <= now).map(auditArticle),
    columns: columnsOf(root, config),
    texts: options.entries.filter((e) => e.date.epochMs <= now).flatMap((e) => textsOf(root, e)),
    wording: wording.entries,
    links: options.links,
  };
  const findings = runAudit(input);
  return {
    ...findings,
    diagnostics: [...wording.diagnostics, ...findings.diagnostics],
    input,
    wordingList: wording.present,
    site: { title: config.title, timeZone: config.timeZone },
  };
}

/** `--now` in the site's zone (`2022-04-01 09:00`), as dates of articles are read; the clock without it. */
function momentOf(text: string | undefined, timeZone: string): number {
  if (text === undefined) return Date.now();
  const parsed = parseArticleDate(text, timeZone);
  // The command line checked the text as a date already (isMoment).
  return parsed.ok ? parsed.date.epochMs : Date.now();
}

/** Whether `text` can be a moment to audit at: what the command line checks `--now` by. */
export const isMoment = (text: string): boolean => parseArticleDate(text, 'UTC').ok;

const auditArticle = (e: Entry): AuditArticle => ({
  file: e.file,
  title: e.title,
  category: e.category.name,
  epochMs: e.date.epochMs,
  date: e.date.display,
  dateAt: e.at.date,
});

/** The categories with their limits, at their names in site.yaml (which loaded, so it parses). */
function columnsOf(root: string, config: SiteConfig): AuditColumn[] {
  const bytes = readIfPresent(path.join(root, CONFIG_FILE));
  const decoded = bytes && decodeText(bytes);
  const parsed = decoded?.ok ? parseYamlMapping(decoded.text, CONFIG_FILE, CONFIG_FILE) : undefined;
  return config.categories.map((c, i) => ({
    name: c.name,
    limit: c.updateWithin ?? defaultUpdateLimit(c.name),
    at: parsed?.ok ? parsed.value.locate(['categories', i, 'name']) : { line: 1, column: 1 },
  }));
}

/** An article's title (the value of `title:` as written) and its Markdown body, where they are in its file. */
function textsOf(root: string, e: Entry): AuditText[] {
  const bytes = readIfPresent(path.join(root, e.file));
  const decoded = bytes && decodeText(bytes);
  if (!decoded?.ok) return [];
  const lines = decoded.text.replace(/\r\n?/g, '\n').split('\n');
  const texts: AuditText[] = [];
  const titleLine = lines.slice(0, e.bodyLine - 1).findIndex((l) => /^title\s*:/.test(l));
  const raw = lines[titleLine];
  if (raw !== undefined) {
    const column = raw.indexOf(e.title);
    if (column !== -1)
      texts.push({
        file: e.file,
        kind: 'title',
        text: e.title,
        at: { line: titleLine + 1, column: column + 1 },
      });
  }
  texts.push({
    file: e.file,
    kind: 'body',
    text: lines.slice(e.bodyLine - 1).join('\n'),
    at: { line: e.bodyLine, column: 1 },
  });
  return texts;
}

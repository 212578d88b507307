import type { UpdateLimit } from '../config/update-within.js';
import type { Diagnostic, Position } from '../errors/diagnostic.js';

/**
 * What the audit looks at, as plain data: made once from the site as check built it (auditSite),
 * then read by each rule. No rule reads a file or the clock.
 */
export interface AuditInput {
  /** The moment the site is audited at (epoch ms): `--now`, GAZETTE_NOW, or the clock. */
  readonly now: number;
  /** The site's IANA zone: limits in weeks and months are counted on its calendar. */
  readonly timeZone: string;
  /** Published articles as of `now`, newest first. */
  readonly articles: readonly AuditArticle[];
  /** The categories (栏目), in site.yaml's order. */
  readonly columns: readonly AuditColumn[];
  /** Titles and bodies, with where each starts in its file: what wording and typography read. */
  readonly texts: readonly AuditText[];
  readonly wording: readonly WordingEntry[];
  /** What check found of links and images: the audit reports them, it does not look again. */
  readonly links: readonly Diagnostic[];
}

export interface AuditArticle {
  readonly file: string;
  readonly title: string;
  /** Its category's name. */
  readonly category: string;
  readonly epochMs: number;
  /** As the editor wrote it: `2022-03-01 16:59`. */
  readonly date: string;
  readonly dateAt: Position;
}

export interface AuditColumn {
  readonly name: string;
  /** site.yaml's own, or the 抽查's for its kind (defaultUpdateLimit). */
  readonly limit: UpdateLimit;
  /** Where it is listed in site.yaml. */
  readonly at: Position;
}

/** A stretch of a source file: an article's title or its Markdown body. */
export interface AuditText {
  readonly file: string;
  readonly kind: 'title' | 'body';
  readonly text: string;
  /** Where `text` starts in the file. */
  readonly at: Position;
}

/** One line of the site's list of wrong wordings (audit/wording.yaml). */
export interface WordingEntry {
  readonly wrong: string;
  readonly right: string;
  readonly note?: string;
  /** A 严重表述错误 (a leader's name, the country's name): 单项否决. */
  readonly serious: boolean;
}

/** The numbers of check's summary. */
export interface CheckCounts {
  readonly errors: number;
  readonly warnings: number;
  readonly articles: number;
  readonly pages: number;
  readonly linksChecked: boolean;
}

/** The numbers of a build's summary line. */
export interface BuildCounts {
  readonly articles: number;
  readonly pages: number;
  readonly rendered: number;
  readonly staticFiles: number;
  /** Seconds, as printed: `0.90`. */
  readonly seconds: string;
  readonly out: string;
  readonly drafts: number;
  readonly future: number;
  /** What changed since the last build; absent for a first build. */
  readonly delta?: {
    readonly changed: number;
    readonly added: number;
    readonly removed: number;
    readonly unchanged: number;
  };
}

/** check --audit's line before the summary. */
export interface AuditLine {
  /** The moment audited at, in site time. */
  readonly at: string;
  /** The 单项否决 indicators failed, by their name in the report. */
  readonly vetoes: readonly ('home' | 'blank' | 'stale' | 'wording')[];
  readonly wording: number;
  readonly typography: number;
  readonly brokenLinks: number;
}

/**
 * The site.yaml values `gazette init` asks for on a terminal when missing (scaffold/site-values.ts
 * marks them `asked`); the others keep their defaults, edited in site.yaml.
 */
export type AskedKey = 'title' | 'baseUrl' | 'categories' | 'timeZone' | 'defaultSource' | 'icp' | 'police';

/** Each command's `--help`. Option names are the same in every language. */
export interface HelpText {
  readonly main: string;
  readonly build: string;
  readonly new: string;
  readonly dev: string;
  readonly check: string;
  readonly init: string;
  readonly theme: string;
}

/** Every line the CLI prints that is not a diagnostic, in one language. */
export interface TerminalText {
  readonly help: HelpText;
  /** `gazette build: …`: the head of a command's own line (bad usage, failure). */
  readonly head: (command: string, text: string) => string;
  readonly unknownCommand: (command: string) => string;
  readonly badLang: (given: string) => string;
  readonly failed: (errors: number) => string;
  readonly internalError: (detail: string) => string;
  /** What node's option parser said, by its error code (`ERR_PARSE_ARGS_UNKNOWN_OPTION`). */
  readonly badOption: (code: string | undefined, option: string | undefined, english: string) => string;

  readonly built: (c: BuildCounts) => string;
  readonly upToDate: (c: Pick<BuildCounts, 'articles' | 'pages' | 'seconds' | 'out'>) => string;
  readonly draftNotPublished: (file: string) => string;
  readonly moreDrafts: (n: number) => string;
  readonly cacheNotUsed: (reason: string) => string;
  readonly repaired: (files: readonly string[]) => string;
  readonly badJobs: string;
  /** A long build's progress: the plain line (CI logs) and the tail of the live bar. */
  readonly progressLine: (done: number, total: number) => string;
  readonly progressBar: (done: number, total: number) => string;

  readonly checkSummary: (c: CheckCounts) => string;
  readonly notChecked: (files: readonly string[], more: number) => string;
  readonly badFormat: (format: string) => string;
  /** check --audit: what fails the 抽查 at once, and how much else was found. */
  readonly auditSummary: (a: AuditLine) => string;
  readonly notAudited: string;
  readonly reportWritten: (file: string) => string;
  readonly reportNotWritten: (file: string, reason: string) => string;
  readonly nowWithoutAudit: string;
  readonly badNow: (now: string) => string;
  readonly reportInSources: (folder: string) => string;

  readonly devRebuilt: (ms: number, files: number, what: string | undefined) => string;
  readonly devFailed: (ms: number, what: string | undefined) => string;
  /** What a rebuild is for when no file changed: an article's date came (the file list's place). */
  readonly devDue: string;
  readonly devServing: (root: string, url: string) => string;
  /** A bug met while answering one request (the server goes on); the stack is for the report. */
  readonly devRequestFailed: (method: string, url: string, detail: string) => string;
  readonly portInUse: (port: number) => string;
  readonly badPort: string;

  readonly initCreated: (file: string) => string;
  readonly initNext: (cd: string | undefined) => string;
  readonly initRefused: string;
  readonly initNothingWritten: string;
  readonly initOneFolder: (given: readonly string[]) => string;
  readonly initNotAFolder: (shown: string) => string;
  readonly initMissing: (flags: readonly string[]) => string;
  readonly initUnanswered: string;
  /** What `init` asks on a terminal for each value missing, the key named as in site.yaml. */
  readonly initQuestions: Readonly<Record<AskedKey, string>>;
  /** Said after a question that has a default: what an empty answer takes. */
  readonly initFallback: (value: string) => string;
  readonly initSeeHelp: string;

  readonly newTitleMissing: string;
  readonly newOneTitle: (words: readonly string[]) => string;
  readonly newCategoryMissing: string;
  readonly newSiteYamlFirst: string;
  /** Where the new draft is, that it is not published, and how to publish and preview it. */
  readonly newDraft: (file: string, build: string, preview: string) => string;

  readonly themeOwnCopy: (name: string) => string;
  readonly themeNothingCopied: string;
  readonly themeListNoNames: string;
  readonly themeWhatToDo: string;
  readonly themeUnknownAction: (action: string) => string;
  readonly themeNameAFile: string;
  readonly themeAmbiguous: (asked: string, names: readonly string[]) => string;
  readonly themeNoFile: (asked: string, near: string | undefined) => string;
}

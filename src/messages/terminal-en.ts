import { HELP_EN } from './help-en.js';
import type { TerminalText } from './terminal-text.js';

/** `1 article`, `2 articles`. */
const count = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The terminal's lines in English: an English site, `--lang en`, GAZETTE_LANG=en. */
export const TERMINAL_EN: TerminalText = {
  help: HELP_EN,
  head: (command, text) => `gazette ${command}: ${text}`,
  unknownCommand: (command) => `gazette: unknown command "${command}"`,
  badLang: (given) => `--lang must be zh-CN or en, not "${given}"`,
  failed: (errors) => `failed with ${errors} error(s); the previous output was left as it was`,
  internalError: (detail) => `internal error (please report it): ${detail}`,
  badOption: (_code, _option, english) => english,

  built: (c) => {
    const skipped = [c.drafts && `${c.drafts} draft(s)`, c.future && `${c.future} future-dated`]
      .filter(Boolean)
      .join(', ');
    const d = c.delta;
    return (
      `built ${count(c.articles, 'article')} into ${count(c.pages, 'page')} (${c.rendered} rendered) and ${count(c.staticFiles, 'static file')} in ${c.seconds}s → ${c.out}` +
      (skipped ? ` (skipped ${skipped})` : '') +
      (d ? `; ${d.changed} changed, ${d.added} added, ${d.removed} removed, ${d.unchanged} unchanged` : '')
    );
  },
  upToDate: (c) =>
    `up to date: ${count(c.articles, 'article')}, ${count(c.pages, 'page')}, nothing changed since the last build (${c.seconds}s) → ${c.out}`,
  draftNotPublished: (file) => `not published (draft: true): ${file}`,
  moreDrafts: (n) => `… and ${n} more drafts`,
  cacheNotUsed: (reason) => `note: the build cache was not used (${reason}); everything was built anew`,
  repaired: (files) => {
    const shown = files.slice(0, 3).join(', ') + (files.length > 3 ? `, … (${files.length} in all)` : '');
    const [was, it] = files.length === 1 ? ['was', 'it was'] : ['were', 'they were'];
    return `note: ${count(files.length, 'file')} of the output ${was} changed or deleted since the last build (${shown}); ${it} made again`;
  },
  badJobs: '--jobs must be a whole number from 1 to 64',
  progressLine: (done, total) => `pages: ${done}/${total}`,
  progressBar: (done, total) => `${done}/${total} pages`,

  checkSummary: (c) => {
    const counts = `${count(c.errors, 'error')}, ${count(c.warnings, 'warning')}`;
    return c.linksChecked
      ? `check: ${counts} in ${count(c.articles, 'article')}, ${count(c.pages, 'page')}`
      : `check: ${counts}; the site could not be built, so its links were not checked`;
  },
  notChecked: (files, more) => {
    const which =
      files.length === 1
        ? 'the links of 1 article were not checked, as it has errors (the site was checked without it)'
        : `the links of ${files.length} articles were not checked, as they have errors (the site was checked without them)`;
    return `check: ${which}: ${files.slice(0, files.length - more).join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
  },
  badFormat: (format) => `--format must be "text" or "json", not "${format}"`,
  auditSummary: (a) => {
    const words = {
      home: 'home page not updated',
      blank: 'blank columns',
      stale: 'columns not updated',
      wording: 'serious wording errors',
    };
    const vetoes = a.vetoes.map((v) => words[v]);
    const verdict =
      vetoes.length > 0
        ? `fails the 抽查 at once (单项否决) for ${vetoes.join(', ')}`
        : 'nothing fails the 抽查 at once';
    return `audit: as of ${a.at}, ${verdict}; ${count(a.wording, 'wording error')}, ${count(a.brokenLinks, 'broken link')}, ${count(a.typography, 'typography warning')}`;
  },
  notAudited: 'audit: the site could not be built, so it was not audited',
  reportWritten: (file) => `audit: report written to ${file}`,
  reportNotWritten: (file, reason) => `audit: cannot write the report ${file}: ${reason}`,
  nowWithoutAudit: '--now is for --audit',
  badNow: (now) => `--now must be a date like 2022-04-01 or 2022-04-01 09:00 (site time), not "${now}"`,
  reportInSources: (folder) =>
    `--report must not be in the site's ${folder}/, which the next build would read: write it beside the site, e.g. --report 自查报告.md`,

  devRebuilt: (ms, files, what) =>
    `rebuilt in ${ms} ms: ${files} file(s) updated (${what ?? 'initial build'})`,
  devFailed: (ms, what) =>
    `build failed after ${ms} ms (${what ?? 'initial build'}); still serving the last good pages`,
  devDue: "an article's publication time came",
  devServing: (root, url) => `gazette dev: serving ${root} at ${url}`,
  devRequestFailed: (method, url, detail) =>
    `gazette dev: internal error answering ${method} ${url} (please report it): ${detail}`,
  portInUse: (port) =>
    `port ${port} is already in use; try --port ${port + 1} (or --port 0 for any free port)`,
  badPort: '--port must be a number from 0 to 65535',

  initCreated: (file) => `created ${file}`,
  initNext: (cd) =>
    `\nNext:\n${cd ? `  cd ${cd}\n` : ''}  npm install      # installs gazette; commit package-lock.json with the rest\n  npm run dev      # preview at http://127.0.0.1:4000/\n\nEditors: docs/编辑指南.md. Publishing: README.md.`,
  initRefused: 'nothing was written; move those files away, or make the site in another folder',
  initNothingWritten: 'nothing was written',
  initOneFolder: (given) => `expected one folder but got ${given.length}: ${given.join(' ')}`,
  initNotAFolder: (shown) => `"${shown}" is a file, not a folder`,
  initMissing: (flags) =>
    `${flags.join(', ')} ${flags.length === 1 ? 'is' : 'are'} missing; give ${flags.length === 1 ? 'it' : 'them'}, or run gazette init in a terminal to be asked`,
  initUnanswered: 'the questions were not all answered; nothing was written',
  initQuestions: {
    title: 'Site name (title), e.g. 金华新闻网',
    baseUrl: 'Site address (baseUrl), e.g. https://news.example.gov.cn/',
    categories: 'Categories (categories), name:slug separated by spaces, e.g. 要闻:yaowen 通知公告:tzgg',
    timeZone: 'Time zone (timeZone)',
    defaultSource: 'Default source (defaultSource), e.g. 金华市人民政府; press Enter for none',
    icp: 'ICP licence number (icp), e.g. 浙ICP备12345678号; press Enter for none',
    police: 'Public security filing (police), e.g. 浙公网安备 33070202000123号; press Enter for none',
  },
  initFallback: (value) => ` (press Enter for ${value})`,
  initSeeHelp: 'Run "gazette init --help" for the options.',

  newTitleMissing: 'the title is missing',
  newOneTitle: (words) =>
    `expected one title but got ${words.length} words; put the title in quotes: gazette new "${words.join(' ')}" --category …`,
  newCategoryMissing: '--category is missing',
  newSiteYamlFirst: 'no article was created; fix site.yaml first',
  newDraft: (file, build, preview) =>
    `created ${file} (a draft: it is not published). Write its text, then delete the line draft: true and run ${build} to publish it.\n` +
    `To preview drafts before that: ${preview}`,

  themeOwnCopy: (name) => `${name}  (the site has its own)`,
  themeNothingCopied: 'nothing was copied',
  themeListNoNames: '"theme list" takes no names',
  themeWhatToDo: 'say what to do: list or copy',
  themeUnknownAction: (action) => `unknown action "${action}"; use list or copy`,
  themeNameAFile: 'name the file to copy, e.g. gazette theme copy partials/footer.njk',
  themeAmbiguous: (asked, names) => `"${asked}" is ${names.join(' and ')}; name one of them`,
  themeNoFile: (asked, near) =>
    `the theme has no file "${asked}"${near ? `; did you mean ${near}?` : ''} (gazette theme list shows them all)`,
};

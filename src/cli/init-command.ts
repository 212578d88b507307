import { existsSync } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { DateTime } from 'luxon';
import { formatIn, GazetteError, problem, sentenceOf } from '../errors/diagnostic.js';
import { errorCode } from '../fs/fs-failure.js';
import type { Lang } from '../messages/language.js';
import { type TerminalText, terminalText } from '../messages/terminal.js';
import { gazettePin } from '../scaffold/gazette-pin.js';
import { newSiteProblem } from '../scaffold/new-site-place.js';
import { readStarter } from '../scaffold/read-starter.js';
import { runningGazette } from '../scaffold/running-gazette.js';
import { siteFiles } from '../scaffold/site-files.js';
import {
  completeValues,
  SITE_FIELDS,
  type SiteValues,
  setValue,
  type ValueProblem,
} from '../scaffold/site-values.js';
import { existingFiles, writeNewFiles } from '../scaffold/write-files.js';
import { terminalAsker } from './ask.js';
import type { Io } from './io.js';
import { parseCommandLine } from './parse-options.js';
import { UsageError } from './usage.js';

/** `gazette init [DIR] --title … --base-url … --category 要闻:yaowen`: a new site, ready to commit. */
export async function initCommand(args: string[], io: Io): Promise<number> {
  const text = terminalText(io.lang);
  const format = formatIn(io.lang ?? 'zh');
  const { values: flags, positionals } = parseOptions(args, text);
  if (flags.help) {
    io.out(text.help.init);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError(text.initOneFolder(positionals));
  const shown = positionals[0] ?? '.';
  const dir = path.resolve(shown);
  const kind = await stat(dir).catch(() => undefined);
  if (kind && !kind.isDirectory()) throw new UsageError(text.initNotAFolder(shown));
  const place = newSiteProblem(dir);
  if (place) throw new UsageError(`${sentenceOf('GZ0520', place, io.lang ?? 'zh')} [GZ0520]`);

  const lang = io.lang ?? 'zh';
  const draft = valuesOfFlags(flags, text, lang);
  const values = await completed(draft, io, text, lang);

  const gazette = await runningGazette();
  let files: ReturnType<typeof siteFiles>;
  try {
    files = siteFiles(await readStarter(), values, {
      folderName: path.basename(dir),
      pin: gazettePin(gazette, existsSync),
      node: gazette.node,
      now: DateTime.now(),
    });
  } catch (cause) {
    // Every value was checked by the loader's rules for its key; this is the loader's last word.
    if (!(cause instanceof GazetteError)) throw cause;
    throw new UsageError(cause.diagnostics.map(format).join('\n'));
  }

  const shownPath = (file: string) => path.join(shown, ...file.split('/'));
  const refuse = (conflicts: readonly string[]) => {
    for (const f of conflicts) io.err(format(problem('GZ0801', shownPath(f), undefined)));
    io.err(text.head('init', text.initRefused));
    return 1;
  };
  const conflicts = kind ? await existingFiles(dir, files) : [];
  if (conflicts.length > 0) return refuse(conflicts);
  try {
    await mkdir(dir, { recursive: true });
    await writeNewFiles(dir, files);
  } catch (cause) {
    const code = errorCode(cause);
    // A file that appeared after the files were looked for.
    if (code === 'EEXIST') return refuse(await existingFiles(dir, files));
    io.err(format(problem('GZ0802', shown, undefined, { reason: code })));
    io.err(text.head('init', text.initNothingWritten));
    return 1;
  }

  for (const f of files) io.out(text.initCreated(shownPath(f.path)));
  io.out(text.initNext(shown === '.' ? undefined : shown));
  return 0;
}

/** The values given as flags, each checked by the rule of its site.yaml key; all problems at once. */
function valuesOfFlags(
  flags: Record<string, string | string[] | boolean | undefined>,
  text: TerminalText,
  lang: Lang,
): Partial<SiteValues> {
  const draft: Partial<SiteValues> = {};
  const problems: string[] = [];
  for (const field of SITE_FIELDS) {
    const given = flags[field.flag] ?? (field.key === 'defaultSource' ? flags.source : undefined);
    if (given === undefined || typeof given === 'boolean') continue;
    const texts = typeof given === 'string' ? [given] : given;
    const problem = setValue(draft, field.key, texts);
    if (problem) problems.push(`--${field.flag}${lang === 'zh' ? '：' : ': '}${refusal(problem, lang)}`);
  }
  if (problems.length > 0) throw new UsageError(`${problems.join('\n')}\n\n${text.initSeeHelp}`);
  return draft;
}

/** The values, with those missing asked for on a terminal; without one, a missing value is bad usage. */
async function completed(
  draft: Partial<SiteValues>,
  io: Io,
  text: TerminalText,
  lang: Lang,
): Promise<SiteValues> {
  const done = completeValues(draft);
  if (done.ok) return done.values;
  if (!io.terminal?.input.isTTY) {
    throw new UsageError(`${text.initMissing(done.missing.map((f) => `--${f.flag}`))}\n\n${text.help.init}`);
  }
  const asker = terminalAsker(io.terminal);
  try {
    for (const field of SITE_FIELDS) {
      if (!field.asked || draft[field.key] !== undefined) continue;
      const suffix = field.fallback === undefined ? '' : text.initFallback(field.fallback);
      for (;;) {
        const answer = await asker.ask(
          `${text.initQuestions[field.key]}${suffix}${lang === 'zh' ? '：' : ': '}`,
        );
        if (answer === undefined) throw new UsageError(text.initUnanswered);
        const typed = answer.trim() || (field.fallback ?? '');
        if (typed === '' && !field.required) break;
        const problem = setValue(
          draft,
          field.key,
          field.multiple ? typed.split(/[\s,，、]+/).filter(Boolean) : [typed],
        );
        if (problem === undefined) break;
        asker.say(`  ${refusal(problem, lang)}`);
      }
    }
  } finally {
    asker.close();
  }
  const asked = completeValues(draft);
  if (!asked.ok) throw new Error('a required value was neither given nor asked for');
  return asked.values;
}

/** A refused value as one sentence in the editors' language, with its code to look up in the guide. */
const refusal = (p: ValueProblem, lang: Lang): string => `${sentenceOf(p.code, p.values, lang)} [${p.code}]`;

const parseOptions = (args: string[], text: TerminalText) =>
  parseCommandLine(
    {
      args,
      allowPositionals: true,
      options: {
        title: { type: 'string' },
        'base-url': { type: 'string' },
        category: { type: 'string', multiple: true },
        'time-zone': { type: 'string' },
        'default-source': { type: 'string' },
        source: { type: 'string' },
        description: { type: 'string' },
        footer: { type: 'string' },
        icp: { type: 'string' },
        police: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    },
    text.help.init,
    text,
  );

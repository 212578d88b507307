import { existsSync } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { DateTime } from 'luxon';
import { error, formatIn, GazetteError, sentenceOf } from '../errors/diagnostic.js';
import { errorCode } from '../fs/fs-failure.js';
import { gazettePin } from '../scaffold/gazette-pin.js';
import { newSiteProblem } from '../scaffold/new-site-place.js';
import { readStarter } from '../scaffold/read-starter.js';
import { runningGazette } from '../scaffold/running-gazette.js';
import { siteFiles } from '../scaffold/site-files.js';
import { completeValues, SITE_FIELDS, type SiteValues, setValue } from '../scaffold/site-values.js';
import { existingFiles, writeNewFiles } from '../scaffold/write-files.js';
import { terminalAsker } from './ask.js';
import type { Io } from './io.js';
import { parseCommandLine } from './parse-options.js';
import { INIT_HELP, UsageError } from './usage.js';

/** `gazette init [DIR] --title … --base-url … --category 要闻:yaowen`: a new site, ready to commit. */
export async function initCommand(args: string[], io: Io): Promise<number> {
  const { values: flags, positionals } = parseOptions(args);
  if (flags.help) {
    io.out(INIT_HELP);
    return 0;
  }
  if (positionals.length > 1)
    throw new UsageError(`expected one folder but got ${positionals.length}: ${positionals.join(' ')}`);
  const shown = positionals[0] ?? '.';
  const dir = path.resolve(shown);
  const kind = await stat(dir).catch(() => undefined);
  if (kind && !kind.isDirectory()) throw new UsageError(`"${shown}" is a file, not a folder`);
  const place = newSiteProblem(dir);
  if (place) throw new UsageError(`${sentenceOf('GZ0520', place, io.lang ?? 'zh')} [GZ0520]`);

  const draft = valuesOfFlags(flags);
  const values = await completed(draft, io);

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
    throw new UsageError(cause.diagnostics.map((d) => d.message).join('\n'));
  }

  const shownPath = (file: string) => path.join(shown, ...file.split('/'));
  const refuse = (conflicts: readonly string[]) => {
    for (const f of conflicts)
      io.err(
        formatIn(io.lang ?? 'zh')(
          error(shownPath(f), 'already exists', undefined, 'gazette init never overwrites a file'),
        ),
      );
    io.err('gazette init: nothing was written; move those files away, or make the site in another folder');
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
    io.err(
      formatIn(io.lang ?? 'zh')(
        error(
          shown,
          `cannot write the site's files (${code})`,
          undefined,
          'check that the folder can be written',
        ),
      ),
    );
    io.err('gazette init: nothing was written');
    return 1;
  }

  for (const f of files) io.out(`created ${shownPath(f.path)}`);
  const into = shown === '.' ? '' : `  cd ${shown}\n`;
  io.out(
    `\nNext:\n${into}  npm install      # installs gazette; commit package-lock.json with the rest\n  npm run dev      # preview at http://127.0.0.1:4000/\n\nEditors: docs/编辑指南.md. Publishing: README.md.`,
  );
  return 0;
}

/** The values given as flags, each checked by the rule of its site.yaml key; all problems at once. */
function valuesOfFlags(flags: Record<string, string | string[] | boolean | undefined>): Partial<SiteValues> {
  const draft: Partial<SiteValues> = {};
  const problems: string[] = [];
  for (const field of SITE_FIELDS) {
    const given = flags[field.flag] ?? (field.key === 'defaultSource' ? flags.source : undefined);
    if (given === undefined || typeof given === 'boolean') continue;
    const texts = typeof given === 'string' ? [given] : given;
    const problem = setValue(draft, field.key, texts);
    if (problem) problems.push(`--${field.flag}: ${problem}`);
  }
  if (problems.length > 0)
    throw new UsageError(`${problems.join('\n')}\n\nRun "gazette init --help" for the options.`);
  return draft;
}

/** The values, with those missing asked for on a terminal; without one, a missing value is bad usage. */
async function completed(draft: Partial<SiteValues>, io: Io): Promise<SiteValues> {
  const done = completeValues(draft);
  if (done.ok) return done.values;
  if (!io.terminal?.input.isTTY) {
    throw new UsageError(
      `${done.missing.map((f) => `--${f.flag}`).join(', ')} ${done.missing.length === 1 ? 'is' : 'are'} missing; give ${done.missing.length === 1 ? 'it' : 'them'}, or run gazette init in a terminal to be asked\n\n${INIT_HELP}`,
    );
  }
  const asker = terminalAsker(io.terminal);
  try {
    for (const field of SITE_FIELDS) {
      if (field.question === undefined || draft[field.key] !== undefined) continue;
      const suffix = field.fallback === undefined ? '' : `（直接回车：${field.fallback}）`;
      for (;;) {
        const answer = await asker.ask(`${field.question}${suffix}: `);
        if (answer === undefined)
          throw new UsageError('the questions were not all answered; nothing was written');
        const text = answer.trim() || (field.fallback ?? '');
        if (text === '' && !field.required) break;
        const problem = setValue(
          draft,
          field.key,
          field.multiple ? text.split(/[\s,，、]+/).filter(Boolean) : [text],
        );
        if (problem === undefined) break;
        asker.say(`  ${problem}`);
      }
    }
  } finally {
    asker.close();
  }
  const asked = completeValues(draft);
  if (!asked.ok) throw new Error('a required value was neither given nor asked for');
  return asked.values;
}

const parseOptions = (args: string[]) =>
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
    INIT_HELP,
  );

import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DateTime } from 'luxon';
import { loadConfig } from '../config/load-config.js';
import { error, formatIn, GazetteError } from '../errors/diagnostic.js';
import { errorCode } from '../fs/fs-failure.js';
import { newArticle } from '../scaffold/new-article.js';
import type { Io } from './io.js';
import { newDraftNote, siteCommand } from './new-article-note.js';
import { parseCommandLine } from './parse-options.js';
import { NEW_HELP, UsageError } from './usage.js';

/**
 * `gazette new "标题" --category 学习`: writes a new article's file, a draft, never over an existing
 * one, and says how to publish it.
 */
export async function newCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseOptions(args);
  if (values.help) {
    io.out(NEW_HELP);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError(`the title is missing\n\n${NEW_HELP}`);
  if (positionals.length > 1) {
    throw new UsageError(
      `expected one title but got ${positionals.length} words; put the title in quotes: gazette new "${positionals.join(' ')}" --category …`,
    );
  }
  if (values.category === undefined) throw new UsageError(`--category is missing\n\n${NEW_HELP}`);
  const root = values.root ?? '.';

  let loaded: Awaited<ReturnType<typeof loadConfig>>;
  try {
    loaded = await loadConfig(root);
  } catch (cause) {
    // Printed here rather than by main(): its closing line speaks of a build's output.
    if (!(cause instanceof GazetteError)) throw cause;
    for (const d of cause.diagnostics) io.err(formatIn(io.lang ?? 'zh')(d));
    io.err('gazette new: no article was created; fix site.yaml first');
    return 1;
  }
  for (const w of loaded.warnings) io.err(formatIn(io.lang ?? 'zh')(w));

  const made = newArticle(loaded.config, {
    title: positionals[0] ?? '',
    category: values.category,
    ...(values.slug !== undefined && { slug: values.slug }),
    now: DateTime.now(),
  });
  if (!made.ok) throw new UsageError(made.problem);

  const full = path.join(root, ...made.relativePath.split('/'));
  const failed = (message: string, hint: string) => {
    io.err(formatIn(io.lang ?? 'zh')(error(made.relativePath, message, undefined, hint)));
    return 1;
  };
  try {
    await mkdir(path.dirname(full), { recursive: true });
  } catch (cause) {
    return failed(
      `cannot create the folder ${path.posix.dirname(made.relativePath)}/ (${errorCode(cause)})`,
      'check that it is not a file and that content/ can be written',
    );
  }
  try {
    // "wx": fails if the file exists, even if it appeared a moment ago.
    await writeFile(full, made.text, { encoding: 'utf8', flag: 'wx' });
  } catch (cause) {
    return errorCode(cause) === 'EEXIST'
      ? failed('an article with this file name already exists', 'choose another --slug')
      : failed(`cannot create the file (${errorCode(cause)})`, 'check that content/ can be written');
  }
  io.out(newDraftNote(made.relativePath, loaded.config.language, await siteCommand(root)));
  return 0;
}

const parseOptions = (args: string[]) =>
  parseCommandLine(
    {
      args,
      allowPositionals: true,
      options: {
        category: { type: 'string', short: 'c' },
        slug: { type: 'string' },
        root: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    },
    NEW_HELP,
  );

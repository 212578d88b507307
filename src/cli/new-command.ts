import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DateTime } from 'luxon';
import { loadConfig } from '../config/load-config.js';
import { formatIn, GazetteError, problem, sentenceOf } from '../errors/diagnostic.js';
import { errorCode } from '../fs/fs-failure.js';
import { type TerminalText, terminalText } from '../messages/terminal.js';
import { newArticle } from '../scaffold/new-article.js';
import type { Io } from './io.js';
import { newDraftNote, siteCommand } from './new-article-note.js';
import { parseCommandLine } from './parse-options.js';
import { UsageError } from './usage.js';

/**
 * `gazette new "标题" --category 学习`: writes a new article's file, a draft, never over an existing
 * one, and says how to publish it.
 */
export async function newCommand(args: string[], io: Io): Promise<number> {
  const text = terminalText(io.lang);
  const format = formatIn(io.lang ?? 'zh');
  const { values, positionals } = parseOptions(args, text);
  if (values.help) {
    io.out(text.help.new);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError(`${text.newTitleMissing}\n\n${text.help.new}`);
  if (positionals.length > 1) throw new UsageError(text.newOneTitle(positionals));
  if (values.category === undefined) throw new UsageError(`${text.newCategoryMissing}\n\n${text.help.new}`);
  const root = values.root ?? '.';

  let loaded: Awaited<ReturnType<typeof loadConfig>>;
  try {
    loaded = await loadConfig(root);
  } catch (cause) {
    // Printed here rather than by main(): its closing line speaks of a build's output.
    if (!(cause instanceof GazetteError)) throw cause;
    for (const d of cause.diagnostics) io.err(format(d));
    io.err(text.head('new', text.newSiteYamlFirst));
    return 1;
  }
  for (const w of loaded.warnings) io.err(format(w));

  const made = newArticle(loaded.config, {
    title: positionals[0] ?? '',
    category: values.category,
    ...(values.slug !== undefined && { slug: values.slug }),
    now: DateTime.now(),
  });
  // Bad usage, like an --out refused by build: one sentence after `gazette new:`, with its code.
  if (!made.ok) throw new UsageError(`${sentenceOf(made.code, made.values, io.lang ?? 'zh')} [${made.code}]`);

  const full = path.join(root, ...made.relativePath.split('/'));
  const failed = (code: 'GZ0806' | 'GZ0807' | 'GZ0808', values: Record<string, string> = {}) => {
    io.err(format(problem(code, made.relativePath, undefined, values)));
    return 1;
  };
  try {
    await mkdir(path.dirname(full), { recursive: true });
  } catch (cause) {
    const folder = path.posix.dirname(made.relativePath);
    return failed('GZ0806', { folder, reason: errorCode(cause) });
  }
  try {
    // "wx": fails if the file exists, even if it appeared a moment ago.
    await writeFile(full, made.text, { encoding: 'utf8', flag: 'wx' });
  } catch (cause) {
    return errorCode(cause) === 'EEXIST' ? failed('GZ0807') : failed('GZ0808', { reason: errorCode(cause) });
  }
  io.out(newDraftNote(made.relativePath, text, await siteCommand(root)));
  return 0;
}

const parseOptions = (args: string[], text: TerminalText) =>
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
    text.help.new,
    text,
  );

import { constants } from 'node:fs';
import { copyFile, lstat, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { CONFIG_FILE } from '../config/load-config.js';
import { formatIn, problem } from '../errors/diagnostic.js';
import { errorCode } from '../fs/fs-failure.js';
import { terminalText } from '../messages/terminal.js';
import { type ThemeFile, themeFiles, themeFilesNamed } from '../scaffold/theme-files.js';
import { closest } from '../text/suggest.js';
import type { Io } from './io.js';
import { parseCommandLine } from './parse-options.js';
import { UsageError } from './usage.js';

/** `gazette theme list` and `gazette theme copy partials/footer.njk`: the theme's files, to override. */
export async function themeCommand(args: string[], io: Io): Promise<number> {
  const text = terminalText(io.lang);
  const format = formatIn(io.lang ?? 'zh');
  const help = text.help.theme;
  const { values, positionals } = parseCommandLine(
    {
      args,
      allowPositionals: true,
      options: { root: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    },
    help,
    text,
  );
  if (values.help) {
    io.out(help);
    return 0;
  }
  const [action, ...names] = positionals;
  const root = values.root ?? '.';
  const files = await themeFiles();
  const exists = async (name: string) =>
    (await lstat(path.join(root, name)).catch(() => undefined)) !== undefined;

  if (action === 'list') {
    if (names.length > 0) throw new UsageError(`${text.themeListNoNames}\n\n${help}`);
    for (const f of files) io.out((await exists(f.name)) ? text.themeOwnCopy(f.name) : f.name);
    return 0;
  }
  if (action !== 'copy') {
    throw new UsageError(
      `${action === undefined ? text.themeWhatToDo : text.themeUnknownAction(action)}\n\n${help}`,
    );
  }
  if (names.length === 0) throw new UsageError(text.themeNameAFile);

  const chosen: ThemeFile[] = names.map((asked) => {
    const found = themeFilesNamed(files, asked);
    if (found.length === 1) return found[0] as ThemeFile;
    if (found.length > 1)
      throw new UsageError(
        text.themeAmbiguous(
          asked,
          found.map((f) => f.name),
        ),
      );
    const near = closest(
      asked,
      files.map((f) => f.inFolder),
    );
    throw new UsageError(text.themeNoFile(asked, near));
  });

  if (!(await exists(CONFIG_FILE))) {
    io.err(
      format(problem('GZ0803', CONFIG_FILE, undefined, { file: CONFIG_FILE, root: path.resolve(root) })),
    );
    return 1;
  }
  const taken: ThemeFile[] = [];
  for (const f of chosen) if (await exists(f.name)) taken.push(f);
  if (taken.length > 0) {
    for (const f of taken) io.err(format(problem('GZ0804', f.name, undefined)));
    io.err(text.head('theme', text.themeNothingCopied));
    return 1;
  }
  for (const f of chosen) {
    const to = path.join(root, ...f.name.split('/'));
    try {
      await mkdir(path.dirname(to), { recursive: true });
      // COPYFILE_EXCL: never over a file, even one that appeared since it was looked for.
      await copyFile(f.from, to, constants.COPYFILE_EXCL);
    } catch (cause) {
      io.err(format(problem('GZ0805', f.name, undefined, { reason: errorCode(cause) })));
      return 1;
    }
    io.out(f.name);
  }
  return 0;
}

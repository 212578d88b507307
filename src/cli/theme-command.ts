import { constants } from 'node:fs';
import { copyFile, lstat, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { CONFIG_FILE } from '../config/load-config.js';
import { error, formatIn } from '../errors/diagnostic.js';
import { errorCode } from '../fs/fs-failure.js';
import { type ThemeFile, themeFiles, themeFilesNamed } from '../scaffold/theme-files.js';
import { closest } from '../text/suggest.js';
import type { Io } from './io.js';
import { parseCommandLine } from './parse-options.js';
import { THEME_HELP, UsageError } from './usage.js';

/** `gazette theme list` and `gazette theme copy partials/footer.njk`: the theme's files, to override. */
export async function themeCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandLine(
    {
      args,
      allowPositionals: true,
      options: { root: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    },
    THEME_HELP,
  );
  if (values.help) {
    io.out(THEME_HELP);
    return 0;
  }
  const [action, ...names] = positionals;
  const root = values.root ?? '.';
  const files = await themeFiles();
  const exists = async (name: string) =>
    (await lstat(path.join(root, name)).catch(() => undefined)) !== undefined;

  if (action === 'list') {
    if (names.length > 0) throw new UsageError(`"theme list" takes no names\n\n${THEME_HELP}`);
    for (const f of files) io.out((await exists(f.name)) ? `${f.name}  (the site has its own)` : f.name);
    return 0;
  }
  if (action !== 'copy') {
    throw new UsageError(
      `${action === undefined ? 'say what to do: list or copy' : `unknown action "${action}"; use list or copy`}\n\n${THEME_HELP}`,
    );
  }
  if (names.length === 0)
    throw new UsageError('name the file to copy, e.g. gazette theme copy partials/footer.njk');

  const chosen: ThemeFile[] = names.map((asked) => {
    const found = themeFilesNamed(files, asked);
    if (found.length === 1) return found[0] as ThemeFile;
    if (found.length > 1)
      throw new UsageError(`"${asked}" is ${found.map((f) => f.name).join(' and ')}; name one of them`);
    const near = closest(
      asked,
      files.map((f) => f.inFolder),
    );
    throw new UsageError(
      `the theme has no file "${asked}"${near ? `; did you mean ${near}?` : ''} (gazette theme list shows them all)`,
    );
  });

  if (!(await exists(CONFIG_FILE))) {
    io.err(
      formatIn(io.lang ?? 'zh')(
        error(
          CONFIG_FILE,
          `there is no ${CONFIG_FILE} in ${path.resolve(root)}`,
          undefined,
          "run this in the site's folder, or give --root",
        ),
      ),
    );
    return 1;
  }
  const taken: ThemeFile[] = [];
  for (const f of chosen) if (await exists(f.name)) taken.push(f);
  if (taken.length > 0) {
    for (const f of taken)
      io.err(
        formatIn(io.lang ?? 'zh')(
          error(
            f.name,
            'the site has its own copy already',
            undefined,
            "edit it, or delete it to copy the theme's again",
          ),
        ),
      );
    io.err('gazette theme: nothing was copied');
    return 1;
  }
  for (const f of chosen) {
    const to = path.join(root, ...f.name.split('/'));
    try {
      await mkdir(path.dirname(to), { recursive: true });
      // COPYFILE_EXCL: never over a file, even one that appeared since it was looked for.
      await copyFile(f.from, to, constants.COPYFILE_EXCL);
    } catch (cause) {
      io.err(
        formatIn(io.lang ?? 'zh')(
          error(
            f.name,
            `cannot copy the theme's file (${errorCode(cause)})`,
            undefined,
            "check that the site's folder can be written",
          ),
        ),
      );
      return 1;
    }
    io.out(f.name);
  }
  return 0;
}

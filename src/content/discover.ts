import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { type Diagnostic, error } from '../errors/diagnostic.js';
import type { SourceFile } from './article.js';

export const CONTENT_DIR = 'content';

/** Editor leftovers and hidden files: never content (`.#a.md`, `a.md~`, `.a.md.swp`, `#a.md#`). */
export const isIgnoredName = (name: string): boolean =>
  name.startsWith('.') ||
  name.startsWith('#') ||
  name.endsWith('~') ||
  /\.(swp|swo|swx|tmp|bak|orig)$/i.test(name);

export const isArticleName = (name: string): boolean =>
  /\.(md|markdown)$/i.test(name) && !isIgnoredName(name);

/**
 * Reads every article under `ROOT/content`, in a stable order. Folders named in `exclude` (the
 * output folder, if someone puts it inside content/) are skipped; links that lead outside the
 * content folder are refused.
 */
export async function readSources(
  root: string,
  exclude: readonly string[],
): Promise<{ files: SourceFile[]; diagnostics: Diagnostic[] }> {
  const base = path.join(root, CONTENT_DIR);
  const diagnostics: Diagnostic[] = [];
  const files: SourceFile[] = [];
  let realBase: string;
  try {
    realBase = await realpath(base);
  } catch {
    return {
      files,
      diagnostics: [
        error(
          CONTENT_DIR,
          `there is no ${CONTENT_DIR}/ folder in ${path.resolve(root)}`,
          undefined,
          'create it and put the articles (.md files) in it',
        ),
      ],
    };
  }
  const excluded = exclude.map((d) => path.resolve(d));

  const seen = new Set<string>();
  const walk = async (dir: string): Promise<void> => {
    // A link back to a parent folder must not send the walk round in circles.
    const real = await realpath(dir);
    if (seen.has(real)) return;
    seen.add(real);
    const relDir = path.relative(root, dir).split(path.sep).join('/');
    let names: string[];
    try {
      names = (await readdir(dir)).sort();
    } catch (cause) {
      diagnostics.push(
        error(relDir, `cannot read the folder (${codeOf(cause)})`, undefined, 'check that it can be read'),
      );
      return;
    }
    for (const name of names) {
      if (isIgnoredName(name)) continue;
      const full = path.join(dir, name);
      if (excluded.includes(path.resolve(full))) continue;
      const rel = path.relative(root, full).split(path.sep).join('/');
      // Gone since the folder was listed (an editor's save, a git checkout): nothing to read.
      const entry = await lstat(full).catch(() => undefined);
      if (!entry) continue;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const target = await realpath(full).catch(() => undefined);
        if (!target) {
          diagnostics.push(
            error(
              rel,
              'this link leads nowhere: the file it points to does not exist',
              undefined,
              'delete the link, or put the article itself in content/',
            ),
          );
          continue;
        }
        if (!(target === realBase || target.startsWith(realBase + path.sep))) {
          diagnostics.push(
            error(
              rel,
              'this link points outside the content folder, so it is not read',
              undefined,
              'copy the file into content/ instead of linking to it',
            ),
          );
          continue;
        }
        const targetEntry = await stat(target).catch(() => undefined);
        if (!targetEntry) continue;
        isDir = targetEntry.isDirectory();
        isFile = targetEntry.isFile();
      }
      if (isDir) {
        await walk(full);
      } else if (isArticleName(name) && !isFile) {
        // Reading a named pipe would wait for a writer forever.
        diagnostics.push(
          error(
            rel,
            'this is not an ordinary file (a pipe, socket or device), so it is not read',
            undefined,
            'replace it with an ordinary .md file',
          ),
        );
      } else if (isArticleName(name)) {
        try {
          files.push({ path: rel, bytes: await readFile(full) });
        } catch (cause) {
          diagnostics.push(
            error(
              rel,
              `cannot read the file (${codeOf(cause)})`,
              undefined,
              'check that it exists and can be read',
            ),
          );
        }
      }
    }
  };
  await walk(base);
  return { files, diagnostics };
}

const codeOf = (cause: unknown): string => (cause as NodeJS.ErrnoException).code ?? 'unknown error';

import { lstat, readdir, readFile, realpath } from 'node:fs/promises';
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
    const names = (await readdir(dir)).sort();
    for (const name of names) {
      if (isIgnoredName(name)) continue;
      const full = path.join(dir, name);
      if (excluded.includes(path.resolve(full))) continue;
      const rel = path.relative(root, full).split(path.sep).join('/');
      const stat = await lstat(full);
      let isDir = stat.isDirectory();
      if (stat.isSymbolicLink()) {
        const target = await realpath(full).catch(() => undefined);
        if (!target || !(target === realBase || target.startsWith(realBase + path.sep))) {
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
        isDir = (await lstat(target)).isDirectory();
      }
      if (isDir) {
        await walk(full);
      } else if (isArticleName(name)) {
        try {
          files.push({ path: rel, bytes: await readFile(full) });
        } catch (cause) {
          diagnostics.push(
            error(
              rel,
              `cannot read the file (${(cause as NodeJS.ErrnoException).code ?? 'unknown error'})`,
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

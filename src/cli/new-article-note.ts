import { readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * What `gazette new` tells the editor of the draft it made: where it is, that it is not published,
 * and how to preview and publish it. In Chinese for a site in Chinese, whose editors read it; in
 * English otherwise.
 */
export function newDraftNote(file: string, language: string, run: SiteCommand): string {
  const build = run('build');
  const preview = run('dev', '--drafts');
  return /^zh(-|$)/i.test(language)
    ? `已创建 ${file}（草稿，不会发布）。写好正文后，删除 draft: true 这一行，再运行 ${build} 即可发布。\n` +
        `发布前预览草稿：${preview}`
    : `created ${file} (a draft: it is not published). Write its text, then delete the line draft: true and run ${build} to publish it.\n` +
        `To preview drafts before that: ${preview}`;
}

/** A gazette command as an editor types it in the site's folder. */
export type SiteCommand = (command: string, ...flags: string[]) => string;

/**
 * How the site's folder runs gazette: by its package.json's scripts where it has them (as the
 * package.json of `gazette init` does: `npm run build`), else with npx (`npx gazette build`).
 */
export async function siteCommand(root: string): Promise<SiteCommand> {
  const scripts = await readScripts(path.join(root, 'package.json'));
  return (command, ...flags) => {
    const script = scripts[command];
    // A script of that name that runs something else (a bundler's build) is not gazette's.
    if (typeof script !== 'string' || !script.includes('gazette'))
      return ['npx gazette', command, ...flags].join(' ');
    return [`npm run ${command}`, ...(flags.length > 0 ? ['--', ...flags] : [])].join(' ');
  };
}

async function readScripts(file: string): Promise<Record<string, unknown>> {
  try {
    const manifest = JSON.parse(await readFile(file, 'utf8')) as { scripts?: Record<string, unknown> };
    return manifest.scripts ?? {};
  } catch {
    return {};
  }
}

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { TerminalText } from '../messages/terminal.js';

/**
 * What `gazette new` tells the editor of the draft it made: where it is, that it is not published,
 * and how to preview and publish it, with the commands as this site's folder runs them.
 */
export function newDraftNote(file: string, text: TerminalText, run: SiteCommand): string {
  return text.newDraft(file, run('build'), run('dev', '--drafts'));
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

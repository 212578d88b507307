import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { DEFAULT_LANG, type Lang, langOf, langOfSite } from './language.js';

/** A `--lang` gazette does not speak is refused, in the language the command would otherwise speak (`lang`). */
export type LanguageChoice =
  | { ok: true; lang: Lang; args: string[] }
  | { ok: false; given: string; lang: Lang };

/**
 * The language a command speaks, chosen once before it runs: `--lang` (taken out of `args`), else
 * GAZETTE_LANG (for a CI whose logs are read in English), else the site's `language`, else Chinese.
 * The site's site.yaml is only glanced at here: a site.yaml that cannot be read leaves Chinese, and
 * the command itself then reports what is wrong with it, in Chinese.
 */
export function chooseLanguage(
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): LanguageChoice {
  const rest: string[] = [];
  let given: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--lang') {
      given = args[i + 1] ?? '';
      i++;
    } else if (arg.startsWith('--lang=')) given = arg.slice('--lang='.length);
    else rest.push(arg);
  }
  if (given !== undefined) {
    const lang = langOf(given);
    return lang ? { ok: true, lang, args: rest } : { ok: false, given, lang: languageOf(rootOf(rest), env) };
  }
  return { ok: true, lang: languageOf(rootOf(rest), env), args: rest };
}

/** Without `--lang`: GAZETTE_LANG, else the site's `language`, else Chinese (for programs too, like the dev server's). */
export function languageOf(root: string, env: NodeJS.ProcessEnv = process.env): Lang {
  const fromEnv = env.GAZETTE_LANG && langOf(env.GAZETTE_LANG);
  return fromEnv || siteLanguage(root) || DEFAULT_LANG;
}

function rootOf(args: readonly string[]): string {
  const i = args.indexOf('--root');
  if (i !== -1) return args[i + 1] ?? '.';
  return args.find((a) => a.startsWith('--root='))?.slice('--root='.length) ?? '.';
}

function siteLanguage(root: string): Lang | undefined {
  try {
    const data: unknown = parse(readFileSync(path.join(root, 'site.yaml'), 'utf8'));
    const language = (data as { language?: unknown } | null)?.language;
    return typeof language === 'string' ? langOfSite(language) : undefined;
  } catch {
    return undefined;
  }
}

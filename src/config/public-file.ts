import { stat } from 'node:fs/promises';
import path from 'node:path';
import { type Diagnostic, GazetteError, type Position, problem } from '../errors/diagnostic.js';
import { measureImage } from '../fs/measure-image.js';
import { THEME_PUBLIC } from '../paths.js';
import { hasScheme } from './gov-rules.js';
import type { ConfigImage, SiteConfig } from './site-config.js';

/** A value of site.yaml that names a file of public/ (a logo, a favicon), and where it is written. */
export interface NamedFile {
  /** The key as the editor reads it: `logo`, `gov.badge.image`. */
  readonly key: string;
  /** As written. */
  readonly value: string;
  /** Its path inside public/, when it can be one (see publicPath). */
  readonly rel: string | undefined;
  readonly at: Position;
  /** Whether an http(s) address would do instead (a picture of another site). */
  readonly orAddress: boolean;
}

/** A value of site.yaml as a file of public/ it names (whether or not there is one). */
export const namedFile = (key: string, value: string, at: Position, orAddress = false): NamedFile => ({
  key,
  value,
  rel: publicPath(value),
  at,
  orAddress,
});

/**
 * A file of public/ (or the theme's) as site.yaml names it: `/assets/logo.png` or
 * `assets/logo.png`. Its path inside public/, or none when it could not be one (`..`, `?`, `\`).
 */
export function publicPath(value: string): string | undefined {
  const rel = value.replace(/^\/+/, '');
  if (rel === '' || /[?#\\]/.test(rel) || hasScheme(rel)) return undefined;
  if (rel.split('/').some((part) => part === '..' || part === '.' || part === '')) return undefined;
  return rel;
}

/** A file of public/ as a site path: `assets/a.png` → `/assets/a.png`. */
export const sitePath = (value: string): string => `/${value.replace(/^\/+/, '')}`;

/**
 * The config with the files it names found in public/ (the site's, or the theme's) and its pictures
 * measured, for their width and height; a file that is not there is an error at its key (GZ0311).
 */
export async function withPublicFiles(
  config: SiteConfig,
  files: readonly NamedFile[],
  root: string,
  file: string,
): Promise<SiteConfig> {
  const found = new Map<string, ConfigImage>();
  const problems: Diagnostic[] = [];
  for (const named of files) {
    const full = named.rel === undefined ? undefined : await findPublicFile(root, named.rel);
    if (full === undefined || named.rel === undefined) {
      const values = { key: named.key, value: named.value, url: named.orAddress ? 1 : 0 };
      problems.push(problem('GZ0311', file, named.at, values));
    } else {
      found.set(named.key, await measuredImage(full, named.rel));
    }
  }
  if (problems.length > 0) throw new GazetteError(problems);
  const logo = found.get('logo');
  const badgeImage = found.get('gov.badge.image');
  const { gov } = config;
  return {
    ...config,
    ...(logo && { logo }),
    ...(gov?.badge && badgeImage && { gov: { ...gov, badge: { ...gov.badge, image: badgeImage } } }),
  };
}

/**
 * The file a site path names in the site's public/, or else in the theme's (the site's wins, as it
 * does when static files are copied); none if neither has it.
 */
export async function findPublicFile(root: string, rel: string): Promise<string | undefined> {
  for (const dir of [path.join(root, 'public'), THEME_PUBLIC]) {
    const full = path.join(dir, rel);
    if ((await stat(full).catch(() => undefined))?.isFile()) return full;
  }
  return undefined;
}

/** A picture of public/ with its size, when it can be measured (an SVG without one cannot). */
async function measuredImage(full: string, rel: string): Promise<ConfigImage> {
  const size = await measureImage(full);
  return { url: `/${rel}`, ...(size && { width: size.width, height: size.height }) };
}

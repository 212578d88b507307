import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Position } from '../errors/diagnostic.js';
import { measureImage } from '../images/measure-image.js';
import { THEME_PUBLIC } from '../paths.js';
import type { ConfigImage } from './site-config.js';

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
export async function measuredImage(full: string, rel: string): Promise<ConfigImage> {
  const size = await measureImage(full);
  return { url: `/${rel}`, ...(size && { width: size.width, height: size.height }) };
}

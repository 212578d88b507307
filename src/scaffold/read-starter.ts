import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { STARTER } from '../paths.js';
import { STARTER_FILES, type StarterTexts } from './site-files.js';

/** Reads gazette's own `starter/` files, which every new site is made from. */
export async function readStarter(dir: string = STARTER): Promise<StarterTexts> {
  const entries = await Promise.all(
    Object.entries(STARTER_FILES).map(
      async ([key, file]) => [key, await readFile(path.join(dir, ...file.split('/')), 'utf8')] as const,
    ),
  );
  return Object.fromEntries(entries) as Record<keyof typeof STARTER_FILES, string>;
}

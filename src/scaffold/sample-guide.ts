import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CONFIG_FILE, loadConfig } from '../config/load-config.js';
import { PACKAGE_ROOT, STARTER } from '../paths.js';
import { siteDoc } from './site-docs.js';
import { STARTER_FILES } from './site-files.js';

/** The sample site's guide, in this repository and in the package: made from the starter's, never edited. */
export const SAMPLE_GUIDE = STARTER_FILES.guide;

/** The first line of the sample's guide: where to make a change instead. */
const GENERATED = `<!-- 本文件由 starter/${STARTER_FILES.guide} 按本仓库的 ${CONFIG_FILE} 生成（npm run guide），请改那个文件。 -->\n`;

/**
 * The sample site's editors' guide: the starter's guide filled with the sample's site.yaml, exactly as
 * `gazette init` fills it for a new site. One text for both, so the two guides cannot drift apart.
 */
export async function sampleGuide(root: string = PACKAGE_ROOT): Promise<string> {
  const [template, { config }, own] = await Promise.all([
    readFile(path.join(STARTER, ...STARTER_FILES.guide.split('/')), 'utf8'),
    loadConfig(root),
    readFile(path.join(PACKAGE_ROOT, 'package.json'), 'utf8'),
  ]);
  const node = (JSON.parse(own) as { engines?: { node?: string } }).engines?.node ?? '>=20.19';
  return GENERATED + siteDoc(template, STARTER_FILES.guide, config, node);
}

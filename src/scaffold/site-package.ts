import { slugify } from '../text/slug.js';
import type { GazettePin } from './gazette-pin.js';

/**
 * package.json of a new site: gazette as its one dependency, and the scripts the editors' guide
 * names (`npm run dev`, `build`, `check`, `new`). Private: a site is published as a web site, not
 * to the npm registry.
 */
export function sitePackageJson(folderName: string, title: string, pin: GazettePin, node: string): string {
  const manifest = {
    name: slugify(folderName) || 'gazette-site',
    private: true,
    description: title,
    scripts: {
      dev: 'gazette dev',
      build: 'gazette build',
      check: 'gazette check',
      new: 'gazette new',
    },
    engines: { node },
    dependencies: { gazette: pin.spec },
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

import { existsSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE } from '../config/load-config.js';
import { realPathOf } from '../fs/real-path.js';
import { relationOf, type UsageProblem } from '../output/output-place.js';
import { siteSources } from '../site/site-sources.js';

/**
 * Whether a new site may be made in `dir`. Its files would become part of whatever they land in: in
 * another site's content/ they would be read as articles, in its templates/ or public/ (or the
 * built-in theme's) they would be published. So a new site may lie beside another site's sources,
 * never inside them. The rule of what a site is made from is site-sources.ts, as for --out.
 */
export function newSiteProblem(dir: string): UsageProblem | undefined {
  const real = realPathOf(dir);
  const holder = siteHolding(real);
  const sources = siteSources(holder ?? real).filter(
    (s) => holder !== undefined || s.kind.startsWith('theme'),
  );
  for (const source of sources) {
    const relation = relationOf(real, realPathOf(source.path));
    if (relation === 'is' || relation === 'is inside')
      return {
        message: `${real} ${relation} ${source.path}, which a site is built from: the new site's files would be read as part of it`,
        hint: 'make the new site in a folder of its own, outside any site’s content/, templates/ and public/',
      };
  }
  return undefined;
}

/** The nearest folder above `dir` that holds a site.yaml: the site `dir` is inside, if any. */
function siteHolding(dir: string): string | undefined {
  for (let at = path.dirname(dir); ; at = path.dirname(at)) {
    if (existsSync(path.join(at, CONFIG_FILE))) return at;
    if (path.dirname(at) === at) return undefined;
  }
}

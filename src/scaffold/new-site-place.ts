import { existsSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE } from '../config/load-config.js';
import { realPathOf } from '../fs/real-path.js';
import type { Values } from '../messages/types.js';
import { relationOf } from '../output/output-place.js';
import { siteSources } from '../site/site-sources.js';

/**
 * Whether a new site may be made in `dir`: the values of problem GZ0520 (worded in
 * src/messages/files.ts), or nothing when it may. Its files would become part of whatever they land in: in
 * another site's content/ they would be read as articles, in its templates/ or public/ (or the
 * built-in theme's) they would be published. So a new site may lie beside another site's sources,
 * never inside them. The rule of what a site is made from is site-sources.ts, as for --out.
 */
export function newSiteProblem(dir: string): Values | undefined {
  const real = realPathOf(dir);
  const holder = siteHolding(real);
  const sources = siteSources(holder ?? real).filter(
    (s) => holder !== undefined || s.kind.startsWith('theme'),
  );
  for (const source of sources) {
    const relation = relationOf(real, realPathOf(source.path));
    if (relation === 'is' || relation === 'is inside')
      return { dir: real, relation, source: source.path, kind: source.kind };
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

import path from 'node:path';
import { realPathOf } from '../fs/real-path.js';
import type { Values } from '../messages/types.js';
import { cacheDirOf, type SourceKind, siteSources } from '../site/site-sources.js';

/** The output folder when none is given. */
export const defaultOutOf = (root: string): string => path.join(root, 'dist');

/** A place the output folder must keep clear of, by its real path. */
export interface KeptPlace {
  readonly kind: SourceKind | 'site' | 'cache';
  readonly path: string;
}

/** Where a build would write, and what it must not touch: real paths (see realPathOf). */
export interface OutputPlace {
  readonly out: string;
  readonly root: string;
  readonly kept: readonly KeptPlace[];
}

const WHAT: Record<KeptPlace['kind'], string> = {
  site: "the site's folder",
  content: "the site's content folder",
  config: "the site's site.yaml",
  public: "the site's public folder",
  templates: "the site's templates folder",
  cache: "the site's build cache",
  'theme templates': "gazette's built-in templates folder",
  'theme public': "gazette's built-in public folder",
};

/**
 * Whether the site may be built into `out`, for every command that writes an output folder. A
 * build replaces its output folder whole (and keeps the folder it replaced for a while, then deletes
 * it): so the output may not be, hold or lie inside anything the site is made from, and may not be
 * the site's folder or one that holds it. Inside the site's folder, beside its sources, it may be.
 */
export function outputProblem(root: string, out: string = defaultOutOf(root)): Values | undefined {
  return outputPlaceProblem(outputPlaceOf(root, out));
}

/** The real paths `outputPlaceProblem` compares, with those of the site's sources. */
export function outputPlaceOf(root: string, out: string): OutputPlace {
  const realRoot = realPathOf(root);
  return {
    out: realPathOf(out),
    root: realRoot,
    kept: [
      { kind: 'site', path: realRoot },
      ...siteSources(root).map((s) => ({ kind: s.kind, path: realPathOf(s.path) })),
      // Not a source, but read while the pages are written (the articles' bodies are packed there).
      { kind: 'cache', path: realPathOf(cacheDirOf(root)) },
    ],
  };
}

/**
 * The rule of `outputProblem`, over real paths alone (no file system): the values of problem GZ0511
 * (worded in src/messages/files.ts), or nothing when the folder may be built into.
 */
export function outputPlaceProblem(place: OutputPlace): Values | undefined {
  for (const kept of place.kept) {
    const relation = relationOf(place.out, kept.path);
    // The output may be anywhere in the site's folder, beside its sources.
    if (relation === undefined || (kept.kind === 'site' && relation === 'is inside')) continue;
    const where = relation === 'is' ? '' : ` (${kept.path})`;
    return {
      out: place.out,
      relation,
      kind: kept.kind,
      what: WHAT[kept.kind],
      where,
      suggested: defaultOutOf(place.root),
    };
  }
  return undefined;
}

/** How folder `out` lies to `place`, if they overlap at all. */
export function relationOf(out: string, place: string): 'is' | 'is inside' | 'holds' | undefined {
  if (out === place) return 'is';
  if (isInside(out, place)) return 'is inside';
  if (isInside(place, out)) return 'holds';
  return undefined;
}

const isInside = (inner: string, outer: string): boolean => {
  const rel = path.relative(outer, inner);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
};

import path from 'node:path';

/** What is known of the gazette that runs `init`, and of how it was installed. */
export interface RunningGazette {
  /** Its package folder, symlinks resolved. */
  readonly root: string;
  readonly version: string;
  /** The Node.js versions it runs on (its package.json `engines.node`). */
  readonly node: string;
  /**
   * When it lives in `PROJECT/node_modules/gazette`: that project's folder and how its package.json
   * (or npx's, for `npx gazette`) asks for gazette.
   */
  readonly installer?: { readonly dir: string; readonly spec?: string };
}

/** How the new site's package.json asks for gazette. */
export interface GazettePin {
  /** The dependency's spec: `^0.1.0`, `file:vendor/gazette-0.1.0.tgz`, `file:/home/me/gazette`, … */
  readonly spec: string;
  /** A tarball copied into the site, so that `npm install` works there and in CI without the registry. */
  readonly vendor?: { readonly from: string; readonly to: string };
}

/**
 * The same gazette for the new site: the registry version when it came from the registry; the same
 * tarball when it was installed from one (copied into the site's `vendor/`, as the tarball's own
 * place is on one computer only, and CI installs from the site's repository); a URL or git spec as
 * it was given; the folder itself when it runs from a clone or a linked folder.
 */
export function gazettePin(gazette: RunningGazette, exists: (file: string) => boolean): GazettePin {
  const registry = { spec: `^${gazette.version}` };
  const { installer } = gazette;
  if (!installer) return { spec: `file:${gazette.root}` };
  const spec = installer.spec?.trim() ?? '';
  if (spec.startsWith('file:')) {
    const target = path.resolve(installer.dir, spec.slice('file:'.length));
    if (!TARBALL.test(target)) return { spec: `file:${target}` };
    if (!exists(target)) return registry;
    const to = `vendor/gazette-${gazette.version}.tgz`;
    return { spec: `file:${to}`, vendor: { from: target, to } };
  }
  return WORKS_ANYWHERE.test(spec) ? { spec } : registry;
}

const TARBALL = /\.(tgz|tar\.gz|tar)$/i;
/** Specs that name the same package on any computer: a URL, git, or a GitHub `owner/repo`. */
const WORKS_ANYWHERE = /^(https?:|git\+|git:|github:|gitlab:|bitbucket:|[\w.-]+\/[\w.-]+(#.*)?$)/;

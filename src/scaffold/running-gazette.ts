import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';
import type { RunningGazette } from './gazette-pin.js';

type PackageJson = {
  version?: string;
  engines?: { node?: string };
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
};

/** The gazette running now: its real folder, version and engines, and the project that installed it. */
export async function runningGazette(packageRoot: string = PACKAGE_ROOT): Promise<RunningGazette> {
  const root = await realpath(packageRoot);
  const own = (await readJson(path.join(root, 'package.json'))) ?? {};
  const gazette = { root, version: own.version ?? '0.0.0', node: own.engines?.node ?? '>=20.19' };
  // npm installs a package from the registry or a tarball into PROJECT/node_modules/NAME, and links
  // one from a folder (whose real path is then that folder).
  if (path.basename(path.dirname(root)) !== 'node_modules') return gazette;
  const dir = path.dirname(path.dirname(root));
  const project = await readJson(path.join(dir, 'package.json'));
  const name = path.basename(root);
  const spec =
    project?.dependencies?.[name] ??
    project?.devDependencies?.[name] ??
    project?.optionalDependencies?.[name];
  return { ...gazette, installer: { dir, ...(spec !== undefined && { spec }) } };
}

const readJson = async (file: string): Promise<PackageJson | undefined> => {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as PackageJson;
  } catch {
    return undefined;
  }
};

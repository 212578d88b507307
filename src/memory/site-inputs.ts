import path from 'node:path';
import type nunjucks from 'nunjucks';
import { bytesDigest, catalogDigest, type ImageCatalog, readImageCatalog } from '../assets/image-catalog.js';
import { loadConfig } from '../config/load-config.js';
import type { SiteConfig } from '../config/site-config.js';
import { isArticleName } from '../content/discover.js';
import { type Diagnostic, GazetteError, hasErrors } from '../errors/diagnostic.js';
import { digestOf } from '../site/load-files.js';
import { changesConfig } from '../site/site-sources.js';
import { compileTemplates } from '../templates/compile-templates.js';
import { createEnvironment } from '../templates/environment.js';
import { readTemplates } from '../templates/read-templates.js';
import { type TemplateFingerprints, templateFingerprints } from '../templates/template-deps.js';
import { templateDirs } from '../templates/template-dirs.js';
import type { ChangedPaths } from './changed-paths.js';
import { type ContentFiles, NO_CONTENT } from './content-files.js';

/**
 * What the dev server has read of the site's files, each part read again only when the files it
 * comes from changed. A part left undefined is read by the next rebuild: site.yaml or the templates,
 * once changed, are read until they load, so every rebuild until then fails as a build would instead
 * of quietly using the last good ones.
 */
export interface SiteInputs {
  readonly config?: ConfigInput;
  readonly content: ContentFiles;
  readonly images?: ImagesInput;
  readonly templates: TemplatesInput;
}

export interface ConfigInput {
  readonly config: SiteConfig;
  readonly digest: string;
}

export interface ImagesInput {
  readonly catalog: ImageCatalog;
  /** What articles depend on (catalogDigest), and what the copies of the files do (bytesDigest). */
  readonly digest: string;
  readonly bytes: string;
}

export interface TemplatesInput {
  /** Counts the changes of templates: a part of the site key (see keysOf). */
  readonly generation: number;
  readonly compiled?: CompiledTemplates;
}

export interface CompiledTemplates {
  readonly env: nunjucks.Environment;
  readonly fingerprints: TemplateFingerprints;
  /** The config the environment was made with. */
  readonly configDigest: string;
}

export const NO_INPUTS: SiteInputs = { content: NO_CONTENT, templates: { generation: 0 } };

/**
 * site.yaml, read again when it or a file of public/ it may name changed (changesConfig), or when it
 * has not loaded yet; its problems when it cannot load.
 */
export async function readConfig(
  before: ConfigInput | undefined,
  changed: ChangedPaths,
  root: string,
  baseUrl: string | undefined,
): Promise<{ config?: ConfigInput; diagnostics: readonly Diagnostic[] }> {
  if (before && !changed.all && !changed.paths.some((p) => changesConfig(root, p)))
    return { config: before, diagnostics: [] };
  try {
    const loaded = await loadConfig(root, baseUrl === undefined ? {} : { baseUrl });
    const digest = digestOf(JSON.stringify(loaded.config));
    const config = before?.digest === digest ? before : { config: loaded.config, digest };
    return { config, diagnostics: loaded.warnings };
  } catch (cause) {
    if (cause instanceof GazetteError) return { diagnostics: cause.diagnostics };
    throw cause;
  }
}

/**
 * The images and static files, measured again when a file other than an article changed. Entries
 * render their images' sizes: when those change, every entry and page is made again (see keysOf).
 */
export async function readImages(
  before: ImagesInput | undefined,
  changed: ChangedPaths,
  root: string,
  exclude: readonly string[],
): Promise<ImagesInput> {
  if (before && !changed.all && changed.paths.every((p) => isArticleName(path.basename(p)))) return before;
  const catalog = await readImageCatalog(root, exclude, before?.catalog);
  return { catalog, digest: catalogDigest(catalog), bytes: bytesDigest(catalog) };
}

/** The templates, to be compiled again when any of them changed. */
export const templatesAfter = (
  before: TemplatesInput,
  changed: ChangedPaths,
  root: string,
): TemplatesInput =>
  templateDirs(root).some((dir) => changed.touched(dir)) ? { generation: before.generation + 1 } : before;

/**
 * The templates compiled for `config`, with what each depends on (the pages they affect): compiled
 * again when they changed or the config did. Their errors when they do not compile.
 */
export async function compiled(
  templates: TemplatesInput,
  config: ConfigInput,
  root: string,
): Promise<{ templates: TemplatesInput; problems: readonly Diagnostic[] }> {
  if (templates.compiled?.configDigest === config.digest) return { templates, problems: [] };
  const env = createEnvironment(root, config.config);
  const problems = await compileTemplates(env, templateDirs(root), root);
  if (hasErrors(problems)) return { templates, problems };
  const fingerprints = templateFingerprints(await readTemplates(root));
  return {
    templates: {
      generation: templates.generation,
      compiled: { env, fingerprints, configDigest: config.digest },
    },
    problems: [],
  };
}

/** What the engine tells sites apart by (see PreviousKeys), as the build's cache keys do. */
export interface MemoryKeys {
  /** What a file's result depends on but its bytes: config, the images' sizes, drafts and future. */
  readonly contentKey: string;
  /** Everything the site is made of but its content files: with templates and the copied files' bytes. */
  readonly siteKey: string;
}

export function keysOf(
  config: ConfigInput,
  images: ImagesInput,
  templates: TemplatesInput,
  publish: { readonly drafts: boolean; readonly future: boolean },
): MemoryKeys {
  const contentKey = digestOf(JSON.stringify([config.digest, images.digest, publish.drafts, publish.future]));
  return { contentKey, siteKey: digestOf(JSON.stringify([contentKey, images.bytes, templates.generation])) };
}

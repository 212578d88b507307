import path from 'node:path';
import {
  bytesDigest,
  catalogDigest,
  type ImageCatalog,
  NO_IMAGES,
  publicFilesOf,
  readImageCatalog,
} from '../assets/image-catalog.js';
import type { StaticFile } from '../assets/public-files.js';
import { type BuildCache, cacheDirOf, keyOf, openBuildCache } from '../cache/build-cache.js';
import { readStoredCatalog } from '../cache/stored-catalog.js';
import { toolDigest } from '../cache/tool-digest.js';
import { loadConfig } from '../config/load-config.js';
import type { SiteConfig } from '../config/site-config.js';
import { listSources, readListed, type Sources } from '../content/discover.js';
import type { PublishOptions } from '../content/publish.js';
import { type Diagnostic, GazetteError, problem } from '../errors/diagnostic.js';
import { statsOffThread } from '../fs/stats-off-thread.js';
import { outputTarget } from '../output/output-folder.js';
import { defaultOutOf, outputProblem } from '../output/output-place.js';
import { recoverOutput } from '../output/recover-output.js';
import { readTemplates } from '../templates/read-templates.js';
import type { BuildOptions } from './options.js';
import { type Step, stepTimer } from './step.js';

/** What a build knows once it has read what the site is made of, before loading any article. */
export interface Prepared {
  readonly options: BuildOptions;
  readonly useCache: boolean;
  readonly root: string;
  readonly out: string;
  readonly publish: PublishOptions;
  readonly search: boolean;
  readonly startedAt: number;
  readonly step: Step;
  readonly timings: Array<[string, number]>;
  /** Warnings so far (and errors, which stop the build where it looks). */
  readonly diagnostics: Diagnostic[];
  readonly config: SiteConfig;
  readonly images: ImageCatalog;
  /** What the last build found of each image (reused for the files whose status did not change). */
  readonly knownImages: ImageCatalog;
  readonly keys: InputKeys;
  readonly cache: BuildCache;
  readonly sources: Sources;
}

/**
 * The first step: the output folder checked (and what a killed build left there recovered), the
 * config, the images, the keys of everything the site is made of, the build cache opened, and the
 * content files found (read only if the cache does not know them as they are).
 */
export async function prepare(options: BuildOptions, useCache: boolean): Promise<Prepared> {
  const root = path.resolve(options.root);
  const out = outputTarget(options.out ?? defaultOutOf(root));
  // The command line refuses such an output folder as bad usage; this guards programs that call build().
  const refused = outputProblem(root, out);
  if (refused) throw new GazetteError([problem('GZ0511', out, undefined, refused)]);
  const { step, timings } = stepTimer(options.progress);
  const startedAt = Date.now();
  const publish = {
    drafts: options.drafts ?? false,
    future: options.future ?? false,
    now: options.now ?? startedAt,
  };
  const search = options.search ?? true;
  await recoverOutput(out);
  const { config, warnings } = await step('load config', () =>
    loadConfig(root, options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }),
  );
  const diagnostics = [...warnings];
  const knownImages = useCache ? await readStoredCatalog(cacheDirOf(root), toolDigest()) : NO_IMAGES;
  const images = await step('measure images', () => readImageCatalog(root, [out], knownImages));
  const keys = await step('fingerprint inputs', () =>
    inputKeys(root, config, images, { publish, search, out }),
  );
  const listed = await step('list content', () => listSources(root, [out]));
  // Each content file's status is taken on another thread while the build cache is opened.
  const stamping = statsOffThread(listed.found.map(([full]) => full));
  const cache = await step('open build cache', () => openBuildCache(root, { ...keys, publish }, useCache));
  const sources = await step('read content', async () =>
    readListed(listed, await stamping, {
      unchanged: (file, stamp) => cache.unchanged(file, stamp),
      // Files the last build did not have are read by whoever loads them, batch by batch.
      later: (file) => !cache.knows(file),
    }),
  );
  diagnostics.push(...sources.diagnostics);
  return {
    options,
    useCache,
    root,
    out,
    publish,
    search,
    startedAt,
    step,
    timings,
    diagnostics,
    config,
    images,
    knownImages,
    keys,
    cache,
    sources,
  };
}

export interface InputKeys {
  readonly tool: string;
  readonly contentKey: string;
  readonly siteKey: string;
  readonly templates: Awaited<ReturnType<typeof readTemplates>>;
  readonly publicFiles: readonly StaticFile[];
}

/**
 * What the cache is keyed by: gazette itself, config and images' sizes (`contentKey`: for articles,
 * and in every page's signature with its template's fingerprint), and the rest of the site
 * (`siteKey`: templates, the bytes of every file the site copies, options);
 * with the static files listed for it, which the site is then planned with.
 */
async function inputKeys(
  root: string,
  config: SiteConfig,
  images: ImageCatalog,
  options: { publish: PublishOptions; search: boolean; out: string },
): Promise<InputKeys> {
  const tool = toolDigest();
  const contentKey = keyOf(tool, config, catalogDigest(images));
  // The templates' text, not yet what each depends on: that needs their parser, loaded only when
  // there is something to render (see toRender); any change of a template changes this key too.
  const templates = await readTemplates(root);
  const publicFiles = publicFilesOf(images);
  const { drafts, future } = options.publish;
  // The files the site copies (images beside articles, public/) by their bytes.
  const siteKey = keyOf(
    contentKey,
    [...templates],
    bytesDigest(images),
    drafts,
    future,
    options.search,
    options.out,
  );
  return { tool, contentKey, siteKey, templates, publicFiles };
}

import type { DateTime } from 'luxon';
import { parseConfig } from '../config/load-config.js';
import type { Category } from '../config/site-config.js';
import { sentenceOf } from '../errors/diagnostic.js';
import { fillTemplate } from './fill-template.js';
import type { GazettePin } from './gazette-pin.js';
import { markdownText } from './markdown-text.js';
import { newArticle } from './new-article.js';
import { siteDoc } from './site-docs.js';
import { sitePackageJson } from './site-package.js';
import type { SiteValues } from './site-values.js';
import { siteYaml } from './site-yaml.js';

/** A file of the new site (path relative to its folder, with "/"): its text, or a file to copy. */
export type SiteFile =
  | { readonly path: string; readonly text: string }
  | { readonly path: string; readonly copyOf: string };

/**
 * The files of gazette's `starter/` folder, by name. Dot-files are kept there without their dot
 * (npm leaves a package's `.gitignore` out) and get it in the site.
 */
export const STARTER_FILES = {
  siteYaml: 'site.yaml',
  readme: 'README.md',
  guide: 'docs/编辑指南.md',
  example: 'example-article.md',
  gitignore: 'gitignore',
  workflow: 'github/workflows/publish.yml',
} as const;

export type StarterTexts = Readonly<Record<keyof typeof STARTER_FILES, string>>;

export interface SiteContext {
  /** The site's folder name, for package.json's name. */
  readonly folderName: string;
  readonly pin: GazettePin;
  /** The Node.js versions gazette runs on. */
  readonly node: string;
  /** When the example article is dated. */
  readonly now: DateTime;
}

/** The slug of the example article. */
const EXAMPLE_SLUG = 'wangzhan-shangxian';

/**
 * Every file of a new site, made from the office's values: pure, nothing is read or written here.
 * site.yaml is read back by the config loader, as a build will read it, and its config makes the
 * rest; a value the loader refuses throws its GazetteError.
 */
export function siteFiles(starter: StarterTexts, values: SiteValues, context: SiteContext): SiteFile[] {
  const yaml = siteYaml(starter.siteYaml, values);
  const { config } = parseConfig(new TextEncoder().encode(yaml), 'site.yaml');
  const first = config.categories[0] as Category;
  const body = fillTemplate(
    starter.example,
    {
      date: context.now.setZone(config.timeZone).toFormat('M月d日'),
      title: markdownText(config.title),
      categoryNames: config.categories.map((c) => markdownText(c.name)).join('、'),
    },
    STARTER_FILES.example,
  );
  const example = newArticle(config, {
    title: `${config.title}正式上线运行`,
    category: first.slug,
    slug: EXAMPLE_SLUG,
    now: context.now,
    body,
  });
  if (!example.ok)
    throw new Error(`the example article cannot be made: ${sentenceOf(example.code, example.values, 'en')}`);
  const { pin, node } = context;
  return [
    { path: 'site.yaml', text: yaml },
    { path: 'package.json', text: sitePackageJson(context.folderName, config.title, pin, node) },
    { path: '.gitignore', text: starter.gitignore },
    { path: 'README.md', text: siteDoc(starter.readme, STARTER_FILES.readme, config, node) },
    { path: STARTER_FILES.guide, text: siteDoc(starter.guide, STARTER_FILES.guide, config, node) },
    { path: example.relativePath, text: example.text },
    // Keeps the folder in git; the build copies no dot-file into the site.
    { path: 'public/.gitkeep', text: '' },
    { path: '.github/workflows/publish.yml', text: starter.workflow },
    ...(pin.vendor ? [{ path: pin.vendor.to, copyOf: pin.vendor.from }] : []),
  ];
}

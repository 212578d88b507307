import type { WriteOutcome } from '../output/folder-writer.js';
import type { Page } from '../pages/page.js';
import type { TemplateFingerprints } from '../templates/template-deps.js';
import { outputPathOf } from '../urls/urls.js';
import { pageSigner } from './page-signature.js';
import type { PlannedBuild } from './planned-build.js';

export interface PageWork {
  /** Pages to render. */
  readonly render: readonly Page[];
  /** Output paths of pages the previous site has exactly as this build would render them. */
  readonly keep: readonly string[];
  /**
   * Output paths of pages the staging folder already has as this build would render them (it
   * started as the spare), with what they are against the previous site.
   */
  readonly untouched: ReadonlyArray<readonly [path: string, outcome: WriteOutcome]>;
  /** Output path → signature, for the next build. */
  readonly signatures: Record<string, string>;
}

/**
 * Splits the pages into those to render and those to keep from the previous site: a page whose
 * signature (template with its includes, data, config, gazette itself: `key`) is the one recorded
 * for the same output path renders to the same bytes. Without a trusted previous site, all render.
 * A page the staging folder's spare has with the same signature is left where it is. A page the
 * plan made as the previous build did (an article's in `asBefore`, a list's not in `movedLists`) has
 * the signature recorded, without signing it.
 */
export function pageWork(
  { pages, asBefore, movedLists }: Pick<PlannedBuild, 'pages' | 'asBefore' | 'movedLists'>,
  fingerprints: TemplateFingerprints,
  key: string,
  previous: Readonly<Record<string, string>> | undefined,
  spare?: Readonly<Record<string, string>>,
): PageWork {
  const render: Page[] = [];
  const keep: string[] = [];
  const untouched: Array<[string, WriteOutcome]> = [];
  const signatures: Record<string, string> = {};
  const sign = pageSigner();
  for (const page of pages) {
    const out = outputPathOf(page.url);
    const was = previous?.[out];
    const sameAsBefore =
      page.source !== undefined
        ? asBefore?.has(page.source)
        : page.list !== undefined && movedLists !== undefined && !movedLists.has(page.list);
    const signature =
      was !== undefined && sameAsBefore ? was : sign(page, fingerprints.get(page.template) ?? '', key);
    signatures[out] = signature;
    if (spare?.[out] === signature)
      untouched.push([out, was === undefined ? 'added' : was === signature ? 'same' : 'changed']);
    else if (was === signature) keep.push(out);
    else render.push(page);
  }
  return { render, keep, untouched, signatures };
}

/**
 * Adds to `work` (the pages a rebuild planned) every other file of the previous site but those the
 * build writes itself (`fresh`, and the search bundle under `rebuilt` if it is made again): for a
 * rebuild that planned only the pages that can have changed (planTextEdits), the rest stays as the
 * previous build made it, with the signatures it recorded.
 */
export function carryOver(
  work: PageWork,
  previousFiles: readonly string[],
  fresh: ReadonlySet<string>,
  rebuilt: string | undefined,
  previous: Readonly<Record<string, string>>,
  spare?: Readonly<Record<string, string>>,
): PageWork {
  const keep = [...work.keep];
  const untouched = [...work.untouched];
  const signatures = { ...work.signatures };
  for (const file of previousFiles) {
    if (fresh.has(file) || file in signatures || (rebuilt && file.startsWith(rebuilt))) continue;
    const signature = previous[file];
    if (signature !== undefined) signatures[file] = signature;
    if (signature !== undefined && spare?.[file] === signature) untouched.push([file, 'same']);
    else keep.push(file);
  }
  return { render: work.render, keep, untouched, signatures };
}

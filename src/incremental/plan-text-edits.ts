import type { BodyRef } from '../bodies/body-ref.js';
import type { SiteConfig } from '../config/site-config.js';
import type { Diagnostic } from '../errors/diagnostic.js';
import type { Entry } from '../graph/site-graph.js';
import { aroundFrom, articlePlanner, type Surroundings } from '../pages/article-page.js';
import type { Page } from '../pages/page.js';
import type { LoadedFiles, PlannedBuild } from './planned-build.js';
import type { PreviousState } from './previous-state.js';

/**
 * The plan of a rebuild after only the text of some articles changed since the previous build, and
 * nothing else (see textEditsSince): their own pages (editedPages). Every other page and file would
 * come out as the previous build made it, so it is kept from there, not planned (see carryOver),
 * and the other files' results are not even parsed: planning and signing a 20,000-article site
 * took most of such a rebuild.
 */
export function planTextEdits(
  previous: PreviousState,
  loaded: LoadedFiles,
  edited: ReadonlySet<string>,
  config: SiteConfig,
): { build: PlannedBuild; diagnostics: Diagnostic[] } {
  const fresh = new Map(loaded.fresh.map((r) => [r.path, r]));
  const bodies = new Map<string, BodyRef>();
  for (const file of edited) {
    const body = fresh.get(file)?.body;
    if (body) bodies.set(file, body);
  }
  const entryOf = (file: string) => fresh.get(file)?.entry ?? previous.resultOf(file)?.entry;
  const pages = editedPages(edited, entryOf, (file) => previous.surroundingsOf(file), bodies, config);
  // What a whole build would report: the previous build's messages, but those of the files read now.
  const diagnostics = previous.summary.warnings.filter((d) => !fresh.has(d.file));
  for (const r of loaded.fresh) diagnostics.push(...r.diagnostics, ...(r.entry?.warnings ?? []));
  // In the order of the files, as a whole build reports them; an order of 20,000 files is made only
  // when there is something to sort (the dev server's save of a clean article takes a few ms in all).
  if (diagnostics.length > 1) {
    const order = new Map(previous.files.map((f, i) => [f, i]));
    diagnostics.sort((a, b) => (order.get(a.file) ?? -1) - (order.get(b.file) ?? -1));
  }
  return {
    build: {
      pages,
      staticFiles: [],
      files: [],
      partial: true,
      bodies,
      summary: { ...previous.summary, warnings: diagnostics },
      results: previous.files.map((f) => fresh.get(f) ?? f),
      ...(previous.nextDue !== undefined && { nextDue: previous.nextDue }),
    },
    diagnostics,
  };
}

/**
 * The article pages of the `edited` files, made as planPages makes them, from their entries now and
 * what the previous pages showed around them: neighbours, related reading and tags follow from what
 * lists show of every article (listingOf), which a text edit leaves as it was. The build and the
 * dev server both re-render exactly these after a text edit.
 */
export function editedPages(
  edited: Iterable<string>,
  entryOf: (file: string) => Entry | undefined,
  surroundingsOf: (file: string) => Surroundings | undefined,
  bodies: ReadonlyMap<string, BodyRef>,
  config: SiteConfig,
): Page[] {
  const known = (file: string): Entry => {
    const entry = entryOf(file);
    if (!entry) throw new Error(`no entry of ${file} to plan its page after a text edit`);
    return entry;
  };
  const plan = articlePlanner(config, bodies);
  return [...edited].map((file) => {
    const around = surroundingsOf(file);
    if (!around) throw new Error(`no surroundings of ${file} to plan its page after a text edit`);
    return plan(known(file), aroundFrom(around, known));
  });
}

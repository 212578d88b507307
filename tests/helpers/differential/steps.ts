import type { Random } from './random.js';
import {
  type ArticleState,
  CATEGORIES,
  type Category,
  COLOURS,
  type ConfigState,
  IMAGES,
  type ImageName,
  type ImageState,
  LEADS,
  newArticle,
  PERMALINKS,
  type SiteState,
  SOURCES,
  SUMMARIES,
  TAGS,
  TAILS,
  type TemplateState,
  TITLES,
} from './site-model.js';

/** One edit an editor, a designer or a script could make between two builds, with its values drawn. */
export type Step =
  | { readonly kind: 'title'; readonly id: number; readonly title: number }
  | {
      readonly kind: 'body';
      readonly id: number;
      readonly lead: number;
      readonly tail: number;
      readonly figure: boolean;
    }
  | { readonly kind: 'date'; readonly id: number; readonly day: number; readonly hour: number }
  /**
   * The article dated a few seconds from now (`at`, by the real clock): left out until then, it must
   * appear with the first build after, though its file has not changed since (runSequence waits
   * for that moment and builds again).
   */
  | { readonly kind: 'schedule'; readonly id: number; readonly at: string }
  | { readonly kind: 'category'; readonly id: number; readonly category: Category }
  | { readonly kind: 'tags'; readonly id: number; readonly tags: readonly string[] }
  | { readonly kind: 'summary'; readonly id: number; readonly summary: number | null }
  | { readonly kind: 'source'; readonly id: number; readonly source: number | null }
  | { readonly kind: 'cover'; readonly id: number; readonly cover: ImageName | null }
  | { readonly kind: 'headline'; readonly id: number; readonly headline: boolean }
  | { readonly kind: 'draft'; readonly id: number; readonly draft: boolean }
  /** The same bytes written again: a new modification time only. */
  | { readonly kind: 'touch'; readonly id: number }
  | { readonly kind: 'add'; readonly id: number; readonly title: number; readonly seed: number }
  | { readonly kind: 'delete'; readonly id: number }
  | { readonly kind: 'rename'; readonly id: number; readonly file: string }
  /** A template override written (a version) or removed (null: the theme's again). */
  | { readonly kind: 'template'; readonly which: keyof TemplateState; readonly version: number | null }
  | { readonly kind: 'config'; readonly change: Partial<ConfigState> }
  | { readonly kind: 'public'; readonly notice?: number; readonly attachment?: boolean }
  /** An image replaced: another colour of the same size (same length, and mtime), or another size. */
  | { readonly kind: 'image'; readonly name: ImageName | 'banner'; readonly image: ImageState }
  /**
   * A file of the build's output folder deleted, or written over in place (same inode: the previous
   * site's copy beside it may share it), or written over with as many bytes and its mtime kept.
   * `pick` chooses the file among the output's, sorted. The dev server serves from memory: not for it.
   */
  | { readonly kind: 'output'; readonly action: 'delete' | 'append' | 'same-size'; readonly pick: number };

export type StepKind = Step['kind'];

/** How often each kind of step is drawn, relatively: the usual edits most. */
const WEIGHTS: Readonly<Record<StepKind, number>> = {
  title: 10,
  body: 10,
  date: 5,
  schedule: 2,
  category: 4,
  tags: 5,
  summary: 4,
  source: 4,
  cover: 4,
  headline: 3,
  draft: 4,
  touch: 2,
  add: 4,
  delete: 3,
  rename: 3,
  template: 7,
  config: 5,
  public: 3,
  image: 5,
  output: 4,
};

/** Fewer articles than this, none is deleted; more, none is added. */
const FEWEST = 5;
const MOST = 16;

/** A step drawn for `state`; `kinds` limits the kinds drawn (all by default). */
export function randomStep(r: Random, state: SiteState, kinds: ReadonlySet<StepKind> | undefined): Step {
  for (;;) {
    const step = drawStep(r, state, pickWeighted(r, kinds));
    if (step) return step;
  }
}

function pickWeighted(r: Random, kinds: ReadonlySet<StepKind> | undefined): StepKind {
  const entries = (Object.entries(WEIGHTS) as Array<[StepKind, number]>).filter(
    ([k]) => !kinds || kinds.has(k),
  );
  let at = r.below(entries.reduce((sum, [, w]) => sum + w, 0));
  for (const [kind, weight] of entries) {
    if (at < weight) return kind;
    at -= weight;
  }
  throw new Error('no kind of step to draw');
}

/** A step of `kind`, or undefined when none fits the state (nothing to delete). */
function drawStep(r: Random, state: SiteState, kind: StepKind): Step | undefined {
  const a = r.pick(state.articles);
  const id = a.id;
  const other = <T>(pool: readonly T[], now: T): T => {
    const rest = pool.filter((v) => v !== now);
    return rest.length > 0 ? r.pick(rest) : now;
  };
  const index = (length: number) => Array.from({ length }, (_, i) => i);
  switch (kind) {
    case 'title':
      return { kind, id, title: other(index(TITLES.length), a.title) };
    case 'body': {
      // One part of the body at a time: the lead (the summary, unless one is given), the text
      // further down (its own page alone), or a picture in it.
      const part = r.below(3);
      return {
        kind,
        id,
        lead: part === 0 ? other(index(LEADS.length), a.lead) : a.lead,
        tail: part === 1 ? other(index(TAILS.length), a.tail) : a.tail,
        figure: part === 2 ? !a.figure : a.figure,
      };
    }
    case 'date':
      // Often the same day, another hour: the order within a day, or nothing, changes.
      return { kind, id, day: r.chance(0.5) ? a.day : r.below(28) + 1, hour: r.below(24) };
    case 'schedule':
      return { kind, id, at: inAFewSeconds() };
    case 'category':
      return { kind, id, category: other(CATEGORIES, a.category) };
    case 'tags':
      return { kind, id, tags: r.subset(TAGS) };
    case 'summary':
      return { kind, id, summary: other([null, ...index(SUMMARIES.length)], a.summary ?? null) };
    case 'source':
      return { kind, id, source: other([null, ...index(SOURCES.length)], a.source ?? null) };
    case 'cover':
      return { kind, id, cover: other([null, ...IMAGES], a.cover ?? null) };
    case 'headline':
      return { kind, id, headline: !a.headline };
    case 'draft':
      return { kind, id, draft: !a.draft };
    case 'touch':
      return { kind, id };
    case 'add': {
      if (state.articles.length >= MOST) return undefined;
      // Now and then an article deleted before comes back under its old name.
      const gone = index(state.nextId).filter((n) => !state.articles.some((x) => x.id === n));
      const back = gone.length > 0 && r.chance(0.4);
      return {
        kind,
        id: back ? r.pick(gone) : state.nextId,
        title: r.below(TITLES.length),
        seed: r.below(1000),
      };
    }
    case 'delete':
      return state.articles.length <= FEWEST ? undefined : { kind, id };
    case 'rename': {
      // Back and forth among a few names: an address comes back after it was gone.
      const names = [`content/a${id}.md`, `content/b${id}.md`, `content/c${id}-neu.md`];
      return { kind, id, file: other(names, a.file) };
    }
    case 'template': {
      const which = r.pick(['article', 'plain', 'wide', 'list', 'footer'] as const);
      const now = state.templates[which];
      const removable = which !== 'plain' && which !== 'wide';
      return { kind, which, version: other([...(removable ? [null] : []), 0, 1, 2], now ?? null) };
    }
    case 'config':
      return { kind, change: configChange(r, state.config) };
    case 'public':
      return r.chance(0.5)
        ? { kind, notice: other([0, 1, 2], state.public.notice) }
        : { kind, attachment: !state.public.attachment };
    case 'image': {
      const name = r.pick([...IMAGES, 'banner'] as const);
      const now = name === 'banner' ? state.public.banner : state.images[name];
      // Mostly another picture of the same size, which changes neither length nor mtime.
      const resized = r.chance(0.2);
      return {
        kind,
        name,
        image: {
          width: resized ? now.width + (r.chance(0.5) ? 5 : -5) : now.width,
          height: now.height,
          colour: resized ? now.colour : other(index(COLOURS.length), now.colour),
        },
      };
    }
    case 'output':
      return { kind, action: r.pick(['delete', 'append', 'same-size'] as const), pick: r.below(1_000_000) };
  }
}

/**
 * How long after a `schedule` step is drawn its article is due: time enough for that step's two
 * builds and the dev server's check (about a second on a busy machine), which must still leave it
 * out; a sequence then waits for it, without CPU.
 */
export const SCHEDULE_LEAD_MS = 4000;

/** A date as front matter has it, SCHEDULE_LEAD_MS from now, in whole seconds: `2026-12-03T14:50:07+00:00`. */
function inAFewSeconds(): string {
  const due = Math.ceil((Date.now() + SCHEDULE_LEAD_MS) / 1000) * 1000;
  return new Date(due).toISOString().replace('.000Z', '+00:00');
}

/** When the article of a `schedule` step is due (epoch ms). */
export const dueOf = (step: Extract<Step, { kind: 'schedule' }>): number => Date.parse(step.at);

function configChange(r: Random, c: ConfigState): Partial<ConfigState> {
  const other = (pool: readonly number[], now: number) => r.pick(pool.filter((v) => v !== now));
  switch (r.below(8)) {
    case 0:
      return { title: other([0, 1], c.title) };
    case 1:
      return { description: other([0, 1, 2], c.description) };
    case 2:
      return { pageSize: other([1, 2, 3], c.pageSize) };
    case 3:
      return { homePerCategory: other([2, 3, 4], c.homePerCategory) };
    case 4:
      return { feedSize: other([3, 5, 8], c.feedSize) };
    case 5:
      return { defaultSource: !c.defaultSource };
    case 6:
      return { third: !c.third };
    default:
      return { permalink: other([...PERMALINKS.keys()], c.permalink) };
  }
}

/** The state after `step`; steps on the output folder, and touches, leave it as it is. */
export function applyStep(state: SiteState, step: Step): SiteState {
  const edit = (id: number, change: (a: ArticleState) => ArticleState): SiteState => ({
    ...state,
    articles: state.articles.map((a) => (a.id === id ? change(a) : a)),
  });
  const optional = <K extends 'summary' | 'source' | 'cover'>(
    a: ArticleState,
    key: K,
    value: ArticleState[K] | null,
  ) => {
    const { [key]: _gone, ...rest } = a;
    return (value === null ? rest : { ...rest, [key]: value }) as ArticleState;
  };
  switch (step.kind) {
    case 'title':
      return edit(step.id, (a) => ({ ...a, title: step.title }));
    case 'body':
      return edit(step.id, (a) => ({ ...a, lead: step.lead, tail: step.tail, figure: step.figure }));
    case 'date':
      return edit(step.id, ({ at: _at, ...a }) => ({ ...a, day: step.day, hour: step.hour }));
    case 'schedule':
      return edit(step.id, (a) => ({ ...a, at: step.at }));
    case 'category':
      return edit(step.id, (a) => ({ ...a, category: step.category }));
    case 'tags':
      return edit(step.id, (a) => ({ ...a, tags: step.tags }));
    case 'summary':
      return edit(step.id, (a) => optional(a, 'summary', step.summary));
    case 'source':
      return edit(step.id, (a) => optional(a, 'source', step.source));
    case 'cover':
      return edit(step.id, (a) => optional(a, 'cover', step.cover));
    case 'headline':
      return edit(step.id, (a) => ({ ...a, headline: step.headline }));
    case 'draft':
      return edit(step.id, (a) => ({ ...a, draft: step.draft }));
    case 'rename':
      return edit(step.id, (a) => ({ ...a, file: step.file }));
    case 'add':
      return {
        ...state,
        articles: [...state.articles, newArticle(step.id, step.title, step.seed)].sort((a, b) => a.id - b.id),
        nextId: Math.max(state.nextId, step.id + 1),
      };
    case 'delete':
      return { ...state, articles: state.articles.filter((a) => a.id !== step.id) };
    case 'template': {
      const { [step.which]: _old, ...rest } = state.templates;
      const templates = (
        step.version === null ? rest : { ...rest, [step.which]: step.version }
      ) as TemplateState;
      return { ...state, templates };
    }
    case 'config':
      return { ...state, config: { ...state.config, ...step.change } };
    case 'public':
      return {
        ...state,
        public: {
          ...state.public,
          ...(step.notice !== undefined && { notice: step.notice }),
          ...(step.attachment !== undefined && { attachment: step.attachment }),
        },
      };
    case 'image':
      return step.name === 'banner'
        ? { ...state, public: { ...state.public, banner: step.image } }
        : { ...state, images: { ...state.images, [step.name]: step.image } };
    case 'touch':
    case 'output':
      return state;
  }
}

/** One line for a step, to print in a failing sequence: its kind and values, as JSON. */
export const describeStep = (step: Step): string => JSON.stringify(step);

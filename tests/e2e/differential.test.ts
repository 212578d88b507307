import { describe, it } from 'vitest';
import { runSequence, type SequenceOptions } from '../helpers/differential/run-sequence.js';
import type { StepKind } from '../helpers/differential/steps.js';

/**
 * The differential test of issue 18: seeded random sequences of edits (every field of an article,
 * articles added, deleted and renamed, an article dated a few seconds ahead, templates, site.yaml,
 * public/, pictures replaced by others of the same size, files of the output changed by hand). After
 * each step the incremental build must be byte for byte a clean `--no-cache` build, and the dev
 * server must serve exactly its files and a 404 for every other file the site has had: a stale page
 * fails it, with its seed and steps.
 *
 * Replay one sequence: `DIFF_SEED=1234 DIFF_STEPS=40 DIFF_SEARCH=0 DIFF_JOBS=1 DIFF_DEV=1 npx vitest
 * run tests/e2e/differential.test.ts` (a failure prints the line). Many seeds, many steps:
 * `npm run differential -- --seeds 50 --steps 200` (bench/differential.mjs).
 */

const env = process.env;
const flag = (name: string, fallback: boolean) => (env[name] === undefined ? fallback : env[name] === '1');
const kinds = env.DIFF_KINDS ? new Set(env.DIFF_KINDS.split(',') as StepKind[]) : undefined;

/**
 * The sequences `npm test` runs: 300 steps and more, most with the dev server and without search
 * (Pagefind takes 0.3 s a build), one with search, one with worker threads (1.5 s a build to start
 * them). Each step costs an incremental and a clean build.
 */
const SUITE: readonly SequenceOptions[] = [
  { seed: 1, steps: 55, search: false, jobs: 1, dev: true },
  { seed: 2, steps: 55, search: false, jobs: 1, dev: true },
  { seed: 3, steps: 55, search: false, jobs: 1, dev: true },
  { seed: 4, steps: 55, search: false, jobs: 1, dev: true },
  { seed: 5, steps: 55, search: false, jobs: 1, dev: true },
  { seed: 6, steps: 20, search: true, jobs: 1, dev: false },
  { seed: 7, steps: 6, search: false, jobs: 2, dev: true },
  // Only what moves articles in the lists (new, deleted, re-dated, re-tagged) and text edits, never a
  // config or picture change (after which every line of the build cache is new): a text edit then
  // builds on the surroundings a whole-site plan left in the cache's patched details.
  {
    seed: 8,
    steps: 20,
    search: false,
    jobs: 1,
    dev: false,
    kinds: new Set<StepKind>(['add', 'delete', 'date', 'tags', 'body']),
  },
];

/** DIFF_SEED alone: that sequence, with the options given (one thread, dev server, no search by default). */
const replay: SequenceOptions | undefined = env.DIFF_SEED
  ? {
      seed: Number(env.DIFF_SEED),
      steps: Number(env.DIFF_STEPS ?? 60),
      search: flag('DIFF_SEARCH', false),
      jobs: Number(env.DIFF_JOBS ?? 1),
      dev: flag('DIFF_DEV', true),
      ...(env.DIFF_KEEP_MTIME !== undefined && { keepImageTimes: flag('DIFF_KEEP_MTIME', true) }),
      ...(kinds && { kinds }),
      ...(env.DIFF_CHECK_BUILD !== undefined && { checkBuild: flag('DIFF_CHECK_BUILD', true) }),
    }
  : undefined;

/** DIFF_SEEDS=FROM-TO (bench/differential.mjs): those seeds, DIFF_STEPS each, the options varied by seed. */
function longRun(range: string): SequenceOptions[] {
  const [from = 1, to = from] = range.split('-').map(Number);
  const steps = Number(env.DIFF_STEPS ?? 200);
  return Array.from({ length: to - from + 1 }, (_, i) => {
    const seed = from + i;
    // One in six with search, one in six on two threads (each with the dev server), the rest plain.
    const search = seed % 6 === 0;
    return { seed, steps, search, jobs: seed % 6 === 3 ? 2 : 1, dev: !search, ...(kinds && { kinds }) };
  });
}

/**
 * DIFF_CHECK=dev (npm run mutation): the suite's sequences with the dev server, checking it alone
 * (the builds are made but not compared), so that a fault of a rule the build shares shows on the
 * dev server's path.
 */
const devOnly = (o: SequenceOptions): SequenceOptions[] => (o.dev ? [{ ...o, checkBuild: false }] : []);

const sequences = replay
  ? [replay]
  : env.DIFF_SEEDS
    ? longRun(env.DIFF_SEEDS)
    : env.DIFF_CHECK === 'dev'
      ? SUITE.flatMap(devOnly)
      : SUITE;

describe('incremental builds and the dev server against a clean build, after random edits', () => {
  for (const o of sequences)
    it(
      `seed ${o.seed}: ${o.steps} steps, search ${o.search ? 'on' : 'off'}, ${o.jobs} thread(s)${o.dev ? ', dev server' : ''}${o.checkBuild === false ? ' alone' : ''}`,
      async () => {
        await runSequence(o);
      },
      Math.max(600_000, o.steps * 5_000),
    );

  // Pictures replaced with their modification time kept (as every sequence replaces them): the dev
  // server once served the old picture here from step 8 on, a chart.png replaced (chokidar drops the
  // change; src/dev/watch.ts takes it from the system's events).
  it('a picture replaced with its mtime kept, on the dev server: seed 4, pictures, covers and bodies only', async () => {
    const kinds = new Set<StepKind>(['image', 'cover', 'body']);
    await runSequence({ seed: 4, steps: 30, search: false, jobs: 1, dev: true, keepImageTimes: true, kinds });
  }, 600_000);
});

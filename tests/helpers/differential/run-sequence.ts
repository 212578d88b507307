import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type RunningDevServer, startDevServer } from '../../../src/dev/dev-server.js';
import type { RebuildReport } from '../../../src/memory/memory-site.js';
import { runCli, snapshotDir } from '../site.js';
import { devSettled, nextRebuild, servedDifferences } from './dev-probe.js';
import { seededRandom } from './random.js';
import { initialState, siteFiles } from './site-model.js';
import { applyStep, describeStep, dueOf, randomStep, type Step, type StepKind } from './steps.js';
import { describeDifferences, treeDifferences } from './tree-diff.js';
import { editOutput, touch, writeSite } from './write-site.js';

export interface SequenceOptions {
  readonly seed: number;
  /** How many random steps, each checked. */
  readonly steps: number;
  /** Builds with the search index (Pagefind: slow). The dev server makes none: not with `dev`. */
  readonly search: boolean;
  /** Threads of the incremental build (`--jobs`); the clean build uses one. */
  readonly jobs: number;
  /** Also runs the dev server on the site, and checks what it serves after every step. */
  readonly dev: boolean;
  /**
   * Whether a picture replaced by one of the same length keeps its modification time, as `cp -p`
   * leaves it (by default): chokidar drops such a change, which the dev server's watcher takes from
   * the system's own events (src/dev/watch.ts).
   */
  readonly keepImageTimes?: boolean;
  /** Only steps of these kinds; all by default. */
  readonly kinds?: ReadonlySet<StepKind>;
  /**
   * Whether the incremental build is checked against the clean one (by default); without, only the
   * dev server is, so that a fault of a rule both use shows on the dev server's path (`npm run
   * mutation`). The build is still made: the dev server has the time it has in `npm test`.
   */
  readonly checkBuild?: boolean;
}

/** The command that runs one sequence again, as the test file reads it. */
export const replayCommand = (o: SequenceOptions, steps = o.steps): string =>
  `DIFF_SEED=${o.seed} DIFF_STEPS=${steps} DIFF_SEARCH=${o.search ? 1 : 0} DIFF_JOBS=${o.jobs} DIFF_DEV=${o.dev ? 1 : 0}` +
  `${o.keepImageTimes === false ? ' DIFF_KEEP_MTIME=0' : ''}` +
  `${o.kinds ? ` DIFF_KINDS=${[...o.kinds].join(',')}` : ''}${o.checkBuild === false ? ' DIFF_CHECK_BUILD=0' : ''}` +
  ' npx vitest run tests/e2e/differential.test.ts';

/** A failing sequence, with everything needed to replay it in its message. */
export class SequenceFailed extends Error {
  override readonly name = 'SequenceFailed';
}

/** How long to wait for the dev server to begin rebuilding after an edit of a file it watches. */
const DEV_START_MS = 3000;

/**
 * Runs `steps` random edits (drawn from `seed`) on a small site made for it. After each, the site is
 * built as a user would (with the build cache), then anew into another folder (`--no-cache`): the
 * two outputs must be the same files, byte for byte. With `dev`, the dev server runs on the site
 * throughout, and must serve exactly the clean build's files (built for its address), and a 404 for
 * every other file the site has had. Throws SequenceFailed with the seed and the steps so far.
 */
export async function runSequence(o: SequenceOptions): Promise<void> {
  const r = seededRandom(o.seed);
  const root = mkdtempSync(path.join(os.tmpdir(), 'gazette-diff-'));
  const cleanParent = mkdtempSync(path.join(os.tmpdir(), 'gazette-diff-clean-'));
  const dist = path.join(root, 'dist');
  const clean = path.join(cleanParent, 'site');
  const devLog: string[] = [];
  const steps: Step[] = [];
  // Said of a failure after the last step: after a `schedule` step, its check once the date came.
  let phase = '';
  let server: RunningDevServer | undefined;

  const fail = (what: string): never => {
    const lines = [
      `differential test failed: seed ${o.seed}, ${steps.length === 0 ? 'the first build' : `step ${steps.length} of ${o.steps}${phase}`}` +
        ` (search ${o.search ? 'on' : 'off'}, ${o.jobs} thread${o.jobs === 1 ? '' : 's'}${o.dev ? ', dev server' : ''})`,
      `replay: ${replayCommand(o, steps.length)}`,
      'steps:',
      ...steps.map((s, i) => `  ${String(i + 1).padStart(3)}. ${describeStep(s)}`),
      what,
    ];
    if (o.dev) lines.push("the dev server's log ends with:", ...devLog.slice(-6).map((l) => `  ${l}`));
    throw new SequenceFailed(lines.join('\n'));
  };

  try {
    let state = initialState();
    let files = siteFiles(state);
    writeSite(root, new Map(), files);
    if (o.dev) {
      server = await startDevServer({
        root,
        host: '127.0.0.1',
        port: 0,
        lang: 'en',
        log: (l) => devLog.push(l),
      });
      const first = await server.lastRebuild();
      if (!first.ok) fail('the dev server did not build the site');
    }
    const flags = [
      '--quiet',
      ...(o.search ? [] : ['--no-search']),
      ...(server ? ['--base-url', server.url] : []),
    ];
    const builds = async (args: string[], which: string) => {
      const run = await runCli(['build', '--root', root, ...flags, ...args]);
      if (run.code !== 0) fail(`the ${which} build failed (exit ${run.code}):\n${run.stderr}`);
    };
    // Every file the site has had: each the clean build now lacks must be a 404 on the dev server.
    const everServed = new Set<string>();
    // The dev server's rebuild last served before the step's edits: one after it is theirs.
    let servedBefore: Promise<RebuildReport> | undefined;

    const checkBuild = o.checkBuild ?? true;
    // The builds and the dev server after the edits so far, against a clean build.
    const check = async () => {
      await builds(['--jobs', String(o.jobs)], 'incremental');
      await builds(['--out', clean, '--no-cache', '--jobs', '1'], 'clean');
      const expected = snapshotDir(clean);
      const built = checkBuild ? treeDifferences(snapshotDir(dist), expected) : [];
      if (built.length > 0)
        fail(`the incremental build differs from a clean --no-cache build:\n${describeDifferences(built)}`);
      if (server) {
        if (servedBefore) await nextRebuild(server, servedBefore, DEV_START_MS);
        const absent = [...everServed].filter((f) => !expected.has(f));
        const served = await devSettled(server, () => servedDifferences(server?.url ?? '', expected, absent));
        if (served.length > 0)
          fail(`the dev server does not serve the clean build's files:\n${describeDifferences(served)}`);
        for (const f of expected.keys()) everServed.add(f);
      }
    };

    for (let n = 0; ; n++) {
      const last = steps.at(-1);
      if (last?.kind === 'schedule') {
        // Builds just before the article is due must leave it out; on a machine so slow that they
        // ran past that moment, which of them left it out is chance: only the check after counts.
        await check().catch((cause: unknown) => {
          if (!(cause instanceof SequenceFailed) || Date.now() < dueOf(last)) throw cause;
        });
        // Then, once it is due, with no edit of it: a build and the dev server must publish it. Another
        // article is saved as it was, as the dev server rebuilds only when a file changes.
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, dueOf(last) + 50 - Date.now())));
        phase = ', once its date came';
        const other = state.articles.find((a) => a.id !== last.id);
        const before = server?.lastRebuild();
        if (other) touch(path.join(root, other.file));
        servedBefore = other ? before : undefined;
        await check();
        phase = '';
      } else await check();
      if (n === o.steps) return;

      const step = randomStep(r, state, o.kinds);
      steps.push(step);
      const next = applyStep(state, step);
      const nextFiles = siteFiles(next);
      const before = server?.lastRebuild();
      const wrote = writeSite(root, files, nextFiles, o.keepImageTimes ?? true);
      if (step.kind === 'touch') {
        const file = next.articles.find((a) => a.id === step.id)?.file;
        if (file) {
          touch(path.join(root, file));
          wrote.push(path.join(root, file));
        }
      }
      if (step.kind === 'output') editOutput(dist, step);
      state = next;
      files = nextFiles;
      servedBefore = wrote.length > 0 ? before : undefined;
    }
  } finally {
    await server?.close();
    rmSync(root, { recursive: true, force: true });
    rmSync(cleanParent, { recursive: true, force: true });
  }
}

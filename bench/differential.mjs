#!/usr/bin/env node
// The differential test's long run (tests/e2e/differential.test.ts): many seeds, many steps each, to
// find a stale page the suite's few seeds miss. Each seed's options are chosen from it (one in six
// with the search index, one in six on two threads, the rest with the dev server). A failure prints
// its seed and steps, with the command that replays it alone.
//   npm run differential -- [--seeds 20] [--steps 200] [--from SEED] [--kinds title,date,...]
// Without --from, the seeds start from the clock's, printed, so that each run tries new ones.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const REPO = fileURLToPath(new URL('../', import.meta.url));
const { values } = parseArgs({
  options: {
    seeds: { type: 'string', default: '20' },
    steps: { type: 'string', default: '200' },
    from: { type: 'string' },
    kinds: { type: 'string' },
  },
});
const seeds = Number(values.seeds);
const from = values.from === undefined ? Math.floor(Date.now() / 1000) % 1_000_000 : Number(values.from);
if (!Number.isInteger(seeds) || seeds < 1 || !Number.isInteger(from) || !(Number(values.steps) > 0)) {
  console.error('usage: npm run differential -- [--seeds N] [--steps N] [--from SEED] [--kinds a,b]');
  process.exit(2);
}
const to = from + seeds - 1;
console.log(`differential: seeds ${from}-${to}, ${values.steps} steps each`);
const run = spawnSync('npx', ['vitest', 'run', 'tests/e2e/differential.test.ts'], {
  cwd: REPO,
  stdio: 'inherit',
  env: {
    ...process.env,
    DIFF_SEEDS: `${from}-${to}`,
    DIFF_STEPS: values.steps,
    ...(values.kinds && { DIFF_KINDS: values.kinds }),
  },
});
process.exit(run.status ?? 1);

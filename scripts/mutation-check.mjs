#!/usr/bin/env node
// The differential test's own test (issue 18): each mutation of scripts/mutations.json breaks one
// reuse rule of the incremental engine (a listing that forgets a field, a page kept whatever its
// signature, the dev server serving a replaced picture...), as a plausible bug would. For each, the
// repository is copied to a temporary folder (node_modules hard-linked), the mutation applied,
// lib/ compiled (worker threads run it), and the differential test run there as `npm test` runs it,
// stopping at its first failure. A mutation the test does not fail SURVIVED: the test cannot see
// that bug, and the script exits 1.
//   npm run mutation [-- --only name,name] [--keep] [--timeout SECONDS]
//   node scripts/mutation-check.mjs --verify   (each mutation's text occurs once in its file; fast)
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const REPO = fileURLToPath(new URL('../', import.meta.url));
const TABLE = path.join(REPO, 'scripts', 'mutations.json');
const TEST = 'tests/e2e/differential.test.ts';
/** Not copied: made again (lib/), hard-linked (node_modules), or nothing the test reads. */
const LEFT_OUT = new Set(['.git', 'node_modules', 'lib', 'dist', '.cache', 'test-results', 'test-artifacts']);
/** Written by vitest and vite while they run: a hard link would let them write into the original's. */
const NOT_LINKED = ['.vite', '.vite-temp', '.cache'];

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    keep: { type: 'boolean', default: false },
    verify: { type: 'boolean', default: false },
    timeout: { type: 'string', default: '600' },
  },
});

const mutations = JSON.parse(readFileSync(TABLE, 'utf8'));
const problems = tableProblems(mutations);
if (problems.length > 0) {
  for (const p of problems) console.error(`mutation-check: ${p}`);
  process.exit(2);
}
if (values.verify) {
  console.log(`mutation-check: ${mutations.length} mutations, each text found once in its file`);
  process.exit(0);
}
const only = values.only?.split(',');
const chosen = only ? mutations.filter((m) => only.includes(m.name)) : mutations;
if (only && chosen.length !== only.length) {
  console.error(`mutation-check: no mutation named ${only.filter((n) => !chosen.some((m) => m.name === n))}`);
  process.exit(2);
}

const rows = [];
for (const m of chosen) {
  console.log(`\n=== ${m.name} (${m.file}; ${m.paths}): ${m.rule}`);
  const row = await tryMutation(m);
  console.log(`--- ${m.name}: ${row.result}${row.where ? ` at ${row.where}` : ''} (${row.time})`);
  rows.push({ ...m, ...row });
}
printTable(rows);
process.exit(rows.some((r) => r.result !== 'caught') ? 1 : 0);

/** What is wrong with the table: a text not found exactly once in its file, a name twice, a field missing. */
function tableProblems(table) {
  const out = [];
  const names = new Set();
  for (const m of table) {
    for (const key of ['name', 'paths', 'rule', 'file', 'find'])
      if (typeof m[key] !== 'string' || m[key] === '') out.push(`${m.name ?? '?'}: no ${key}`);
    if (typeof m.replace !== 'string' || m.replace === m.find)
      out.push(`${m.name}: the replacement changes nothing`);
    if (names.has(m.name)) out.push(`${m.name}: named twice`);
    names.add(m.name);
    const file = path.join(REPO, m.file ?? '');
    if (!existsSync(file)) {
      out.push(`${m.name}: ${m.file} does not exist`);
      continue;
    }
    const found = readFileSync(file, 'utf8').split(m.find).length - 1;
    if (found !== 1) out.push(`${m.name}: its text occurs ${found} times in ${m.file}, not once`);
  }
  return out;
}

/** Copies the repository, applies `m`, compiles and runs the test; its row of the table. */
async function tryMutation(m) {
  const started = Date.now();
  const dir = mkdtempSync(path.join(os.tmpdir(), `gazette-mutation-${m.name}-`));
  const time = () => `${Math.round((Date.now() - started) / 1000)} s`;
  try {
    cpSync(REPO, dir, {
      recursive: true,
      filter: (from) => !LEFT_OUT.has(path.relative(REPO, from)),
    });
    const link = spawnSync('cp', ['-al', path.join(REPO, 'node_modules'), path.join(dir, 'node_modules')]);
    if (link.status !== 0) throw new Error(`cp -al node_modules: ${link.stderr}`);
    for (const name of NOT_LINKED)
      rmSync(path.join(dir, 'node_modules', name), { recursive: true, force: true });
    const file = path.join(dir, m.file);
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(m.find, () => m.replace),
    );

    const tsc = await run(['npx', 'tsc', '-p', 'tsconfig.build.json'], dir, 300);
    if (tsc.code !== 0) return { result: 'DOES NOT COMPILE', where: firstLines(tsc.output, 3), time: time() };

    const test = await run(['npx', 'vitest', 'run', TEST, '--bail=1'], dir, Number(values.timeout));
    if (test.timedOut)
      return { result: 'caught', where: `a timeout after ${values.timeout} s`, time: time() };
    if (test.code === 0) return { result: 'SURVIVED', where: '', time: time() };
    return { result: 'caught', where: failure(test.output), time: time() };
  } finally {
    if (values.keep) console.log(`kept: ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

/** The failing sequence's seed and step, and the first difference it found. */
function failure(output) {
  const lines = output.split('\n');
  const at = lines.findIndex((l) => l.includes('differential test failed:'));
  if (at < 0) return `no sequence failed: ${firstLines(output.slice(-2000), 2)}`;
  const seed =
    /seed \d+, (?:step \d+ of \d+(?:, once its date came)?|the first build)/.exec(lines[at] ?? '')?.[0] ??
    lines[at];
  const what = lines
    .slice(at)
    .find((l) => /^the (incremental build|dev server|clean build|.*build failed)/.test(l));
  const first = lines.slice(at).find((l) => /^\s+(missing|extra|different) /.test(l));
  return `${seed}: ${what?.replace(/:$/, '') ?? '?'}${first ? ` (${first.trim().split(':')[0]})` : ''}`;
}

const firstLines = (text, n) => text.trim().split('\n').slice(0, n).join(' / ');

/** Runs `argv` in `cwd` as a process group, printing its output as it comes; killed after `seconds`. */
function run(argv, cwd, seconds) {
  return new Promise((resolve) => {
    const child = spawn(argv[0], argv.slice(1), { cwd, detached: true });
    let output = '';
    const take = (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
    }, seconds * 1000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output, timedOut });
    });
  });
}

function printTable(rows) {
  const width = (key) => Math.max(key.length, ...rows.map((r) => String(r[key]).length));
  const cols = ['name', 'paths', 'result', 'time'];
  const w = Object.fromEntries(cols.map((c) => [c, width(c)]));
  console.log('\nmutation check: each mutation against tests/e2e/differential.test.ts\n');
  console.log(cols.map((c) => c.padEnd(w[c])).join('  '), ' where');
  for (const r of rows) console.log(cols.map((c) => String(r[c]).padEnd(w[c])).join('  '), ` ${r.where}`);
  const survived = rows.filter((r) => r.result !== 'caught');
  console.log(
    survived.length === 0
      ? `\nall ${rows.length} caught`
      : `\n${survived.length} of ${rows.length} not caught: ${survived.map((r) => r.name).join(', ')}`,
  );
}

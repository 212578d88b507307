#!/usr/bin/env node
// The differential test's own test (issue 18): each mutation of scripts/mutations.json breaks one
// reuse rule of the incremental engine (a listing that forgets a field, a page kept whatever its
// signature, the dev server serving a replaced picture...), as a plausible bug would. For each, the
// repository is copied to a temporary folder (node_modules hard-linked), the mutation applied,
// lib/ compiled and the command line bundled (worker threads run lib/, bin/ the bundle), and the
// differential test run there as `npm test` runs it, stopping at its first failure. A mutation the
// test does not fail SURVIVED: the test cannot see that bug, and the script exits 1. A mutation whose
// case the random sequences do not reach names the test written for it (`test`): that test is run
// instead, and must fail.
//   npm run mutation [-- --only name,name] [--dev] [--keep] [--timeout SECONDS]
// --dev runs only the dev server's pass (for mutations of rules the dev server uses).
//   node scripts/mutation-check.mjs --verify   (each mutation's text occurs once in its file; fast)
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, stripVTControlCharacters } from 'node:util';

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
    dev: { type: 'boolean', default: false },
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
  if (row.dev !== '-') console.log(`--- ${m.name}, the dev server alone: ${row.dev || 'SURVIVED'}`);
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
    if (m.test !== undefined && !existsSync(path.join(REPO, m.test)))
      out.push(`${m.name}: ${m.test} does not exist`);
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

    // As npm test compiles: tsc, then the command line bundled (bin/gazette.js runs the bundle).
    const tsc = await run(['npm', 'run', '--silent', 'compile'], dir, 300);
    if (tsc.code !== 0)
      return { result: 'DOES NOT COMPILE', where: firstLines(tsc.output, 3), dev: '-', time: time() };

    // As npm test runs it; then, for a rule the build and the dev server share, the dev server
    // alone (DIFF_CHECK=dev), as the build's check comes first and would hide the dev server's.
    const passes = values.dev ? [] : [{ env: {} }];
    if (m.paths === 'build, dev' || values.dev) passes.push({ env: { DIFF_CHECK: 'dev' } });
    const found = [];
    for (const pass of passes) {
      const argv = ['npx', 'vitest', 'run', m.test ?? TEST, '--bail=1'];
      const test = await run(argv, dir, Number(values.timeout), pass.env);
      if (test.timedOut) found.push(`a timeout after ${values.timeout} s`);
      else if (test.code === 0)
        return { result: 'SURVIVED', where: found[0] ?? '', dev: found[0] ? '' : '-', time: time() };
      else found.push(m.test ? `${m.test}: ${failedTest(test.output)}` : failure(test.output));
    }
    if (values.dev) return { result: 'caught', where: '', dev: found[0], time: time() };
    return { result: 'caught', where: found[0], dev: found[1] ?? '-', time: time() };
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

/** The first failed test's name in vitest's output. */
function failedTest(output) {
  const plain = stripVTControlCharacters(output);
  return /(?:FAIL|×)\s+(.+)/.exec(plain)?.[1]?.trim() ?? firstLines(plain.slice(-2000), 2);
}

function firstLines(text, n) {
  return text.trim().split('\n').slice(0, n).join(' / ');
}

/** Runs `argv` in `cwd` as a process group, printing its output as it comes; killed after `seconds`. */
function run(argv, cwd, seconds, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(argv[0], argv.slice(1), { cwd, detached: true, env: { ...process.env, ...env } });
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
  console.log(
    '\nmutation check: each mutation against tests/e2e/differential.test.ts, or the test it names\n',
  );
  for (const r of rows) {
    console.log(`${r.result.padEnd(8)} ${r.name} (${r.paths}; ${r.time}): ${r.rule}`);
    if (r.where) console.log(`         ${r.dev === '-' ? '' : 'as npm test runs it: '}${r.where}`);
    if (r.dev !== '-') console.log(`         the dev server alone: ${r.dev || 'SURVIVED'}`);
  }
  const survived = rows.filter((r) => r.result !== 'caught');
  console.log(
    survived.length === 0
      ? `\nall ${rows.length} caught`
      : `\n${survived.length} of ${rows.length} not caught: ${survived.map((r) => r.name).join(', ')}`,
  );
}

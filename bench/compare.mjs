#!/usr/bin/env node
// Times two versions of gazette on the same corpus, alternating them run by run (old, new, old, new…)
// so that the load of a shared machine falls on both alike, and prints the medians side by side:
// every incremental path of the build, and the dev server's saves (both servers running at once,
// their saves alternated too). Not a test.
//   node bench/compare.mjs --old /work/main [--articles 20000] [--runs 5] [--saves 8] [--work DIR]
// --old is a checkout of gazette with lib/ compiled (bin/gazette.js is run from there, read only).
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeCorpus } from './corpus.mjs';

const REPO = fileURLToPath(new URL('../', import.meta.url));
const { values } = parseArgs({
  options: {
    old: { type: 'string' },
    articles: { type: 'string', default: '20000' },
    runs: { type: 'string', default: '5' },
    saves: { type: 'string', default: '8' },
    work: { type: 'string' },
    shared: { type: 'string' },
    // The sites of an earlier run in --work, built already: no corpus, no cold build.
    reuse: { type: 'boolean', default: false },
    'skip-watch': { type: 'boolean', default: false },
  },
});
if (!values.old) throw new Error('--old DIR: a checkout of the version to compare with, lib/ compiled');
const N = Number(values.articles);
const RUNS = Number(values.runs);
const WORK = path.resolve(values.work ?? path.join(os.tmpdir(), `gazette-compare-${N}`));
const SHARED = path.resolve(values.shared ?? path.join(REPO, '../shared/bench'));
const log = (s) => process.stderr.write(`${s}\n`);
const VERSIONS = [
  {
    name: 'old',
    bin: path.join(path.resolve(values.old), 'bin', 'gazette.js'),
    site: path.join(WORK, 'old'),
  },
  { name: 'new', bin: path.join(REPO, 'bin', 'gazette.js'), site: path.join(WORK, 'new') },
];

// The corpus, once, copied into a site per version.
if (!values.reuse) setUp();

function setUp() {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  const corpus = path.join(WORK, 'corpus');
  if (existsSync(path.join(SHARED, 'gen-corpus.mjs')))
    run('node', [path.join(SHARED, 'gen-corpus.mjs'), '--n', String(N), '--out', corpus]);
  else writeCorpus(N, path.join(corpus, 'articles'));
  const theme = path.join(REPO, 'templates', 'category.njk');
  for (const v of VERSIONS) {
    cpSync(path.join(corpus, 'articles'), path.join(v.site, 'content', 'articles'), { recursive: true });
    writeFileSync(
      path.join(v.site, 'site.yaml'),
      `title: 基准测试新闻网
baseUrl: https://bench.example.cn/
pageSize: 20
categories:
${['学习:xuexi', '要闻:yaowen', '语言:yuyan', '知识:zhishi', '经济:jingji', '民生:minsheng'].map((c) => `  - {name: ${c.split(':')[0]}, slug: ${c.split(':')[1]}}`).join('\n')}
`,
    );
    // A theme override of the category list, edited by the template row.
    mkdirSync(path.join(v.site, 'templates'), { recursive: true });
    cpSync(theme, path.join(v.site, 'templates', 'category.njk'));
  }
}

const build = (v) => ['node', [v.bin, 'build', '--root', v.site, '--quiet', '--no-search']];
const file = (v, name) => path.join(v.site, 'content', 'articles', name);
let edits = 0;
const rows = [];
if (!values.reuse) rows.push(measure('cold build (first, untimed warm-up of the disk)', () => {}, 1));
rows.push(measure('up to date', () => {}));
rows.push(measure('one text edit', (v) => appendFileSync(file(v, '000001.md'), `\n改动${++edits}。\n`)));
rows.push(
  measure('one title edit', (v) =>
    writeFileSync(
      file(v, '000003.md'),
      readFileSync(file(v, '000003.md'), 'utf8').replace(/^title: .*$/m, `title: "新标题${++edits}"`),
    ),
  ),
);
rows.push(
  measure('a template edit (category.njk)', (v) =>
    appendFileSync(path.join(v.site, 'templates', 'category.njk'), `\n{# ${++edits} #}\n`),
  ),
);
if (!values['skip-watch']) rows.push(...(await measureWatch()));

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const cell = (xs, unit) =>
  unit === 'ms'
    ? `${median(xs).toFixed(0)} ms (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`
    : `${median(xs).toFixed(2)} s (${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)})`;
console.log(
  `\n${N} articles, ${RUNS} alternated run(s) each, ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}, Node ${process.version}, ${new Date().toISOString().slice(0, 16)}\n`,
);
console.log('| path | old | new | new / old | CPU old | CPU new | CPU new / old |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows) {
  const cpu = r.cpu
    ? `${cell(r.cpu.old)} | ${cell(r.cpu.new)} | ${(median(r.cpu.new) / median(r.cpu.old)).toFixed(2)}`
    : ' | | ';
  console.log(
    `| ${r.work} | ${cell(r.old, r.unit)} | ${cell(r.new, r.unit)} | ${(median(r.new) / median(r.old)).toFixed(2)} | ${cpu} |`,
  );
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status})`);
}

/** Wall time of a build of each version, `runs` times, alternating; `prepare` is not timed. */
function measure(work, prepare, runs = RUNS) {
  const seconds = { old: [], new: [] };
  const cpu = { old: [], new: [] };
  for (let i = 0; i < runs; i++)
    for (const v of i % 2 === 0 ? VERSIONS : [...VERSIONS].reverse()) {
      prepare(v);
      const [cmd, args] = build(v);
      // Wall time, and CPU time (user + system), which the other users of a shared machine disturb less.
      const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S', cmd, ...args], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`${v.name} ${work} failed:\n${r.stderr}`);
      const [s, user, sys] = r.stderr.trim().split('\n').at(-1).split(' ').map(Number);
      seconds[v.name].push(s);
      cpu[v.name].push(user + sys);
      log(`${v.name} ${work}: ${s.toFixed(2)} s (cpu ${(user + sys).toFixed(2)} s)`);
    }
  return { work, ...seconds, cpu };
}

/** Both dev servers at once; each save of one is followed by the same save of the other. */
async function measureWatch() {
  const servers = await Promise.all(VERSIONS.map(startDev));
  const series = async (work, edit) => {
    const ms = { old: [], new: [] };
    for (let i = 0; i < Number(values.saves); i++)
      for (const s of i % 2 === 0 ? servers : [...servers].reverse()) {
        const seen = s.events.length;
        const start = performance.now();
        edit(s.v, i);
        await new Promise((resolve) => {
          s.wake = () => s.events.length > seen && resolve();
        });
        ms[s.v.name].push(s.events.at(-1) - start);
        log(`${s.v.name} ${work}: ${ms[s.v.name].at(-1).toFixed(0)} ms`);
        await new Promise((r) => setTimeout(r, 200));
      }
    return { work, unit: 'ms', ...ms };
  };
  const text = await series('dev server: text edit', (v, i) =>
    appendFileSync(file(v, '000001.md'), `\n监听改动${i}。\n`),
  );
  const title = await series('dev server: title edit', (v, i) =>
    writeFileSync(
      file(v, '000002.md'),
      readFileSync(file(v, '000002.md'), 'utf8').replace(/^title: .*$/m, `title: "改过的标题${i}"`),
    ),
  );
  for (const s of servers) s.dev.kill();
  return [text, title];
}

async function startDev(v) {
  const dev = spawn('node', [v.bin, 'dev', '--root', v.site, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    dev.stdout.on('data', (c) => {
      out += c;
      const m =
        /(?:serving .* at|网址) (http:\/\/\S+)/.exec(out) ??
        /(http:\/\/(?:localhost|127\.0\.0\.1):\d+\/)/.exec(out);
      if (m) resolve(m[1]);
    });
    dev.on('exit', () => reject(new Error(`${v.name} dev server exited`)));
  });
  const s = { v, dev, events: [], wake: () => {} };
  http.get(`${url}__gazette/events`, (res) => {
    res.setEncoding('utf8');
    res.on('data', (c) => {
      if (c.includes('event: reload')) {
        s.events.push(performance.now());
        s.wake();
      }
    });
  });
  await new Promise((r) => setTimeout(r, 300));
  return s;
}

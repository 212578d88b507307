#!/usr/bin/env node
// Benchmarks gazette (and, with --peers, Hugo, Eleventy and Hexo) on the same synthetic corpus, in
// one run on one machine, and prints medians and ratios. Not a test: timings on shared machines are
// noisy, so compare ratios from the same run, never absolute times across runs.
//   npm run bench -- --articles 20000 [--runs 3] [--peers] [--work DIR] [--skip-watch] [--saves 10] [--settle 60]
//     [--shared DIR] (the shared corpus generator and peers; default ../shared/bench beside the repository)
//     [--skip-search | --search-only] [--cold-runs N] (issue 19: with --peers --search-only, Hugo and
//     Pagefind's CLI only; --cold-runs for the cold builds with search and those two)
// After the rows with search, `node bench/search-check.mjs --work DIR` checks in Chromium that the
// site's search page finds what the run published and edited, and no longer what it deleted.
// Peak RSS is given for the largest process and for each program of the tree (bench/tree-rss.mjs).
import { spawn, spawnSync } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeCorpus } from './corpus.mjs';

const REPO = fileURLToPath(new URL('../', import.meta.url));
const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '4000' },
    runs: { type: 'string', default: '3' },
    peers: { type: 'boolean', default: false },
    work: { type: 'string' },
    'skip-watch': { type: 'boolean', default: false },
    // Saves timed per kind of edit: the first after the dev server's initial build are slower
    // (its garbage is collected, the rebuild path compiled), so a median needs several.
    saves: { type: 'string', default: '10' },
    // Seconds the setup's deletions are left to age before anything is timed (see setAside).
    settle: { type: 'string', default: '60' },
    // A worktree is not beside the shared folder as the main clone is.
    shared: { type: 'string' },
    // Leaves out the rows with the search index (and Pagefind's CLI on Hugo's pages).
    'skip-search': { type: 'boolean', default: false },
    // Only the rows with the search index (issue 19): the others take long at 20,000 articles.
    'search-only': { type: 'boolean', default: false },
    // Runs of the cold build with search, which takes minutes at 20,000 articles on a busy machine.
    'cold-runs': { type: 'string' },
  },
});
const SHARED = path.resolve(values.shared ?? path.join(REPO, '../shared/bench'));
const N = Number(values.articles);
const RUNS = Number(values.runs);
// The cold builds with search and their peers' (Hugo, Pagefind's CLI): minutes each at 20,000.
const COLD_RUNS = Number(values['cold-runs'] ?? RUNS);
const WORK = path.resolve(values.work ?? path.join(os.tmpdir(), `gazette-bench-${N}`));
const SITE = path.join(WORK, 'gazette');
const BIN = path.join(REPO, 'bin', 'gazette.js');
const TREE_RSS = path.join(REPO, 'bench', 'tree-rss.mjs');

const log = (s) => process.stderr.write(`${s}\n`);

// 1. The corpus, and the same corpus set up for the peers.
mkdirSync(WORK, { recursive: true });
const shared = existsSync(path.join(SHARED, 'gen-corpus.mjs'));
if (values.peers) {
  if (!shared) throw new Error(`--peers needs ${SHARED} (gen-corpus.mjs and peers.sh) beside the repository`);
  run('bash', [path.join(SHARED, 'peers.sh'), String(N), WORK]);
} else if (shared) {
  rmSync(path.join(WORK, 'corpus'), { recursive: true, force: true });
  run('node', [path.join(SHARED, 'gen-corpus.mjs'), '--n', String(N), '--out', path.join(WORK, 'corpus')]);
} else {
  // A lone clone (CI): gazette's own generator; the figures then compare with nothing but each other.
  log(`${SHARED} not found: using bench/corpus.mjs`);
  rmSync(path.join(WORK, 'corpus'), { recursive: true, force: true });
  writeCorpus(N, path.join(WORK, 'corpus', 'articles'));
}
rmSync(SITE, { recursive: true, force: true });
cpSync(path.join(WORK, 'corpus', 'articles'), path.join(SITE, 'content', 'articles'), { recursive: true });
writeFileSync(
  path.join(SITE, 'site.yaml'),
  `title: 基准测试新闻网
baseUrl: https://bench.example.cn/
pageSize: 20
categories:
${['学习:xuexi', '要闻:yaowen', '语言:yuyan', '知识:zhishi', '经济:jingji', '民生:minsheng'].map((c) => `  - {name: ${c.split(':')[0]}, slug: ${c.split(':')[1]}}`).join('\n')}
`,
);

// Outputs of earlier runs are moved aside, not deleted, until the end. On this machine's ext4 (no
// journal) the kernel will not reuse an inode for a minute or more after it was freed, and scans
// past every such inode for each file created: a build started right after deleting 20,000 pages
// spent 10-30 s more in the kernel (perf: recently_deleted), for every tool alike, and that was most
// of the runs' noise. Deletions of the setup get the same minute to age before anything is timed.
const ASIDE = path.join(WORK, '.set-aside');
let asideCount = 0;
const setAside = (dir) => {
  if (!existsSync(dir)) return;
  mkdirSync(ASIDE, { recursive: true });
  renameSync(dir, path.join(ASIDE, String(++asideCount)));
};
spawnSync('sync');
log(
  `load average at the start: ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(', ')}`,
);
log(`letting the setup's deletions age for ${values.settle} s (see setAside)`);
await new Promise((r) => setTimeout(r, Number(values.settle) * 1000));

// 2. gazette: cold, warm (nothing changed), one article changed, and the dev server's watch loop.
const rows = [];
// Without the search index: the peers build none, and Pagefind's Chinese indexing (about 25 s per
// 1,000 articles on two cores) would hide the build itself. Time it with a build without --no-search.
const gazette = ['node', [BIN, 'build', '--root', SITE, '--quiet', '--no-search']];
const clean = () => {
  // The output, the build cache, and what builds keep beside the output (the spare).
  for (const name of readdirSync(SITE))
    if (name === 'dist' || name === '.cache' || name.startsWith('.dist.gazette-'))
      setAside(path.join(SITE, name));
};
if (!values['search-only']) rows.push(measure('gazette', 'cold build', gazette, clean));
if (!values['search-only']) rows.push(measure('gazette', 'warm rebuild, nothing changed', gazette, () => {}));
const changed = path.join(SITE, 'content', 'articles', '000001.md');
let edits = 0;
if (!values['search-only'])
  rows.push(
    measure('gazette', 'rebuild, one article changed', gazette, () =>
      appendFileSync(changed, `\n改动${++edits}。\n`),
    ),
  );
// A new title shows in lists, feeds and neighbours' pages: the site is planned again around it, from
// what the cache recorded of every article's place.
const retitled = path.join(SITE, 'content', 'articles', '000003.md');
if (!values['search-only'])
  rows.push(
    measure('gazette', 'rebuild, one title changed', gazette, () =>
      writeFileSync(
        retitled,
        readFileSync(retitled, 'utf8').replace(/^title: .*$/m, `title: "新标题${++edits}"`),
      ),
    ),
  );
// A new article: on this machine, with its folder as the last build left it; then as the site's
// workflow (starter/github/workflows/publish.yml) builds it on GitHub Actions.
const added = (name) => {
  const from = readFileSync(path.join(SITE, 'content', 'articles', '000005.md'), 'utf8');
  writeFileSync(
    path.join(SITE, 'content', 'articles', name),
    from.replace(/^title: .*$/m, `title: "新文章${name}"`),
  );
};
if (!values['search-only'])
  rows.push(measure('gazette', 'rebuild, one new article', gazette, () => added(`new-local-${++edits}.md`)));
if (!values['search-only'])
  rows.push(
    measure('gazette', 'CI publish: one new article, cache and dist restored', gazette, () =>
      ciCheckout(() => added(`new-ci-${++edits}.md`)),
    ),
  );
if (!values['skip-watch'] && !values['search-only']) rows.push(...(await measureWatch()));

// With the search index (issue 19): Pagefind indexes the articles in shards by date (src/search/),
// and only the shards whose articles changed. A new article is dated now, as a published one is: the
// corpus ends in 2025, so the first of them also moves the corpus's last day into its period's shard
// (what the first publish of each day does); it is timed apart, once, before the three.
if (!values['skip-search']) {
  const searched = ['node', [BIN, 'build', '--root', SITE, '--quiet']];
  rows.push(measure('gazette', 'cold build with search', searched, clean, undefined, COLD_RUNS));
  const published = (name) => {
    const from = readFileSync(path.join(SITE, 'content', 'articles', '000005.md'), 'utf8');
    const now = new Date(Date.now() + 8 * 3600_000 - 60_000).toISOString().replace('T', ' ').slice(0, 19);
    writeFileSync(
      path.join(SITE, 'content', 'articles', name),
      from
        .replace(/^title: .*$/m, `title: "新文章${name}"`)
        .replace(/^date: .*$/m, `date: ${now}`)
        .replace(/\n---\n/, `\n---\n今日发布${name.replace(/\D/g, '')}号稿件。\n`),
    );
  };
  rows.push(
    measure(
      'gazette',
      "first new article of the day, with search (the last day's shard goes into its period)",
      searched,
      () => published(`new-day-${++edits}.md`),
      undefined,
      1,
    ),
  );
  rows.push(
    measure('gazette', 'one new article with search', searched, () => published(`new-search-${++edits}.md`)),
  );
  // At 20,000 articles, 000150.md and the deleted ones are of 11–20 November 2024, a shard of 480
  // articles (000001.md, edited before, is of 9 November, the corpus's first day: a shard of a
  // day and a half's articles now, where it was in a month's).
  rows.push(
    measure('gazette', 'old-article edit with search', searched, () =>
      appendFileSync(path.join(SITE, 'content', 'articles', '000150.md'), `\n检索改动${++edits}。\n`),
    ),
  );
  let deleted = 100;
  rows.push(
    measure('gazette', 'deletion with search', searched, () =>
      rmSync(path.join(SITE, 'content', 'articles', `000${++deleted}.md`)),
    ),
  );
}

// 3. The peers, cold builds, in the same run.
if (values.peers) {
  const hugo = spawnSync('hugo', ['version']).status === 0;
  if (hugo)
    rows.push(
      measure(
        'hugo',
        'cold build',
        ['hugo', ['--quiet', '--source', path.join(WORK, 'hugo')]],
        () => setAside(path.join(WORK, 'hugo', 'public')),
        undefined,
        COLD_RUNS,
      ),
    );
  else log('hugo not installed (apt-get install hugo): skipped');
  // Pagefind's own CLI on Hugo's output (the pages of its last cold build), alone: it took 14 GiB
  // at 20,000 articles.
  const pagefindCli = path.join(REPO, 'node_modules', '@pagefind', 'linux-x64', 'bin', 'pagefind_extended');
  if (hugo && !values['skip-search'] && existsSync(pagefindCli))
    rows.push(
      measure(
        'pagefind CLI',
        "on Hugo's public/",
        [
          pagefindCli,
          [
            '--site',
            path.join(WORK, 'hugo', 'public'),
            '--output-path',
            path.join(WORK, 'pagefind-cli'),
            '--force-language',
            'zh-cn',
            '--silent',
          ],
        ],
        () => setAside(path.join(WORK, 'pagefind-cli')),
        undefined,
        COLD_RUNS,
      ),
    );
  // With --search-only, the peers of the search rows alone: issue 19's target is Hugo's cold build
  // plus Pagefind's CLI on its pages.
  if (!values['search-only'])
    rows.push(
      measure(
        'eleventy',
        'cold build',
        [path.join(WORK, 'eleventy/node_modules/.bin/eleventy'), ['--quiet']],
        () => setAside(path.join(WORK, 'eleventy', '_site')),
        path.join(WORK, 'eleventy'),
      ),
    );
  if (!values['search-only'])
    rows.push(
      measure(
        'hexo',
        'cold build',
        [path.join(WORK, 'hexo/node_modules/.bin/hexo'), ['generate', '--silent']],
        () => {
          setAside(path.join(WORK, 'hexo', 'public'));
          rmSync(path.join(WORK, 'hexo', 'db.json'), { force: true });
        },
        path.join(WORK, 'hexo'),
      ),
    );
}

// Untimed, and nothing is timed after it.
rmSync(ASIDE, { recursive: true, force: true });

// 4. The table.
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (r) =>
  `${median(r.seconds).toFixed(2)} s (${Math.min(...r.seconds).toFixed(2)}–${Math.max(...r.seconds).toFixed(2)})`;
const hugoCold = rows.find((r) => r.tool === 'hugo');
const pagefindCliRow = rows.find((r) => r.tool === 'pagefind CLI');
const searchedCold = rows.find((r) => r.work === 'cold build with search');
console.log(
  `\n${N} articles, ${RUNS} run(s) each, ${os.cpus().length} cores, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}\n`,
);
console.log(
  '| tool | work | median (min–max) | CPU (median) | peak RSS | largest process of each program | vs Hugo cold |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows) {
  const ratio =
    hugoCold && r.work.includes('build')
      ? `${(median(r.seconds) / median(hugoCold.seconds)).toFixed(2)}×`
      : '';
  const rss = r.rssKiB.length ? `${Math.round(Math.max(...r.rssKiB) / 1024)} MiB` : '';
  const cpu = r.cpu?.length ? `${median(r.cpu).toFixed(2)} s` : '';
  const treeCpu = r.treeCpu?.length ? `${median(r.treeCpu).toFixed(2)} s` : '';
  const each = Object.entries(r.perProcess ?? {})
    .sort(([, a], [, b]) => b - a)
    .map(([name, kib]) => `${name} ${Math.round(kib / 1024)} MiB`)
    .join(', ');
  console.log(
    `| ${r.tool} | ${r.work} | ${r.unit === 'ms' ? `${median(r.seconds).toFixed(0)} ms (${Math.min(...r.seconds).toFixed(0)}–${Math.max(...r.seconds).toFixed(0)})` : fmt(r)} | ${cpu} | ${treeCpu} | ${rss} | ${each} | ${ratio} |`,
  );
}

if (hugoCold && pagefindCliRow && searchedCold) {
  const peers = median(hugoCold.seconds) + median(pagefindCliRow.seconds);
  console.log(
    `\ngazette cold build with search: ${median(searchedCold.seconds).toFixed(2)} s = ${(median(searchedCold.seconds) / peers).toFixed(2)}× (Hugo cold + Pagefind CLI on its output = ${peers.toFixed(2)} s)`,
  );
}
console.log(
  `load average at the end: ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(', ')}`,
);

/**
 * The next run of the site's workflow, untimed: actions/cache archives `.cache/` and `dist/` with
 * `tar --posix`; the runner checks the sources out into a new folder at the same path (new files,
 * new times) and unpacks the archive into it (new inodes and ctimes); then `edit`.
 */
function ciCheckout(edit) {
  const archive = path.join(WORK, 'ci-cache.tar');
  run('tar', ['--posix', '-cf', archive, '-C', SITE, '.cache', 'dist']);
  const before = path.join(WORK, 'ci-before');
  renameSync(SITE, before);
  mkdirSync(SITE);
  for (const name of ['site.yaml', 'content'])
    cpSync(path.join(before, name), path.join(SITE, name), { recursive: true });
  setAside(before);
  run('tar', ['-xf', archive, '-C', SITE]);
  rmSync(archive);
  edit();
  // The unpacked files are written out before the build, as the workflow's check step gives them time to be.
  spawnSync('sync');
}

function run(cmd, args, cwd) {
  const r = spawnSync(cmd, args, { cwd, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status})`);
}

/** Wall time and peak RSS of a whole command, via GNU time. */
function measure(tool, work, [cmd, args], prepare, cwd, runs = RUNS) {
  const seconds = [];
  const rssKiB = [];
  const cpu = [];
  const perProcess = {};
  const treeCpu = [];
  for (let i = 0; i < runs; i++) {
    prepare();
    const r = spawnSync('/usr/bin/time', ['-f', '%e %M %U %S', 'node', [TREE_RSS, cmd, ...args]].flat(), {
      cwd,
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`${tool} ${work} failed:\n${r.stderr}`);
    const lines = r.stderr.trim().split('\n');
    const [elapsed, rss, user, sys] = lines.at(-1).split(' ').map(Number);
    seconds.push(elapsed);
    rssKiB.push(rss);
    cpu.push(user + sys);
    // The peak of each process of the tree, by program (bench/tree-rss.mjs): the largest of each kind.
    const tree = JSON.parse(lines.findLast((l) => l.startsWith('tree-rss ')).slice('tree-rss '.length));
    treeCpu.push(tree.cpu);
    for (const [name, kibs] of Object.entries(tree.rss))
      if (name !== 'time' && name !== 'sh') perProcess[name] = Math.max(perProcess[name] ?? 0, kibs[0]);
    // User and system time of the process and the children it waited for (less disturbed by load
    // than wall time), and of the whole tree, Pagefind's services included.
    const sizes = Object.entries(tree.rss).map(([name, kibs]) => `${name} ${Math.round(kibs[0] / 1024)}`);
    log(
      `${tool} ${work}: ${elapsed.toFixed(2)} s, ${(user + sys).toFixed(2)} s CPU (tree ${tree.cpu.toFixed(2)} s), ${Math.round(rss / 1024)} MiB (${sizes.join(', ')}), load ${os.loadavg()[0].toFixed(2)}`,
    );
  }
  return { tool, work, seconds, rssKiB, cpu, treeCpu, perProcess };
}

/**
 * Save one article → the dev server has re-rendered it and sent the reload event: once for an edit of
 * the text further down (the usual edit: only its page changes), once for a new title (its lists,
 * feeds and neighbours change too).
 */
async function measureWatch() {
  const dev = spawn('node', [BIN, 'dev', '--root', SITE, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    dev.stdout.on('data', (c) => {
      out += c;
      // The dev server's line in either language: `serving … at URL`, `正在预览 …，网址 URL`.
      const m = /(?:serving .* at|网址) (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    dev.on('exit', () => reject(new Error('dev server exited')));
  });
  const events = [];
  let wake = () => {};
  http.get(`${url}__gazette/events`, (res) => {
    res.setEncoding('utf8');
    res.on('data', (c) => {
      if (c.includes('event: reload')) {
        events.push(performance.now());
        wake();
      }
    });
  });
  await new Promise((r) => setTimeout(r, 300));
  const series = async (edit) => {
    const ms = [];
    for (let i = 0; i < Number(values.saves); i++) {
      const seen = events.length;
      const start = performance.now();
      edit(i);
      await new Promise((resolve) => {
        wake = () => events.length > seen && resolve();
      });
      ms.push(events.at(-1) - start);
      log(`gazette watch: ${ms.at(-1).toFixed(0)} ms`);
      await new Promise((r) => setTimeout(r, 200));
    }
    return ms;
  };
  const body = await series((i) => appendFileSync(changed, `\n监听改动${i}。\n`));
  const titled = path.join(SITE, 'content', 'articles', '000002.md');
  const title = await series((i) =>
    writeFileSync(titled, readFileSync(titled, 'utf8').replace(/^title: .*$/m, `title: "改过的标题${i}"`)),
  );
  dev.kill();
  const row = (work, seconds) => ({ tool: 'gazette', work, seconds, rssKiB: [], unit: 'ms' });
  return [
    row('dev server: text edited → page re-rendered + reload sent', body),
    row('dev server: title edited → pages re-rendered + reload sent', title),
  ];
}

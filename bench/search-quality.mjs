#!/usr/bin/env node
// Compares the site's sharded search index (src/search/) with one whole Pagefind index of the same
// records, as a reader's browser uses them: result quality for seeded queries, and bytes downloaded.
//   node bench/search-quality.mjs --site DIST [--seed 19] [--queries 40] [--pairs 5] [--whole DIR] [--save-whole DIR]
// --whole DIR: the whole index's bundle (its pagefind/ folder) made by an earlier run from the same
// records, used instead of making it again (minutes at 20,000 articles); --save-whole DIR keeps it.
// DIST: a site built by gazette with its search index. The whole index is made here, with the same
// Pagefind, from the records the shards were made of (read back from their fragments), and served
// beside a copy of the site. Chromium: /usr/bin/chromium (or CHROMIUM_PATH). Not a test: it prints.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { readFragment } from './pagefind-fragment.mjs';
import { serveStatic } from './serve-static.mjs';

const REPO = fileURLToPath(new URL('../', import.meta.url));
const { values } = parseArgs({
  options: {
    site: { type: 'string' },
    seed: { type: 'string', default: '19' },
    queries: { type: 'string', default: '40' },
    pairs: { type: 'string', default: '5' },
    whole: { type: 'string' },
    'save-whole': { type: 'string' },
  },
});
if (!values.site) throw new Error('--site DIST: a site built with its search index');
const SHARDED = path.resolve(values.site);
const SINGLE = `${SHARDED}.single-index`;
const { runPagefind } = await import(path.join(REPO, 'lib/search/run-pagefind.js'));
const { SHARD_FILTER } = await import(path.join(REPO, 'lib/search/shard-loader.js'));
// The whole index is searched with the site's weights of the metadata fields, as the shards are.
const { META_WEIGHTS } = await import(path.join(REPO, 'lib/search/search-records.js'));

// 1. The records, from the shards' fragments (gzip, "pagefind_dcd", JSON); Pagefind marks the words
// it segmented with zero-width spaces, taken out again.
const bundleDir = path.join(SHARDED, 'pagefind');
const shards = readdirSync(bundleDir).filter((f) => statSync(path.join(bundleDir, f)).isDirectory());
const records = [];
// The shards' language, as gazette gave it to Pagefind (`und`: words parted by gazette, not Pagefind).
const [language] = Object.keys(
  JSON.parse(readFileSync(path.join(bundleDir, shards[0], 'pagefind-entry.json'), 'utf8')).languages,
);
for (const shard of shards) {
  const dir = path.join(bundleDir, shard, 'fragment');
  for (const f of readdirSync(dir)) {
    const json = readFragment(path.join(dir, f));
    const { [SHARD_FILTER]: _, ...filters } = json.filters;
    records.push({
      url: json.url,
      content: json.content.replace(/\u200b/g, ''),
      language,
      meta: json.meta,
      filters,
    });
  }
}
records.sort((a, b) => (a.url < b.url ? -1 : 1));
console.log(`${records.length} articles in ${shards.length} shards`);

// 2. One whole index of the same records, in a copy of the site (hard links).
rmSync(SINGLE, { recursive: true, force: true });
spawnSync('cp', ['-al', SHARDED, SINGLE]);
rmSync(path.join(SINGLE, 'pagefind'), { recursive: true, force: true });
let t = performance.now();
if (values.whole) {
  const fragments = readdirSync(path.join(values.whole, 'fragment')).length;
  if (fragments !== records.length)
    throw new Error(`--whole ${values.whole} has ${fragments} articles, the shards ${records.length}`);
  spawnSync('cp', ['-a', path.resolve(values.whole), path.join(SINGLE, 'pagefind')]);
  console.log(`whole index taken from ${values.whole}`);
} else {
  for (const f of await runPagefind({ language, records })) {
    mkdirSync(path.dirname(path.join(SINGLE, 'pagefind', f.path)), { recursive: true });
    writeFileSync(path.join(SINGLE, 'pagefind', f.path), f.content);
  }
  console.log(`whole index made in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

// 3. Seeded queries: one or two words of a random article; a third of them rare (in at most 3 articles).
let state = Number(values.seed) >>> 0;
const random = () => {
  state = (state * 1664525 + 1013904223) >>> 0;
  return state / 2 ** 32;
};
const pick = (xs) => xs[Math.floor(random() * xs.length)];
const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });
const wordsOf = (text) =>
  [...segmenter.segment(text)]
    .filter((s) => s.isWordLike && /^\p{Script=Han}{2,}$/u.test(s.segment))
    .map((s) => s.segment);
// The articles' text as written: records of a Chinese site hold it parted into words by spaces
// (src/search/index-words.ts), which are taken out again next to a Chinese character or mark (the
// segmenter is also four times slower on the spaced text).
const CJK = '[\\p{Script=Han}\\p{P}]';
const unspaced = new RegExp(`(?<=${CJK}) | (?=${CJK})`, 'gu');
const texts = records.map((r) => (language === 'und' ? r.content.replace(unspaced, '') : r.content));
const articleWords = texts.map((text) => [...new Set(wordsOf(text))]);
const df = new Map();
for (const ws of articleWords) for (const w of ws) df.set(w, (df.get(w) ?? 0) + 1);
const queries = [];
for (let i = 0; queries.length < Number(values.queries) && i < 10_000; i++) {
  const ws = pick(articleWords);
  const rare = ws.filter((w) => df.get(w) <= 3);
  const first = i % 3 === 0 && rare.length > 0 ? pick(rare) : pick(ws);
  const q = i % 2 === 0 ? first : `${first} ${pick(ws.filter((w) => w !== first))}`;
  if (q && !q.includes('undefined') && !queries.includes(q)) queries.push(q);
}

// 4. Both sites served as a static host serves them; searched with the module the search page uses.
const servers = { sharded: await serveStatic(SHARDED), single: await serveStatic(SINGLE) };
const urlOf = (name) => `http://127.0.0.1:${servers[name].address().port}/`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});

async function answers(name) {
  const page = await browser.newPage();
  await page.goto(urlOf(name));
  const out = [];
  for (const q of queries)
    out.push(
      await page.evaluate(
        async ([q, metaWeights]) => {
          const pagefind = await import('/pagefind/pagefind.js');
          await pagefind.options({ ranking: { metaWeights } });
          const found = await pagefind.search(q);
          return found.results.map((r) => r.id);
        },
        [q, META_WEIGHTS],
      ),
    );
  await page.close();
  // Result ids are the fragments' names: their pages' addresses are read from the files, not
  // fetched (at 20,000 articles a frequent word's thousands of fetches at once failed in Chromium).
  const urls = fragmentUrls(name === 'sharded' ? SHARDED : SINGLE);
  return out.map((ids) =>
    ids.map((id) => {
      const url = urls.get(id);
      if (!url) throw new Error(`${name}: no fragment ${id}`);
      return url;
    }),
  );
}

/**
 * Fragment name (a result's id) → its page's address, over every shard of a site's bundle; also
 * by `name@shard`, the id the loader gives a page whose name another shard's page has too.
 */
function fragmentUrls(site) {
  const urls = new Map();
  const visit = (dir, shard) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full, shard ?? (entry.name === 'fragment' ? '' : entry.name));
      else if (entry.name.endsWith('.pf_fragment')) {
        const name = entry.name.slice(0, -'.pf_fragment'.length);
        const { url } = readFragment(full);
        urls.set(name, url);
        urls.set(`${name}@${shard}`, url);
      }
    }
  };
  visit(path.join(site, 'pagefind'));
  return urls;
}
t = performance.now();
const sharded = await answers('sharded');
const single = await answers('single');
console.log(`queries answered in ${((performance.now() - t) / 1000).toFixed(1)} s`);

let sameFirst = 0;
let overlap = 0;
let missing = 0;
let lostToShards = 0;
const rows = [];
queries.forEach((q, i) => {
  const a = sharded[i];
  const b = single[i];
  const words = q.split(' ');
  const containing = records.filter((_, k) => words.every((w) => texts[k].includes(w))).map((r) => r.url);
  const lost = containing.filter((u) => !a.includes(u));
  if (lost.length > 0 && process.env.SHOW_LOST) console.log(`${q}: lost ${lost.slice(0, 3).join(' ')}`);
  missing += lost.length;
  lostToShards += b.filter((u) => !a.includes(u)).length;
  if (a[0] === b[0]) sameFirst++;
  const top = new Set(b.slice(0, 10));
  const common = a.slice(0, 10).filter((u) => top.has(u)).length;
  overlap += top.size ? common / top.size : 1;
  rows.push(
    `| ${q} | ${containing.length} | ${b.length} | ${a.length} | ${a[0] === b[0] ? 'yes' : 'no'} | ${common}/${top.size} | ${lost.length} |`,
  );
});
console.log(
  '\n| query | articles containing it | whole index: results | shards: results | same first | top-10 in common | containing, not found by shards |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows) console.log(r);
console.log(
  `\n${queries.length} queries (seed ${values.seed}): same first result ${sameFirst}/${queries.length} (${((100 * sameFirst) / queries.length).toFixed(0)}%), top-10 in common ${((100 * overlap) / queries.length).toFixed(0)}% on average, articles containing the query not found by the shards: ${missing}, found by the whole index and not by the shards: ${lostToShards}`,
);

// 5. Bytes downloaded by the search page: a first search (from the address), then a second (typed).
async function bytes(name, first, second) {
  const context = await browser.newContext();
  const page = await context.newPage();
  let sum = 0;
  page.on('response', async (r) => {
    if (new URL(r.url()).pathname.startsWith('/pagefind/'))
      sum += (await r.body().catch(() => Buffer.alloc(0))).length;
  });
  const settle = async () => {
    const message = page.locator('.pagefind-ui__message');
    await message.waitFor({ timeout: 60_000 });
    for (let i = 0; i < 600 && /^正在搜索/.test((await message.textContent()) ?? ''); i++)
      await page.waitForTimeout(100);
    await page.waitForLoadState('networkidle');
  };
  await page.goto(`${urlOf(name)}search/?q=${encodeURIComponent(first)}`);
  await settle();
  const firstBytes = sum;
  await page.fill('.pagefind-ui__search-input', second);
  await page.waitForTimeout(500);
  await settle();
  await context.close();
  return [firstBytes, sum - firstBytes];
}
const total = { sharded: [0, 0], single: [0, 0] };
for (let i = 0; i < Number(values.pairs); i++) {
  const [first, second] = [queries[2 * i], queries[2 * i + 1]];
  for (const name of ['single', 'sharded']) {
    const [a, b] = await bytes(name, first, second);
    total[name][0] += a;
    total[name][1] += b;
  }
}
const kb = (n) => `${(n / 1024).toFixed(0)} KiB`;
console.log(`\nBytes from /pagefind/, ${values.pairs} pairs of searches, in all:`);
console.log(`| index | first search | second search |\n| --- | --- | --- |`);
for (const name of ['single', 'sharded'])
  console.log(`| ${name} | ${kb(total[name][0])} | ${kb(total[name][1])} |`);
console.log(
  `shards / whole index: first ${(total.sharded[0] / total.single[0]).toFixed(2)}×, second ${(total.sharded[1] / total.single[1]).toFixed(2)}×`,
);

await browser.close();
for (const s of Object.values(servers)) s.close();
if (values['save-whole'])
  spawnSync('cp', ['-a', path.join(SINGLE, 'pagefind'), path.resolve(values['save-whole'])]);
rmSync(SINGLE, { recursive: true, force: true });

#!/usr/bin/env node
// Issue 19, target 1's second half: after bench/run.mjs's rows with the search index, the site's own
// search page, in Chromium, finds each article the run published and the old article it edited by
// words only their new text has, and no longer finds the articles it deleted.
//   node bench/search-check.mjs --work DIR     (bench/run.mjs's --work: DIR/gazette, DIR/corpus)
// The words are checked to be in no article of the corpus first. A deleted article is looked for by
// a number only its text has, with one still there as the control, and in the index's fragments.
// Chromium: /usr/bin/chromium (or CHROMIUM_PATH). Not a test: it prints, and exits 1 on a failure.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { readFragment } from './pagefind-fragment.mjs';
import { serveStatic } from './serve-static.mjs';

const { values } = parseArgs({ options: { work: { type: 'string' } } });
if (!values.work) throw new Error('--work DIR: the folder bench/run.mjs worked in');
const SITE = path.join(path.resolve(values.work), 'gazette');
const DIST = path.join(SITE, 'dist');
const CONTENT = path.join(SITE, 'content', 'articles');
const CORPUS = path.join(path.resolve(values.work), 'corpus', 'articles');

const titleOf = (text) => /^title: "?(.*?)"?$/m.exec(text)?.[1] ?? '';
const corpus = readdirSync(CORPUS).map((f) => readFileSync(path.join(CORPUS, f), 'utf8'));
const inCorpus = (word) => corpus.some((text) => text.includes(word));

// What run.mjs did (see its rows with search): articles published as new-day-N and new-search-N,
// `检索改动N。` appended to 000150.md, and 000101.md onwards deleted.
const published = readdirSync(CONTENT).filter((f) => /^new-(day|search)-\d+\.md$/.test(f));
const deleted = ['000101.md', '000102.md', '000103.md'].filter((f) => !existsSync(path.join(CONTENT, f)));
const checks = [
  // 今日发布N号稿件: words of the new articles' first line, in no article of the corpus.
  { query: '稿件', want: published.map((f) => titleOf(readFileSync(path.join(CONTENT, f), 'utf8'))) },
  { query: '检索改动', want: [titleOf(readFileSync(path.join(CONTENT, '000150.md'), 'utf8'))] },
];
for (const { query } of checks) if (inCorpus(query)) throw new Error(`${query} is in the corpus: no proof`);

const server = await serveStatic(DIST);
const base = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
const page = await browser.newPage();

/** The titles and addresses the search page lists for `query`, all of them (按“加载更多”). */
async function listed(query) {
  await page.goto(`${base}search/?q=${encodeURIComponent(query)}`);
  const message = page.locator('.pagefind-ui__message');
  await message.waitFor({ timeout: 60_000 });
  for (let i = 0; i < 600 && /^正在搜索/.test((await message.textContent()) ?? ''); i++)
    await page.waitForTimeout(100);
  const count = Number(/(\d+)/.exec((await message.textContent()) ?? '')?.[1] ?? 0);
  const links = page.locator('.pagefind-ui__result-link');
  const more = page.locator('.pagefind-ui__button');
  for (let i = 0; i < 200; i++) {
    if ((await links.count()) >= count) break;
    if (await more.isVisible()) await more.click();
    await page.waitForTimeout(100);
  }
  const titles = await links.allTextContents();
  const hrefs = await links.evaluateAll((as) => as.map((a) => new URL(a.href).pathname));
  return { count, titles, hrefs };
}

let failed = 0;
const report = (ok, line) => {
  if (!ok) failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${line}`);
};
for (const { query, want } of checks) {
  const { count, titles } = await listed(query);
  const missing = want.filter((t) => !titles.includes(t));
  report(
    missing.length === 0,
    `“${query}” (in no article of the corpus): ${count} found, ${want.length} expected${missing.length ? `, missing ${missing.join('、')}` : ''}`,
  );
}

// Deleted: not found by a number only its text has in the whole corpus, while an article still
// there is found by one of its own (the control); and no fragment of the index is of its address.
const fragmentUrls = new Set();
const visit = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) visit(full);
    else if (entry.name.endsWith('.pf_fragment')) fragmentUrls.add(readFragment(full).url);
  }
};
visit(path.join(DIST, 'pagefind'));
/** A number of five digits or more that `text` has and no other article of the corpus. */
const ownNumber = (text) =>
  (text.match(/\d{5,}/g) ?? []).find((n) => corpus.filter((other) => other.includes(n)).length === 1);
for (const file of [...deleted, '000104.md']) {
  const number = ownNumber(readFileSync(path.join(CORPUS, file), 'utf8'));
  if (!number) throw new Error(`${file} has no number of its own`);
  const { hrefs } = await listed(number);
  const stem = file.replace(/\.md$/, '');
  const here = hrefs.some((h) => h.endsWith(`/${stem}/`));
  const indexed = [...fragmentUrls].some((u) => u.endsWith(`/${stem}/`));
  const gone = deleted.includes(file);
  report(
    gone ? !here && !indexed : here && indexed,
    `${file} (${gone ? 'deleted' : 'still there, the control'}), searched by “${number}”, in no other article: ${hrefs.length} found, ${here ? 'it among them' : 'not it'}; ${indexed ? 'in' : 'not in'} the index's fragments`,
  );
}
await browser.close();
server.close();
console.log(`${checks.length + deleted.length + 1 - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

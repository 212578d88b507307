#!/usr/bin/env node
// What the least a generator built on gazette's required libraries could spend on a corpus, against
// Hugo's cold build in the same run: one thread reads, decodes, splits (gray-matter with its own
// js-yaml) and renders (markdown-it without plugins) every article, puts it through a minimal Nunjucks
// page (breadcrumb, date-time, source line, as the peers' layouts), and writes it into a folder of its
// own. Nothing else: no validation, positions, slugs, lists, feeds, cache, threads or JIT warm-up
// (each part is timed on its second pass). The sum over two cores is the floor of a cold build.
//   node bench/floor.mjs --work DIR [--runs 3] [--settle 60]
// DIR is a bench work folder with corpus/ and hugo/ (npm run bench -- --peers --work DIR).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);
const MarkdownIt = require('markdown-it');
const matter = require('gray-matter');
const nunjucks = require('nunjucks');

const { values } = parseArgs({
  options: {
    work: { type: 'string' },
    runs: { type: 'string', default: '3' },
    settle: { type: 'string', default: '60' },
  },
});
if (!values.work) throw new Error('--work DIR is needed: a bench folder with corpus/ and hugo/');
const WORK = path.resolve(values.work);
const CORPUS = path.join(WORK, 'corpus', 'articles');
const files = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.md'))
  .map((f) => path.join(CORPUS, f));
const n = files.length;
const log = (s) => process.stderr.write(`${s}\n`);

/** Runs `fn` twice and returns the second pass's microseconds per article. */
function perArticle(fn) {
  fn(0);
  const start = process.cpuUsage();
  fn(1);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / n;
}

let bytes = [];
let texts = [];
let parts = [];
let pages = [];
const md = new MarkdownIt();
const env = new nunjucks.Environment(null, { autoescape: true });
const page = new nunjucks.Template(
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>{{ title }}</title></head><body>
<nav><a href="/">首页</a>{% for c in categories %} <a href="/{{ c }}/">{{ c }}</a>{% endfor %}</nav>
<div class="breadcrumb">您当前的位置：<a href="/">首页</a> &gt; <a href="/{{ category }}/">{{ category }}</a> &gt; 正文</div>
<article><h1>{{ title }}</h1><p class="meta"><time>{{ date }}</time> 来源：{{ source }}</p>
{{ html | safe }}</article></body></html>`,
  env,
);
const categories = ['学习', '要闻', '语言', '知识', '经济', '民生'];
const ASIDE = path.join(WORK, '.set-aside');
const OUT = path.join(WORK, '.floor-out');

const cost = {
  'read the files': perArticle(() => {
    bytes = files.map((f) => readFileSync(f));
  }),
  'decode UTF-8': perArticle(() => {
    texts = bytes.map((b) => b.toString('utf8'));
  }),
  'gray-matter (js-yaml)': perArticle(() => {
    parts = texts.map((t) => matter(t));
    // gray-matter keeps a cache by text: the second pass would measure nothing.
    matter.clearCache();
  }),
  'markdown-it': perArticle(() => {
    pages = parts.map((p) => md.render(p.content));
  }),
  'Nunjucks page': perArticle(() => {
    pages = parts.map((p, i) =>
      page.render({ ...p.data, date: String(p.data.date), categories, html: pages[i] ?? '' }),
    );
  }),
  'write, a folder each': perArticle((pass) => {
    const dir = `${OUT}-${pass}`;
    for (let i = 0; i < n; i++) {
      const folder = path.join(dir, String(i));
      mkdirSync(folder, { recursive: true });
      writeFileSync(path.join(folder, 'index.html'), pages[i] ?? '');
    }
  }),
};
// Kept until the end (see bench/run.mjs: a deletion slows the file creation that follows it).
mkdirSync(ASIDE, { recursive: true });
for (const pass of [0, 1]) renameSync(`${OUT}-${pass}`, path.join(ASIDE, `floor-${process.pid}-${pass}`));

const hugo = existsSync(path.join(WORK, 'hugo')) && spawnSync('hugo', ['version']).status === 0;
const hugoSeconds = [];
if (hugo) {
  spawnSync('sync');
  log(`letting the deletions age for ${values.settle} s`);
  await new Promise((r) => setTimeout(r, Number(values.settle) * 1000));
  for (let r = 0; r < Number(values.runs); r++) {
    const publicDir = path.join(WORK, 'hugo', 'public');
    if (existsSync(publicDir)) renameSync(publicDir, path.join(ASIDE, `hugo-${process.pid}-${r}`));
    const start = performance.now();
    const run = spawnSync('hugo', ['--quiet', '--source', path.join(WORK, 'hugo')], { stdio: 'ignore' });
    if (run.status !== 0) throw new Error('hugo failed');
    hugoSeconds.push((performance.now() - start) / 1000);
  }
}
rmSync(ASIDE, { recursive: true, force: true });

const total = Object.values(cost).reduce((a, b) => a + b, 0);
const floor = (total * n) / 1e6 / 2;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`| ${n} articles, one thread, second pass | µs per article |`);
console.log('| --- | --- |');
for (const [part, us] of Object.entries(cost)) console.log(`| ${part} | ${us.toFixed(0)} |`);
console.log(`| **sum** | **${total.toFixed(0)}** |`);
console.log(`\nfloor on two cores: ${floor.toFixed(2)} s`);
if (hugoSeconds.length > 0) {
  const h = median(hugoSeconds);
  console.log(`Hugo cold build: ${h.toFixed(2)} s (median of ${hugoSeconds.length})`);
  console.log(`floor / Hugo: ${(floor / h).toFixed(2)}×`);
}

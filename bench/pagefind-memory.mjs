#!/usr/bin/env node
// Measures what one shard costs Pagefind's service (the Rust process that indexes it): its peak
// resident memory (VmHWM, read from /proc just before it is closed) and its CPU time, for shards of
// several sizes made of the corpus's first articles, as the build makes their records (markdown
// rendered, then plainText). Not a test: it prints one line per size.
//   node bench/pagefind-memory.mjs --corpus DIR/articles [--sizes 480,700,1440] [--language zh-cn]
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import matter from 'gray-matter';
import MarkdownIt from 'markdown-it';

const REPO = fileURLToPath(new URL('../', import.meta.url));
const { values } = parseArgs({
  options: {
    corpus: { type: 'string' },
    sizes: { type: 'string', default: '480,700,1440' },
    language: { type: 'string', default: 'zh-cn' },
  },
});
if (!values.corpus) throw new Error('--corpus DIR: a folder of articles from gen-corpus.mjs');
const { plainText } = await import(path.join(REPO, 'lib/search/plain-text.js'));
const pagefind = await import('pagefind');
const md = new MarkdownIt();
const files = readdirSync(values.corpus)
  .filter((f) => f.endsWith('.md'))
  .sort();

const recordOf = (file) => {
  const { data, content } = matter(readFileSync(path.join(values.corpus, file), 'utf8'));
  return {
    url: `/a/${file.replace(/\.md$/, '')}/`,
    content: `${data.title}\n${plainText(md.render(content))}`,
    language: values.language,
    meta: {
      title: String(data.title),
      date: String(data.date).slice(0, 10),
      category: String(data.category),
    },
    filters: { 栏目: [String(data.category)], _shard: ['s'] },
  };
};

/** The Pagefind service this process started: its child whose command is pagefind's. */
const serviceOf = () => {
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === process.pid && stat.includes('pagefind')) return pid;
    } catch {}
  }
  return undefined;
};
const statusOf = (pid, field) =>
  Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`${field}:\\s+(\\d+)`))?.[1]);
const cpuOf = (pid) => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks of 10 ms
};

for (const size of values.sizes.split(',').map(Number)) {
  const records = files.slice(0, size).map(recordOf);
  const chars = records.reduce((n, r) => n + r.content.length, 0);
  const started = performance.now();
  const { index } = await pagefind.createIndex({ forceLanguage: values.language });
  const pid = serviceOf();
  await Promise.all(records.map((r) => index.addCustomRecord(r)));
  const { files: bundle } = await index.getFiles();
  const wall = (performance.now() - started) / 1000;
  const hwm = statusOf(pid, 'VmHWM') / 1024;
  const cpu = cpuOf(pid);
  const bytes = bundle.reduce((n, f) => n + f.content.length, 0);
  await pagefind.close();
  console.log(
    `${size} records (${(chars / size).toFixed(0)} chars each): service peak ${hwm.toFixed(0)} MiB, ` +
      `CPU ${cpu.toFixed(2)} s, wall ${wall.toFixed(2)} s, bundle ${bundle.length} files ${(bytes / 2 ** 20).toFixed(1)} MiB`,
  );
}

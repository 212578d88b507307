import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { afterEach, describe, expect, it } from 'vitest';
import { openOutputFolder } from '../../src/output/output-folder.js';
import { SHARD_MANIFEST } from '../../src/search/shard-manifest.js';
import { writeSearchIndex } from '../../src/search/write-search-index.js';
import { brokenLinks } from '../helpers/links.js';
import { readPage, removeSite, runCli, searchableSite, snapshotDir } from '../helpers/site.js';
import { entry, siteConfig } from '../unit/fixtures.js';

const roots: string[] = [];
const site = () => {
  const root = searchableSite('金华全力保障用工先行');
  roots.push(root);
  return root;
};
afterEach(() => {
  for (const r of roots.splice(0)) removeSite(r);
});

const text = (html: string, selector: string) =>
  parse(html).querySelector(selector)?.textContent.replace(/\s+/g, ' ').trim();

describe('the search page and index', () => {
  it('with --no-search writes no index, and the search page says search is unavailable', async () => {
    const root = site();
    const run = await runCli(['build', '--root', root, '--no-search']);
    expect(run.code).toBe(0);
    const dist = path.join(root, 'dist');
    expect(existsSync(path.join(dist, 'pagefind'))).toBe(false);
    const page = readPage(dist, 'search/index.html');
    expect(text(page, '.search-note')).toBe(
      '本次构建未生成搜索索引，站内搜索暂不可用。请从下面的栏目浏览文章。',
    );
    expect(page).not.toContain('pagefind');
    expect(brokenLinks(dist)).toEqual([]);
  });

  it('writes Pagefind’s index and UI into the site, and the search page loads them from there', async () => {
    const root = site();
    const run = await runCli(['build', '--root', root, '--base-url', 'https://news.example.cn/news/']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const dist = path.join(root, 'dist');
    // The UI and the module that searches every shard, and one shard: a small site's whole index.
    expect(readdirSync(path.join(dist, 'pagefind')).sort()).toEqual([
      'all',
      'pagefind-ui.css',
      'pagefind-ui.js',
      'pagefind.js',
    ]);
    const shard = readdirSync(path.join(dist, 'pagefind', 'all'));
    expect(shard).toEqual(expect.arrayContaining(['pagefind.js', 'pagefind-entry.json', SHARD_MANIFEST]));
    expect(shard.some((f) => /^pagefind\.und_.*\.pf_meta$/.test(f))).toBe(true);

    const doc = parse(readPage(dist, 'search/index.html'));
    expect(doc.querySelector('#search')?.getAttribute('data-bundle')).toBe('/news/pagefind/');
    expect(doc.querySelectorAll('script[src]').map((s) => s.getAttribute('src'))).toEqual([
      '/news/assets/toolbar.js',
      '/news/pagefind/pagefind-ui.js',
      '/news/assets/search.js',
    ]);
    expect(doc.querySelector('meta[name=robots]')?.getAttribute('content')).toBe('noindex');
    // Without JavaScript, Pagefind's UI cannot run: the page says so.
    expect(text(doc.toString(), 'noscript')).toContain('站内搜索需要浏览器启用 JavaScript');
    expect(brokenLinks(dist, '/news/')).toEqual([]);
  });

  it('puts a search box in every page header: a GET form to the search page', async () => {
    const root = site();
    expect((await runCli(['build', '--root', root, '--no-search'])).code).toBe(0);
    for (const page of ['index.html', 'xuexi/index.html', 'xuexi/2022/03/a/index.html', '404.html']) {
      const form = parse(readPage(path.join(root, 'dist'), page)).querySelector('header form[role=search]');
      expect(form?.getAttribute('action')).toBe('/search/');
      expect(form?.getAttribute('method')).toBe('get');
      expect(form?.querySelector('input[type=search]')?.getAttribute('name')).toBe('q');
      expect(form?.querySelector('label')?.textContent).toBe('搜索文章');
    }
  });
});

const htmlOf = (e: { html: string }) => e.html;

describe('writeSearchIndex', () => {
  it('keeps the previous shard when its articles’ text is the same, and indexes it again when not', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gazette-search-'));
    roots.push(dir);
    const entries = [entry('content/xuexi/a.md', '2022-03-01 10:00', { html: '<p>员工返岗率达98%。</p>\n' })];
    const config = siteConfig();
    const indexInto = async (out: string, list: typeof entries) => {
      const output = await openOutputFolder(out);
      const report = await writeSearchIndex({ articles: { entries: list }, config, htmlOf }, output);
      await output.commit();
      return report;
    };
    const first = path.join(dir, 'first');
    expect(await indexInto(first, entries)).toEqual({ records: 1, shards: 1, indexed: ['all'] });
    expect(readdirSync(path.join(first, 'pagefind', 'all'))).toContain(SHARD_MANIFEST);
    const before = snapshotDir(path.join(first, 'pagefind'));

    // Another page template or stylesheet changes nothing the index is made of.
    expect(await indexInto(first, entries)).toEqual({ records: 1, shards: 1, indexed: [] });
    expect(snapshotDir(path.join(first, 'pagefind'))).toEqual(before);

    const edited = [{ ...entries[0], html: '<p>员工返岗率达99%。</p>\n' }] as typeof entries;
    expect(await indexInto(first, edited)).toEqual({ records: 1, shards: 1, indexed: ['all'] });
    // Pagefind writes the same bundle for the same records: reusing one is as good as making it.
    const fourth = path.join(dir, 'fourth');
    await indexInto(fourth, entries);
    expect(snapshotDir(path.join(fourth, 'pagefind'))).toEqual(before);
  });
});

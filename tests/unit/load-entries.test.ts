import { describe, expect, it } from 'vitest';
import type { SourceFile } from '../../src/content/article.js';
import { createMarkdown } from '../../src/markdown/markdown-it.js';
import { type EntryCache, loadEntries, newEntryCache } from '../../src/memory/load-entries.js';
import { article } from '../helpers/site.js';
import { siteConfig, utf8 } from './fixtures.js';

const config = siteConfig();
const md = createMarkdown();
const MARCH_2 = Date.parse('2022-03-02T12:00:00+08:00');

const file = (n: number, fm: Record<string, string> = {}, body = `第${n}篇的正文。`): SourceFile => ({
  path: `content/a${n}.md`,
  bytes: utf8(article({ title: `第${n}篇`, date: `2022-03-0${n} 10:00`, category: '学习', ...fm }, body)),
});

/** What loadEntries returns, as plain data to compare: a rebuild must give what a first load does. */
const shape = (l: ReturnType<typeof loadEntries>) => ({
  published: l.published.map((e) => [e.file, e.version, e.title]),
  bodies: [...l.bodies.keys()],
  skipped: l.skipped,
  diagnostics: l.diagnostics.map((d) => [d.file, d.message]),
});

const fresh = (files: SourceFile[], now: number) =>
  shape(loadEntries(files, config, { drafts: false, future: false, now }, md));

// Each case twice: told which files were saved (as the dev server tells it), and not told.
describe.each([
  ['told what was saved', (paths: string[]) => paths],
  ['not told', (_paths: string[]) => undefined],
])('loadEntries across rebuilds (the dev server), %s', (_name, saved) => {
  const load = (files: SourceFile[], now: number, cache: EntryCache, changed: string[]) =>
    loadEntries(
      files,
      config,
      { drafts: false, future: false, now },
      md,
      cache,
      undefined,
      undefined,
      saved(changed),
    );

  it('after one edited file gives what loading everything anew gives', () => {
    const cache: EntryCache = newEntryCache();
    const files = [file(1), file(2), file(3)];
    loadEntries(files, config, { drafts: false, future: false, now: MARCH_2 + 7 * 86_400_000 }, md, cache);
    files[1] = file(2, {}, '改过的正文。');
    const now = MARCH_2 + 8 * 86_400_000;
    const again = load(files, now, cache, ['content/a2.md']);
    expect(shape(again)).toEqual(fresh(files, now));
    expect(again.published.find((e) => e.file === 'content/a2.md')?.version).not.toBe(
      loadEntries([file(2)], config, { drafts: false, future: false, now }, md).published[0]?.version,
    );
  });

  it('publishes a scheduled article once its time has come, whichever file changed', () => {
    const cache: EntryCache = newEntryCache();
    const files = [file(1), file(3)];
    // On 2 March, the article of 3 March is scheduled, not published.
    const first = loadEntries(files, config, { drafts: false, future: false, now: MARCH_2 }, md, cache);
    expect(first.published.map((e) => e.file)).toEqual(['content/a1.md']);
    expect(first.skipped.future).toBe(1);
    files[0] = file(1, {}, '改过的正文。');
    const later = MARCH_2 + 86_400_000;
    const next = load(files, later, cache, ['content/a1.md']);
    expect(shape(next)).toEqual(fresh(files, later));
    expect(next.published.map((e) => e.file)).toEqual(['content/a1.md', 'content/a3.md']);
    // A scheduled article saved while still in the future: due later, published then.
    files[0] = file(1, { date: '2022-03-05 10:00' });
    expect(load(files, later, cache, ['content/a1.md']).published.map((e) => e.file)).toEqual([
      'content/a3.md',
    ]);
    const fifth = MARCH_2 + 4 * 86_400_000;
    expect(shape(load(files, fifth, cache, []))).toEqual(fresh(files, fifth));
    expect(load(files, fifth, cache, []).published.map((e) => e.file)).toEqual([
      'content/a1.md',
      'content/a3.md',
    ]);
  });

  it('keeps reporting every file’s problems, and a new problem, after an edit', () => {
    const cache: EntryCache = newEntryCache();
    const broken = { ...file(2), bytes: utf8('---\ntitle: 缺少日期\n---\n\n正文。') };
    const files = [file(1), broken, file(3)];
    const now = MARCH_2 + 7 * 86_400_000;
    const first = loadEntries(files, config, { drafts: false, future: false, now }, md, cache);
    expect(first.diagnostics.length).toBeGreaterThan(0);
    files[2] = { ...file(3), bytes: utf8('---\ntitle: 也缺少日期\n---\n\n正文。') };
    const next = load(files, now, cache, ['content/a3.md']);
    expect(shape(next)).toEqual(fresh(files, now));
    expect([...new Set(next.diagnostics.map((d) => d.file))]).toEqual(['content/a2.md', 'content/a3.md']);
  });
});

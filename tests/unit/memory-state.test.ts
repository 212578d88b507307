import { describe, expect, it } from 'vitest';
import { NO_IMAGES } from '../../src/assets/image-catalog.js';
import type { SourceFile } from '../../src/content/article.js';
import { pageWork } from '../../src/incremental/page-work.js';
import { planTextEdits } from '../../src/incremental/plan-text-edits.js';
import { planWholeSite } from '../../src/incremental/plan-whole-site.js';
import { textEditsSince } from '../../src/incremental/text-edits.js';
import { fileLoader, loadChanged, newMemo } from '../../src/memory/load-changed.js';
import { type MemoryState, previousOf, publishedEntries, stateAfter } from '../../src/memory/memory-state.js';
import { withChanges } from '../../src/memory/with-changes.js';
import { outputPathOf } from '../../src/urls/urls.js';
import { article } from '../helpers/site.js';
import { siteConfig, utf8 } from './fixtures.js';

// The memory of the dev server as the engine reads it, from real articles loaded, planned and
// signed by the build's own functions: only the pages' rendering is left out.
const config = siteConfig();
const MARCH_10 = Date.parse('2022-03-10T12:00:00+08:00');
const KEYS = { contentKey: 'content', siteKey: 'site' };
const NO_TEMPLATES = new Map<string, string>();

const file = (n: number, fm: Record<string, string> = {}, rest = '正文。'): SourceFile => ({
  path: `content/a${n}.md`,
  bytes: utf8(
    article(
      { title: `第${n}篇`, date: `2022-03-0${n} 10:00`, category: '学习', summary: `第${n}篇的摘要`, ...fm },
      `第${n}篇的开头。\n\n${rest}`,
    ),
  ),
});
const publishAt = (now: number) => ({ drafts: false, future: false, now });

/** A rebuild as the memory site makes it (without rendering), from `before` and the files saved since. */
async function rebuild(
  files: SourceFile[],
  since: 'all' | Set<string>,
  before: MemoryState | undefined,
  { now = MARCH_10, memo = newMemo(KEYS.contentKey) } = {},
) {
  const publish = publishAt(now);
  const previous = before && previousOf(before, publish);
  const content = { files, index: new Map(files.map((f, i) => [f.path, i])), since };
  const kept = previous && before && { state: previous, waiting: before.waiting };
  const loaded = loadChanged(content, kept, memo, fileLoader(config, NO_IMAGES, publish, memo), publish);
  const edited = previous && textEditsSince(previous, KEYS.siteKey, loaded, publish);
  const planned =
    previous && edited
      ? planTextEdits(previous, loaded, edited, config)
      : await planWholeSite(previous, loaded, config, '/nowhere', publish, {
          images: NO_IMAGES,
          search: false,
          publicFiles: [],
          siteKey: KEYS.siteKey,
        });
  const site = planned.build;
  if (!site) throw new Error(`no plan: ${planned.diagnostics.map((d) => d.message).join('; ')}`);
  const work = pageWork(site, NO_TEMPLATES, KEYS.contentKey, previous?.pages);
  const served = new Map(Object.keys(work.signatures).map((out) => [out, new Uint8Array()]));
  const state = stateAfter(before, {
    keys: KEYS,
    publish,
    config,
    site,
    fresh: loaded.fresh,
    work,
    copied: new Map(),
    served,
  });
  return { loaded, edited, site, work, state };
}

const pageOf = (n: number) => `xuexi/2022/03/a${n}/index.html`;

describe('the memory of the dev server, as the engine reads a previous build', () => {
  it('gives back what a whole rebuild made: files, results, surroundings, signatures, output', async () => {
    const memo = newMemo(KEYS.contentKey);
    const files = [file(1), file(2), file(3)];
    const { loaded, site, work, state } = await rebuild(files, 'all', undefined, { memo });
    const previous = previousOf(state, publishAt(MARCH_10));
    expect(previous.files).toEqual(['content/a1.md', 'content/a2.md', 'content/a3.md']);
    for (const r of loaded.fresh) expect(previous.resultOf(r.path)).toBe(r);
    expect(previous.surroundingsOf('content/a2.md')).toEqual(site.around?.get('content/a2.md'));
    expect(previous.surroundingsOf('content/a2.md')?.previous).toBe('content/a1.md');
    expect(previous.pages).toEqual(work.signatures);
    expect([...previous.outputFiles].sort()).toEqual(Object.keys(work.signatures).sort());
    expect(previous.outputFiles).toContain(pageOf(2));
    expect(publishedEntries(state).map((e) => e.file)).toEqual(previous.files);
  });

  it('after a text edit: only that file is loaded, only its page planned, and the state before stays as it was', async () => {
    const memo = newMemo(KEYS.contentKey);
    const files = [file(1), file(2), file(3)];
    const first = await rebuild(files, 'all', undefined, { memo });
    files[1] = file(2, {}, '改过的正文。');
    const second = await rebuild(files, new Set(['content/a2.md']), first.state, { memo });
    expect(second.loaded.fresh.map((r) => r.path)).toEqual(['content/a2.md']);
    expect(second.loaded.unchanged).toEqual(['content/a1.md', 'content/a3.md']);
    expect(second.edited).toEqual(new Set(['content/a2.md']));
    expect(second.site.partial).toBe(true);
    expect(second.work.render.map((p) => outputPathOf(p.url))).toEqual([pageOf(2)]);

    const after = previousOf(second.state, publishAt(MARCH_10));
    const before = previousOf(first.state, publishAt(MARCH_10));
    expect(after.resultOf('content/a2.md')).toBe(second.loaded.fresh[0]);
    expect(after.resultOf('content/a1.md')).toBe(before.resultOf('content/a1.md'));
    expect(before.resultOf('content/a2.md')?.digest).not.toBe(after.resultOf('content/a2.md')?.digest);
    expect(after.pages[pageOf(2)]).not.toBe(before.pages[pageOf(2)]);
    expect(after.pages[pageOf(1)]).toBe(before.pages[pageOf(1)]);
    expect(before.pages[pageOf(2)]).toBe(first.work.signatures[pageOf(2)]);
    expect(after.surroundingsOf('content/a2.md')).toBe(before.surroundingsOf('content/a2.md'));
    expect(publishedEntries(second.state).find((e) => e.file === 'content/a2.md')?.version).toBe(
      second.loaded.fresh[0]?.entry?.version,
    );

    // A second edit, of another file: both edits show, over the whole record of the first rebuild.
    files[2] = file(3, {}, '第三篇也改了。');
    const third = await rebuild(files, new Set(['content/a3.md']), second.state, { memo });
    expect(third.edited).toEqual(new Set(['content/a3.md']));
    const latest = previousOf(third.state, publishAt(MARCH_10));
    expect(latest.resultOf('content/a2.md')).toBe(second.loaded.fresh[0]);
    expect(latest.resultOf('content/a3.md')).toBe(third.loaded.fresh[0]);
    expect(Object.getPrototypeOf(third.state.pages)).toBe(first.state.pages);
  });

  it('plans the whole site again after a title edit, and the state is made anew', async () => {
    const memo = newMemo(KEYS.contentKey);
    const files = [file(1), file(2)];
    const first = await rebuild(files, 'all', undefined, { memo });
    files[0] = file(1, { title: '新的标题' });
    const second = await rebuild(files, new Set(['content/a1.md']), first.state, { memo });
    expect(second.edited).toBeUndefined();
    expect(second.site.partial).toBe(false);
    expect(Object.getPrototypeOf(second.state.pages)).toBe(Object.prototype);
    expect(publishedEntries(second.state).map((e) => e.title)).toEqual(['新的标题', '第2篇']);
  });

  it('loads an article whose date has come, though not saved, and plans the whole site for it', async () => {
    const memo = newMemo(KEYS.contentKey);
    const files = [file(1), file(2, { date: '2022-03-20 10:00' })];
    const first = await rebuild(files, 'all', undefined, { memo });
    expect(first.loaded.waiting.map((f) => f.path)).toEqual(['content/a2.md']);
    expect(first.state.nextDue).toBe(Date.parse('2022-03-20T10:00:00+08:00'));
    expect(publishedEntries(first.state).map((e) => e.file)).toEqual(['content/a1.md']);
    // Not yet due: the state's result of it holds, and nothing is loaded.
    const early = await rebuild(files, new Set(), first.state, { now: MARCH_10 + 86_400_000, memo });
    expect(early.loaded.fresh).toEqual([]);
    expect(early.edited).toEqual(new Set());
    const due = await rebuild(files, new Set(), first.state, {
      now: Date.parse('2022-03-21T00:00:00+08:00'),
      memo,
    });
    expect(due.loaded.fresh.map((r) => r.path)).toEqual(['content/a2.md']);
    expect(due.edited).toBeUndefined();
    expect(publishedEntries(due.state).map((e) => e.file)).toEqual(['content/a1.md', 'content/a2.md']);
  });

  it('loads the files a rebuild was made without (check leaves out files with errors) once they are back', async () => {
    const memo = newMemo(KEYS.contentKey);
    const files = [file(1), file(2), file(3)];
    const without = await rebuild([files[0], files[2]] as SourceFile[], 'all', undefined, { memo });
    // After a rebuild without some files, every file is looked at (the memory site's commit says so).
    const back = await rebuild(files, 'all', without.state, { memo });
    expect(back.loaded.fresh.map((r) => r.path)).toEqual(['content/a2.md']);
    expect(back.edited).toBeUndefined();
    expect(back.state.files).toEqual(['content/a1.md', 'content/a2.md', 'content/a3.md']);
  });
});

describe('withChanges', () => {
  it('shows every key to a lookup, but its own keys are only those changed since the whole record', () => {
    const whole = { a: '1', b: '2', c: '3' };
    const once = withChanges(whole, { b: '20' });
    const twice = withChanges(once, { c: '30' });
    expect([twice.a, twice.b, twice.c, 'a' in twice]).toEqual(['1', '20', '30', true]);
    expect(Object.keys(twice).sort()).toEqual(['b', 'c']);
    expect(Object.getPrototypeOf(twice)).toBe(whole);
    expect([whole.b, once.c]).toEqual(['2', '3']);
  });
});

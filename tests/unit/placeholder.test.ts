import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { NO_IMAGES } from '../../src/assets/image-catalog.js';
import type { SourceFile } from '../../src/content/article.js';
import { loadArticle } from '../../src/content/load-article.js';
import { PLACEHOLDER_BODY, placeholderProblem } from '../../src/content/placeholder.js';
import { formatDiagnostic } from '../../src/errors/diagnostic.js';
import { fileLoader, loadChanged, newMemo, type ResultMemo } from '../../src/memory/load-changed.js';
import { newArticle } from '../../src/scaffold/new-article.js';
import { collectEntries } from '../../src/site/load-files.js';
import { article, withoutCodes } from '../helpers/site.js';
import { siteConfig, utf8 } from './fixtures.js';

const config = siteConfig({ defaultSource: '金华市人民政府' });
const MARCH_2 = Date.parse('2022-03-02T12:00:00+08:00');
const MESSAGE = `the text still holds the placeholder "${PLACEHOLDER_BODY}" that gazette new wrote; write the article's text in its place`;

/** What gazette new writes, as a source file: a draft, its body the placeholder. */
function fromNew(): SourceFile {
  const made = newArticle(config, {
    title: '我市召开安全生产工作会议',
    category: '学习',
    slug: 'anquan',
    now: DateTime.fromISO('2022-03-01T08:00:00Z'),
  });
  if (!made.ok) throw new Error(made.code);
  return { path: made.relativePath, bytes: utf8(made.text) };
}

/** The same file after an editor's edit of its text. */
const edited = (file: SourceFile, edit: (text: string) => string): SourceFile => ({
  path: file.path,
  bytes: utf8(edit(new TextDecoder().decode(file.bytes))),
});
const undrafted = (file: SourceFile) => edited(file, (t) => t.replace('draft: true\n', ''));

const loaded = (file: SourceFile) => {
  const { article: a } = loadArticle(file, config);
  if (!a) throw new Error('not an article');
  return a;
};

/** The files loaded as the dev server loads them (loadChanged), from `memo` where it can. */
function load(files: SourceFile[], options: { drafts?: boolean; now?: number } = {}, memo = newMemo('')) {
  const publish = { drafts: options.drafts ?? false, future: false, now: options.now ?? MARCH_2 };
  const loaded = loadChanged(
    { files, index: new Map(), since: 'all' },
    undefined,
    memo,
    fileLoader(config, NO_IMAGES, publish, memo),
    publish,
  );
  return collectEntries(loaded.fresh, publish);
}
const shown = (l: ReturnType<typeof load>) => ({
  published: l.published.map((e) => e.file),
  drafts: l.skipped.drafts,
  diagnostics: l.diagnostics.map(formatDiagnostic).map(withoutCodes),
});

describe('the placeholder gazette new writes', () => {
  it('is found at its line and column in the file, as VS Code counts them', () => {
    const file = undrafted(fromNew());
    expect(withoutCodes(formatDiagnostic(placeholderProblem(loaded(file)) as never))).toBe(
      `content/xuexi/2022-03-01-anquan.md:11:1: error: ${MESSAGE}`,
    );
    // Left after the editor's first sentence, in a file saved with CRLF line ends.
    const kept = edited(file, (t) =>
      t.replace(PLACEHOLDER_BODY, `第一段。\n\n第二段${PLACEHOLDER_BODY}`).replace(/\n/g, '\r\n'),
    );
    expect(placeholderProblem(loaded(kept))?.position).toEqual({ line: 13, column: 4 });
    expect(placeholderProblem(loaded(edited(file, (t) => t.replace(PLACEHOLDER_BODY, '正文。'))))).toBe(
      undefined,
    );
  });

  it('in an article to publish is an error, so that no build publishes it', () => {
    const result = shown(load([undrafted(fromNew())]));
    expect(result.diagnostics).toEqual([`content/xuexi/2022-03-01-anquan.md:11:1: error: ${MESSAGE}`]);
  });

  it('in an article scheduled for later is an error now, not when its date comes', () => {
    const file = undrafted(fromNew());
    const result = shown(load([file], { now: Date.parse('2022-02-01T00:00:00+08:00') }));
    expect(result.published).toEqual([]);
    expect(result.diagnostics).toEqual([`content/xuexi/2022-03-01-anquan.md:11:1: error: ${MESSAGE}`]);
  });

  it('in a draft the build skips is nothing to report: the draft is named as skipped', () => {
    expect(shown(load([fromNew()]))).toEqual({
      published: [],
      drafts: ['content/xuexi/2022-03-01-anquan.md'],
      diagnostics: [],
    });
  });

  it('in a draft a build shows (--drafts, the dev server with --drafts) is a warning', () => {
    expect(shown(load([fromNew()], { drafts: true }))).toEqual({
      published: ['content/xuexi/2022-03-01-anquan.md'],
      drafts: [],
      diagnostics: [`content/xuexi/2022-03-01-anquan.md:12:1: warning: ${MESSAGE}`],
    });
  });

  it('leaves no warning behind in a build without drafts that reuses the result of one with them', () => {
    const memo: ResultMemo = newMemo('');
    const files = [
      fromNew(),
      {
        path: 'content/a.md',
        bytes: utf8(article({ title: '文章', date: '2022-03-01 10:00', category: '学习' })),
      },
    ];
    load(files, { drafts: true }, memo);
    const again = shown(load(files, {}, memo));
    expect(again).toEqual(shown(load(files)));
    expect(again.diagnostics).toEqual([]);
  });
});

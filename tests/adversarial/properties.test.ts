import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { loadArticle } from '../../src/content/load-article.js';
import type { Diagnostic } from '../../src/errors/diagnostic.js';
import { buildGraph } from '../../src/graph/build-graph.js';
import { makeEntry } from '../../src/graph/entries.js';
import { createMarkdown } from '../../src/markdown/markdown-it.js';
import { planPages } from '../../src/pages/plan-pages.js';
import { createEnvironment } from '../../src/templates/environment.js';
import { renderPage } from '../../src/templates/render-page.js';
import { dangerIn } from '../helpers/html-safety.js';
import { siteYaml } from '../helpers/site.js';

// The pure stages, as a build runs them for one article: bytes → Article → Entry → article page.
const root = mkdtempSync(path.join(os.tmpdir(), 'gazette-props-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const { config } = parseConfig(Buffer.from(siteYaml()), 'site.yaml');
const FILE = 'content/xuexi/a.md';
const RUNS = { numRuns: Number(process.env.PROPERTY_RUNS ?? 200) };

function pipeline(bytes: Uint8Array): { diagnostics: readonly Diagnostic[]; html?: string } {
  const { article, diagnostics } = loadArticle({ path: FILE, bytes }, config);
  if (!article) return { diagnostics };
  const entry = makeEntry(createMarkdown(config.basePath), article, config, 'v1');
  const page = planPages(buildGraph([entry], config), config).find((p) => p.template === 'article.njk');
  if (!page) throw new Error('no article page');
  const html = renderPage(createEnvironment(root, config), page, root);
  return { diagnostics: [...diagnostics, ...(entry.warnings ?? [])], html };
}

const utf8 = (s: string) => Buffer.from(s, 'utf8');
const anyText = fc.string({ unit: 'binary', maxLength: 200 });

/** Pieces that trip parsers and escapers, mixed with arbitrary text. */
const nasty = fc.constantFrom(
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '[a](javascript:alert(1))',
  '[b](JAVASCRIPT:alert(1))',
  '[c](&#106;avascript:alert(1))',
  '[d](vbscript:x)',
  '![e](data:text/html,<script>alert(1)</script>)',
  '<javascript:alert(1)>',
  '[f]: javascript:alert(1)\n\n[f]',
  '{{ 7*7 }}',
  '{% raw %}',
  '"',
  "'",
  '\\',
  '`',
  '[',
  ']',
  '(',
  ')',
  '<',
  '>',
  '&',
  '&#x3C;',
  '*',
  '_',
  '#',
  '- ',
  '> ',
  '|',
  '\n',
  '\n\n',
  '---',
  ': ',
  '：',
  '\u3000',
  '\u200B',
  '\uFEFF',
  '\u2028',
  '\r',
  '\t',
  '\u0000',
  '\uD800',
  '金华',
);
const nastyText = fc.array(fc.oneof(nasty, anyText), { maxLength: 12 }).map((parts) => parts.join(''));

/** Front matter lines as an editor might type them, values unquoted and arbitrary. */
const frontMatterText = fc
  .record({
    title: nastyText,
    date: fc.oneof(fc.constant('2022-03-01 10:00'), anyText),
    category: fc.oneof(fc.constant('学习'), anyText),
    extra: fc.array(fc.tuple(anyText, nastyText), { maxLength: 4 }),
    body: nastyText,
  })
  .map(
    ({ title, date, category, extra, body }) =>
      `---\ntitle: ${title}\ndate: ${date}\ncategory: ${category}\n${extra.map(([k, v]) => `${k}: ${v}`).join('\n')}\n---\n${body}`,
  );

/** An article that loads: safe keys, values JSON-quoted (a JSON string is a YAML string). */
const validArticle = fc
  .record({
    title: nastyText.filter((t) => t.trim() !== ''),
    tags: fc.array(nastyText, { maxLength: 3 }),
    source: nastyText.filter((t) => t.trim() !== ''),
    body: nastyText,
  })
  .map(
    ({ title, tags, source, body }) =>
      `---\ntitle: ${JSON.stringify(title)}\ndate: 2022-03-01 10:00\ncategory: 学习\ntags: ${JSON.stringify(tags)}\nsource: ${JSON.stringify(source)}\n---\n${body}`,
  );

const isPositioned = (d: Diagnostic) =>
  d.file === FILE &&
  (d.severity === 'error' || d.severity === 'warning') &&
  typeof d.message === 'string' &&
  d.message !== '' &&
  Number.isInteger(d.position?.line) &&
  (d.position?.line ?? 0) >= 1 &&
  Number.isInteger(d.position?.column) &&
  (d.position?.column ?? 0) >= 1;

describe('whatever an article contains', () => {
  it('the build never fails with an unexpected exception: every problem is a positioned diagnostic', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          anyText.map(utf8),
          nastyText.map(utf8),
          frontMatterText.map(utf8),
          validArticle.map(utf8),
          fc.uint8Array({ maxLength: 300 }),
          fc
            .uint8Array({ maxLength: 300 })
            .map((b) => Buffer.concat([utf8(`---\ntitle: `), b, utf8('\n---\n')])),
        ),
        (bytes) => {
          const { diagnostics, html } = pipeline(bytes);
          expect(diagnostics.filter((d) => !isPositioned(d))).toEqual([]);
          // An article either renders or says why not.
          expect(html !== undefined || diagnostics.some((d) => d.severity === 'error')).toBe(true);
        },
      ),
      RUNS,
    );
  });

  it('the page never gets a <script>, an event handler or a javascript:/vbscript:/data: link from it', () => {
    let rendered = 0;
    fc.assert(
      fc.property(fc.oneof(validArticle, frontMatterText), (text) => {
        const { html } = pipeline(utf8(text));
        if (html === undefined) return;
        rendered++;
        expect(dangerIn(html)).toEqual([]);
      }),
      RUNS,
    );
    // Most runs must have rendered a page for this to say anything.
    expect(rendered).toBeGreaterThan(RUNS.numRuns / 3);
  });

  it('renders deterministically: the same bytes twice give the same page and the same messages', () => {
    fc.assert(
      fc.property(fc.oneof(validArticle, frontMatterText, nastyText), (text) => {
        const first = pipeline(utf8(text));
        const second = pipeline(utf8(text));
        expect(second).toEqual(first);
      }),
      RUNS,
    );
  });
});

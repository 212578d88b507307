import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIn, problem } from '../../src/errors/diagnostic.js';
import { CATALOG } from '../../src/messages/catalog.js';
import { REPO } from '../helpers/site.js';

const guideCodes = (rel: string) =>
  [...readFileSync(path.join(REPO, rel), 'utf8').matchAll(/^#### (GZ\d{4}) /gm)].map((m) => m[1]);

/** Every `'GZ0000'` written in src/: the codes the source can emit. */
function sourceCodes(): string[] {
  const codes = new Set<string>();
  const src = path.join(REPO, 'src');
  for (const rel of readdirSync(src, { recursive: true }) as string[]) {
    if (!rel.endsWith('.ts') || rel.startsWith('messages')) continue;
    for (const m of readFileSync(path.join(src, rel), 'utf8').matchAll(/'(GZ\d{4})'/g))
      codes.add(m[1] as string);
  }
  return [...codes].sort();
}

describe('the catalog of messages and the editors’ guide', () => {
  const codes = Object.keys(CATALOG).sort();

  // The sample's docs/编辑指南.md is made from this one (tests/unit/guide.test.ts), so it has the same entries.
  it('has an entry in starter/docs/编辑指南.md for every code, and no entry for a code that does not exist', () => {
    expect(guideCodes('starter/docs/编辑指南.md').sort()).toEqual(codes);
  });

  it('knows every code the source emits, and the source emits every code of the catalog', () => {
    expect(sourceCodes()).toEqual(codes);
  });

  it('codes are GZ and four digits, grouped by stage', () => {
    for (const code of codes) expect(code).toMatch(/^GZ0[1-9]\d{2}$/);
  });
});

describe('a diagnostic in each language', () => {
  const date = problem(
    'GZ0201',
    'content/a.md',
    { line: 3, column: 7 },
    { text: '2022-02-30 10:00:00', why: 'day' },
  );

  it('keeps the file:line:col: error: head, and the code last', () => {
    expect(formatIn('zh')(date)).toBe(
      'content/a.md:3:7: error: “2022-02-30 10:00:00”不是真实存在的日期时间：这个月没有这一天；请改成这个月里存在的日期。 [GZ0201]',
    );
    expect(formatIn('en')(date)).toBe(
      'content/a.md:3:7: error: "2022-02-30 10:00:00" is not a real date and time; that day does not exist in that month [GZ0201]',
    );
  });

  it('words in Chinese with full-width punctuation and no English sentence left', () => {
    const samples = {
      GZ0108: { category: '新闻', known: '学习, 要闻' },
      GZ0713: { what: 'front matter', key: 'tittle', invisible: '', guess: 'title', known: '' },
      GZ0101: {},
    };
    for (const [code, values] of Object.entries(samples)) {
      const line = formatIn('zh')(
        problem(code as keyof typeof CATALOG, 'content/a.md', { line: 1, column: 1 }, values),
      );
      expect(line).toMatch(/[。？] \[GZ\d{4}\]$/);
      expect(line).not.toMatch(/[a-z]{3,} [a-z]{3,} [a-z]{3,}/);
    }
  });
});

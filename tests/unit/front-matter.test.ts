import { afterEach, describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../src/content/front-matter.js';

const split = (text: string) => splitFrontMatter(text, 'content/xuexi/a.md');

describe('splitFrontMatter', () => {
  afterEach(() => {
    delete (globalThis as { pwned?: unknown }).pwned;
  });

  it('splits the YAML from the body, keeping the file line numbers', () => {
    const result = split('---\ntitle: 金华\ndate: 2022-03-01\n---\n\n正文第一段。\n');
    expect(result).toMatchObject({
      ok: true,
      value: { yaml: '\ntitle: 金华\ndate: 2022-03-01', body: '\n正文第一段。\n', bodyLine: 5 },
    });
  });

  it('gives the body line when the body follows the closing line directly', () => {
    const result = split('---\ntitle: a\n---\n正文');
    expect(result.ok && result.value.body).toBe('正文');
    expect(result.ok && result.value.bodyLine).toBe(4);
  });

  it('accepts an empty front matter and an empty body', () => {
    expect(split('---\n---\n')).toMatchObject({ ok: true, value: { yaml: '', body: '', bodyLine: 3 } });
  });

  it('accepts "---yaml" as the opening line', () => {
    const result = split('---yaml\ntitle: a\n---\nx');
    expect(result).toMatchObject({ ok: true, value: { yaml: '\ntitle: a', body: 'x', bodyLine: 4 } });
  });

  it('keeps a "---" thematic break in the body', () => {
    const result = split('---\ntitle: a\n---\n第一段\n\n---\n\n第二段\n');
    expect(result.ok && result.value.body).toBe('第一段\n\n---\n\n第二段\n');
  });

  it('refuses front matter that is never closed', () => {
    expect(split('---\ntitle: 金华\ndate: 2022-03-01\n\n正文\n')).toMatchObject({
      ok: false,
      diagnostic: {
        severity: 'error',
        file: 'content/xuexi/a.md',
        message: 'the front matter is never closed',
        position: { line: 1, column: 1 },
        hint: 'add a line "---" after the last field, before the article text',
      },
    });
  });

  it('refuses a file without front matter', () => {
    expect(split('# 标题\n\n正文\n')).toMatchObject({
      ok: false,
      diagnostic: {
        severity: 'error',
        file: 'content/xuexi/a.md',
        message: 'the file does not start with front matter',
        position: { line: 1, column: 1 },
        hint: 'begin it with a line "---", then title:, date: and category:, then another "---"',
      },
    });
  });

  it('refuses ---js front matter without running it', () => {
    const result = split("---js\n{ title: (globalThis.pwned = 1, 'x') }\n---\n正文\n");
    expect((globalThis as { pwned?: unknown }).pwned).toBeUndefined();
    expect(result).toMatchObject({
      ok: false,
      diagnostic: {
        severity: 'error',
        file: 'content/xuexi/a.md',
        message: 'front matter in "js" is not supported; it is never run',
        position: { line: 1, column: 4 },
        hint: 'write "---" alone on the first line and the fields in YAML',
      },
    });
  });

  it.each([
    ['---javascript', 'javascript'],
    ['--- js', 'js'],
    ['---coffee', 'coffee'],
    ['---json', 'json'],
  ])('refuses %j without running it', (opening, language) => {
    const result = split(`${opening}\n{ "title": (globalThis.pwned = 1, 'x') }\n---\n正文\n`);
    expect((globalThis as { pwned?: unknown }).pwned).toBeUndefined();
    expect(result.ok).toBe(false);
    expect(!result.ok && result.diagnostic.message).toBe(
      `front matter in "${language}" is not supported; it is never run`,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { parseYamlMapping, type YamlResult } from '../../src/yaml/parse-yaml.js';

const parse = (text: string): YamlResult => parseYamlMapping(text, 'content/a.md', 'front matter');

function failure(text: string) {
  const result = parse(text);
  if (result.ok) throw new Error('expected the YAML to be refused');
  return result.diagnostics;
}

describe('parseYamlMapping', () => {
  it('parses a mapping, keeps dates as strings and locates values and keys', () => {
    const result = parse('\ntitle: 金华\ndate: 2022-03-01 16:59:26\ntags:\n  - 就业\n  - 人才\n');
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    const yaml = result.value;
    expect(yaml.data).toMatchObject({ title: '金华', date: '2022-03-01 16:59:26', tags: ['就业', '人才'] });
    expect(yaml.keys).toMatchObject(['title', 'date', 'tags']);
    expect(yaml.locate(['title'])).toMatchObject({ line: 2, column: 8 });
    expect(yaml.locate(['date'])).toMatchObject({ line: 3, column: 7 });
    expect(yaml.locate(['tags', 1])).toMatchObject({ line: 6, column: 5 });
    // A path that does not exist falls back to its nearest ancestor.
    expect(yaml.locate(['tags', 7])).toMatchObject({ line: 5, column: 3 });
    expect(yaml.locateKey(['date'])).toMatchObject({ line: 3, column: 1 });
    expect(yaml.locate([])).toMatchObject({ line: 2, column: 1 });
  });

  it('treats empty text as an empty mapping', () => {
    const result = parse('\n\n');
    expect(result.ok && result.value.data).toMatchObject({});
    expect(result.ok && result.value.keys).toMatchObject([]);
  });

  it('refuses a duplicate key at the second occurrence', () => {
    expect(failure('title: a\ndate: 2022-03-01\ntitle: b\n')).toMatchObject([
      {
        severity: 'error',
        file: 'content/a.md',
        message: 'invalid YAML: Map keys must be unique',
        position: { line: 3, column: 1 },
        hint: 'each field may appear once; delete one of them',
      },
    ]);
  });

  it('refuses tab indentation', () => {
    expect(failure('title: a\nmeta:\n\tx: 1\n')).toMatchObject([
      {
        severity: 'error',
        file: 'content/a.md',
        message: 'invalid YAML: Tabs are not allowed as indentation',
        position: { line: 3, column: 1 },
        hint: 'indent with spaces, not tabs',
      },
    ]);
  });

  it('explains a full-width colon written alone, at the colon', () => {
    expect(failure('标题：金华\n')).toMatchObject([
      {
        severity: 'error',
        file: 'content/a.md',
        message: 'invalid YAML: "标题" is followed by a full-width colon "："',
        position: { line: 1, column: 3 },
        hint: 'use the ASCII colon followed by a space: "标题: 金华"',
      },
    ]);
  });

  it('explains a full-width colon among valid lines, at its colon', () => {
    const ds = failure('title: a\n标题：金华\n');
    expect(ds).toHaveLength(1);
    expect(ds[0]?.position).toMatchObject({ line: 2, column: 3 });
    expect(ds[0]?.hint).toBe('use the ASCII colon followed by a space: "标题: 金华"');
  });

  it('refuses a list where a mapping is needed', () => {
    expect(failure('\n- title\n- date\n')).toMatchObject([
      {
        severity: 'error',
        file: 'content/a.md',
        message: 'front matter must be a list of "key: value" lines, but this is a list',
        position: { line: 2, column: 1 },
        hint: 'write one field per line, like "title: 标题"',
      },
    ]);
  });

  it('names the thing being parsed in its messages', () => {
    const result = parseYamlMapping('just text\n', 'site.yaml', 'site.yaml');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.diagnostics[0]?.message).toBe(
      'site.yaml must be a list of "key: value" lines, but this is a single value',
    );
  });

  it('refuses a billion-laughs alias bomb quickly, with a diagnostic', () => {
    const lines = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let level = 1; level < 9; level++) {
      const prev = String.fromCharCode(96 + level);
      const name = String.fromCharCode(97 + level);
      lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`);
    }
    expect(lines).toHaveLength(9);
    const start = performance.now();
    const ds = failure(`${lines.join('\n')}\n`);
    expect(performance.now() - start).toBeLessThan(1000);
    expect(ds).toMatchObject([
      {
        severity: 'error',
        file: 'content/a.md',
        message: 'front matter uses too many YAML aliases (*name)',
        // The first alias, where the repetition starts.
        position: { line: 2, column: 8 },
        hint: 'write the values out instead of repeating aliases',
      },
    ]);
  });

  it('allows a few aliases', () => {
    const result = parse('a: &x 金华\nb: *x\n');
    expect(result.ok && result.value.data).toMatchObject({ a: '金华', b: '金华' });
  });

  it('keeps a __proto__ key as plain data without polluting Object.prototype', () => {
    const result = parse('__proto__: x\npolluted: no\nnested:\n  __proto__:\n    polluted: yes\n');
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    const data = result.value.data;
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(Object.hasOwn(data, '__proto__')).toBe(true);
    expect(Object.getOwnPropertyDescriptor(data, '__proto__')?.value).toBe('x');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
    const nested = data.nested as Record<string, unknown>;
    expect(Object.getPrototypeOf(nested)).toBe(Object.prototype);
    expect(nested.polluted).toBeUndefined();
  });

  it('reports an unclosed quote with its hint', () => {
    const ds = failure('title: "金华\n');
    expect(ds).toMatchObject([
      {
        severity: 'error',
        file: 'content/a.md',
        message: 'invalid YAML: Missing closing "quote',
        position: { line: 1, column: 8 },
        hint: 'a quoted value needs its closing quote',
      },
    ]);
  });

  // Regression (was a bug): an unclosed quote is reported where the YAML text ends (line 3 here, which in an article is
  // the closing "---"), not on the line of the opening quote that the hint talks about.
  it('reports an unclosed quote on the line that opens it', () => {
    const ds = failure('title: "金华\ndate: 2022-03-01\n');
    expect(ds[0]?.hint).toBe('a quoted value needs its closing quote');
    expect(ds[0]?.position?.line).toBe(1);
  });

  it('asks to quote a value that contains ": "', () => {
    expect(failure('title: 金华: 新闻\n')).toMatchObject([
      {
        severity: 'error',
        file: 'content/a.md',
        message: 'invalid YAML: Nested mappings are not allowed in compact mappings',
        position: { line: 1, column: 8 },
        hint: 'a value that contains ": " must be quoted',
      },
    ]);
  });

  it('strips the library position text from messages', () => {
    for (const d of failure('title: a\ntitle: b\n')) expect(d.message).not.toMatch(/at line \d/);
  });
});

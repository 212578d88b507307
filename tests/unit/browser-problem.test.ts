import { describe, expect, it } from 'vitest';
import { toBrowserProblems } from '../../src/dev/browser-problem.js';
import { editorUrl } from '../../src/dev/editor-link.js';
import { error, warning } from '../../src/errors/diagnostic.js';

describe('editorUrl: a vscode://file link to a place in a file', () => {
  it('is the absolute path with line and column', () => {
    expect(editorUrl('/home/bianji/site/content/a.md', { line: 3, column: 7 })).toBe(
      'vscode://file/home/bianji/site/content/a.md:3:7',
    );
    expect(editorUrl('/home/bianji/site/site.yaml')).toBe('vscode://file/home/bianji/site/site.yaml');
  });

  it('percent-encodes what would end or change the link, and keeps the slashes', () => {
    expect(editorUrl('/home/编辑部/新闻 网#1/a?.md', { line: 1, column: 2 })).toBe(
      'vscode://file/home/%E7%BC%96%E8%BE%91%E9%83%A8/%E6%96%B0%E9%97%BB%20%E7%BD%91%231/a%3F.md:1:2',
    );
  });

  it('writes a Windows path with forward slashes and its drive letter as is', () => {
    expect(editorUrl('C:\\Users\\bianji\\site\\content\\a.md', { line: 4, column: 11 }, '\\')).toBe(
      'vscode://file/C:/Users/bianji/site/content/a.md:4:11',
    );
  });
});

describe('toBrowserProblems: a failed build for the error screen', () => {
  const files = new Set(['/site/content/a.md', '/site/content/b.md', '/site/site.yaml']);
  const exists = (p: string) => files.has(p);

  it('gives each part apart, errors before warnings, and links only to files', () => {
    const problems = toBrowserProblems(
      [
        warning(
          'content/b.md',
          'unknown front matter key "sumary"',
          { line: 5, column: 1 },
          'did you mean "summary"?',
        ),
        error(
          'content/a.md',
          '"2022-02-30" is not a real date and time',
          { line: 3, column: 7 },
          'that day does not exist',
        ),
        { ...error('site.yaml', 'unknown key'), code: 'GZ0107' },
        error('--base-url', 'invalid URL'),
      ],
      '/site',
      exists,
    );
    expect(problems).toEqual([
      {
        severity: 'error',
        file: 'content/a.md',
        line: 3,
        column: 7,
        message: '"2022-02-30" is not a real date and time',
        hint: 'that day does not exist',
        editorUrl: 'vscode://file/site/content/a.md:3:7',
      },
      {
        severity: 'error',
        file: 'site.yaml',
        message: 'unknown key',
        code: 'GZ0107',
        editorUrl: 'vscode://file/site/site.yaml',
      },
      { severity: 'error', file: '--base-url', message: 'invalid URL' },
      {
        severity: 'warning',
        file: 'content/b.md',
        line: 5,
        column: 1,
        message: 'unknown front matter key "sumary"',
        hint: 'did you mean "summary"?',
        editorUrl: 'vscode://file/site/content/b.md:5:1',
      },
    ]);
  });
});

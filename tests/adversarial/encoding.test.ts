import { afterEach, describe, expect, it } from 'vitest';
import { buildsOk, failsCleanly, siteFactory } from '../helpers/adversarial.js';
import { readPage } from '../helpers/site.js';

const sites = siteFactory();
afterEach(() => sites.cleanup());

const FILE = 'content/xuexi/a.md';
const OK = 'title: 标题\ndate: 2022-03-01 10:00\ncategory: 学习';
const TEXT = `---\n${OK}\n---\n\n正文第一段。\n`;
const bytes = (...parts: Array<string | number[] | Buffer>) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));
const SAVE_AS_UTF8 = 'save the file as UTF-8 (in VS Code: "Save with Encoding" → UTF-8)';
const NOT_UTF8 = 'the file is not valid UTF-8 (perhaps saved as GBK or GB18030)';

/** Decisions, stated: every encoding but UTF-8 is refused at the first byte that shows it. */
const errors: Array<[name: string, data: string | Buffer, expected: string]> = [
  [
    'GBK',
    bytes('---\ntitle: ', [0xbd, 0xf0, 0xbb, 0xaa], '\ndate: 2022-03-01 10:00\ncategory: 学习\n---\n'),
    `${FILE}:2:8: error: ${NOT_UTF8}; ${SAVE_AS_UTF8}`,
  ],
  [
    'GB18030 (a four-byte character)',
    bytes('---\ntitle: 标题', [0x81, 0x30, 0x81, 0x30], '\ndate: 2022-03-01 10:00\ncategory: 学习\n---\n'),
    `${FILE}:2:10: error: ${NOT_UTF8}; ${SAVE_AS_UTF8}`,
  ],
  [
    'UTF-16 LE with a BOM',
    bytes([0xff, 0xfe], Buffer.from(TEXT, 'utf16le')),
    `${FILE}:1:1: error: the file is saved as UTF-16; ${SAVE_AS_UTF8}`,
  ],
  [
    'UTF-16 BE with a BOM',
    bytes([0xfe, 0xff], Buffer.from(TEXT, 'utf16le').swap16()),
    `${FILE}:1:1: error: the file is saved as UTF-16; ${SAVE_AS_UTF8}`,
  ],
  [
    'UTF-16 LE without a BOM',
    Buffer.from(TEXT, 'utf16le'),
    `${FILE}:1:1: error: the file is saved as UTF-16 (without a byte order mark); ${SAVE_AS_UTF8}`,
  ],
  [
    'a NUL byte in the body',
    bytes(`---\n${OK}\n---\n\n正文`, [0], '第一段。\n'),
    `${FILE}:7:3: error: the file contains a NUL byte (it may be a binary file); delete the invisible NUL character here, or replace the file with a text copy of the article`,
  ],
  [
    'an encoded surrogate (bytes ED A0 80)',
    bytes(`---\n${OK}\n---\n\n正文`, [0xed, 0xa0, 0x80], '。\n'),
    `${FILE}:7:3: error: ${NOT_UTF8}; ${SAVE_AS_UTF8}`,
  ],
  [
    'a lone CR before an error: positions still count lines',
    '---\rtitle: 标题\rdate: 2022-02-30 10:00\rcategory: 学习\r---\r正文\r',
    `${FILE}:3:7: error: "2022-02-30 10:00" is not a real date and time; that day does not exist in that month`,
  ],
  [
    'a full-width space (U+3000) as indent: an error',
    `---\ntitle: 标题\n\u3000date: 2022-03-01 10:00\ncategory: 学习\n---\n正文\n`,
    `${FILE}:3:1: error: invalid YAML: the line is indented with a full-width space "　" (U+3000); indent with ordinary spaces, or not at all for a top-level field`,
  ],
  [
    'full-width spaces as indent in a list: an error',
    `---\n${OK}\ntags:\n\u3000\u3000- 就业\n---\n正文\n`,
    `${FILE}:6:1: error: invalid YAML: Implicit map keys need to be followed by map values; the line is indented with a full-width space "　" (U+3000): indent with ordinary spaces`,
  ],
  [
    'a full-width space after the colon: an error',
    `---\ntitle:\u3000标题\ndate: 2022-03-01 10:00\ncategory: 学习\n---\n正文\n`,
    `${FILE}:2:1: error: invalid YAML: Implicit keys need to be on a single line; put an ordinary space after the colon, not a full-width space "　" (U+3000)`,
  ],
  [
    'a required key with a zero-width space in it: an error naming the invisible character',
    `---\n\u200Btitle: 标题\ndate: 2022-03-01 10:00\ncategory: 学习\n---\n正文\n`,
    `${FILE}:2:1: error: the required field "title" is missing; the key "<U+200B>title" on this line contains an invisible U+200B ZERO WIDTH SPACE: delete the key and type "title" again`,
  ],
];

describe('text that is not clean UTF-8 stops the build at the first bad byte', () => {
  it.each(errors)('%s', async (_name, data, expected) => {
    const run = await failsCleanly(sites.make(), { [FILE]: data }, [expected]);
    expect(run.stderr.split('\n')).toHaveLength(2);
  });
});

describe('what is accepted', () => {
  it.each([
    ['UTF-8 with a BOM', `\uFEFF${TEXT}`],
    ['CRLF line endings', TEXT.replaceAll('\n', '\r\n')],
    ['lone CR line endings (classic Mac)', TEXT.replaceAll('\n', '\r')],
    ['mixed line endings', `---\r\n${OK.replace('\n', '\r')}\n---\r\n\r正文第一段。\n`],
  ])('%s', async (_name, text) => {
    const root = sites.make({ [FILE]: text });
    expect((await buildsOk(root)).stderr).toBe('');
    const html = readPage(root, 'dist/xuexi/2022/03/a/index.html');
    expect(html).toContain('<h1 class="article-title">标题</h1>');
    expect(html).toContain('<p>正文第一段。</p>');
    expect(html).not.toContain('\r');
    expect(html).not.toContain('\uFEFF');
  });

  it('a key with a zero-width space (U+200B) or a BOM (U+FEFF) in it: a warning naming the character', async () => {
    const root = sites.make({
      [FILE]: `---\n${OK}\nsour\u200Bce: 新华社\n\uFEFFauthor: 记者\n---\n正文\n`,
    });
    const { stderr } = await buildsOk(root);
    expect(stderr.split('\n')).toEqual([
      `${FILE}:5:1: warning: unknown front matter key "sour<U+200B>ce"; it contains an invisible U+200B ZERO WIDTH SPACE: delete the key and type it again as "source"`,
      `${FILE}:6:1: warning: unknown front matter key "<U+FEFF>author"; it contains an invisible U+FEFF ZERO WIDTH NO-BREAK SPACE (BOM): delete the key and type it again as "author"`,
    ]);
  });

  it('full-width spaces and zero-width characters inside values and the body are kept as written', async () => {
    const root = sites.make({
      [FILE]: `---\ntitle: 金华\u3000新闻\u200B\ndate: 2022-03-01 10:00\ncategory: 学习\n---\n\n\u3000\u3000第一段，首行缩进。\n`,
    });
    expect((await buildsOk(root)).stderr).toBe('');
    const html = readPage(root, 'dist/xuexi/2022/03/a/index.html');
    expect(html).toContain('<h1 class="article-title">金华\u3000新闻\u200B</h1>');
    expect(html).toContain('<p>\u3000\u3000第一段，首行缩进。</p>');
  });
});

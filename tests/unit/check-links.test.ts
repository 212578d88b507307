import { describe, expect, it } from 'vitest';
import { checkArticleLinks } from '../../src/check/check-links.js';
import { checkPages } from '../../src/check/check-pages.js';
import { isInternal, resolveRef } from '../../src/check/resolve.js';
import { formatDiagnostic } from '../../src/errors/diagnostic.js';
import { makeEntry } from '../../src/graph/entries.js';
import { createMarkdown } from '../../src/markdown/markdown-it.js';
import { renderMarkdown } from '../../src/markdown/render-markdown.js';
import { withoutCodes } from '../helpers/site.js';
import { entry, siteConfig, utf8 } from './fixtures.js';

const site = (...paths: string[]) => new Map(paths.map((p) => [p, utf8('')]));
const files = site(
  'index.html',
  'xuexi/index.html',
  'xuexi/2022/03/a/index.html',
  'xuexi/2022/03/b/index.html',
  'assets/site.css',
  'img/金华.png',
);

describe('isInternal', () => {
  it.each([
    ['/xuexi/', true],
    ['../b/', true],
    ['b/', true],
    ['?page=2', true],
    ['', true],
    ['https://a.cn/', false],
    ['HTTP://a.cn/', false],
    ['mailto:a@b.cn', false],
    ['tel:0579-1234', false],
    ['//cdn.example.cn/a.js', false],
    ['#top', false],
  ])('%s → %s', (ref, internal) => expect(isInternal(ref)).toBe(internal));
});

describe('resolveRef', () => {
  const from = (ref: string, page = '/xuexi/2022/03/a/', base = '/') => resolveRef(ref, page, base, files);

  it('serves a folder by its index.html', () => {
    expect(from('/xuexi/')).toMatchObject({ found: true, file: 'xuexi/index.html' });
    expect(from('/')).toMatchObject({ found: true, file: 'index.html' });
  });

  it('accepts a folder without its slash, as hosts redirect it', () => {
    expect(from('/xuexi')).toMatchObject({ found: true, file: 'xuexi/index.html' });
  });

  it('resolves relative addresses against the page', () => {
    expect(from('../b/')).toMatchObject({ found: true, file: 'xuexi/2022/03/b/index.html' });
    expect(from('../../../../assets/site.css')).toMatchObject({ found: true, file: 'assets/site.css' });
    expect(from('')).toMatchObject({ found: true, file: 'xuexi/2022/03/a/index.html' });
  });

  it('ignores the query and the hash', () => {
    expect(from('/xuexi/?page=2#top')).toMatchObject({ found: true, file: 'xuexi/index.html' });
  });

  it('percent-decodes', () => {
    expect(from('/img/%E9%87%91%E5%8D%8E.png')).toMatchObject({ found: true, file: 'img/金华.png' });
    expect(from('/img/金华.png')).toMatchObject({ found: true, file: 'img/金华.png' });
  });

  it('finds nothing for a missing page', () => {
    expect(from('/xuexi/nope/')).toMatchObject({ found: false, outside: false });
    expect(from('/xuexi/2022/03/a/index.htm')).toMatchObject({ found: false, outside: false });
  });

  it('in a subfolder site, finds what is under the base path and calls the rest outside', () => {
    expect(from('/news/xuexi/', '/news/xuexi/2022/03/a/', '/news/')).toMatchObject({
      found: true,
      file: 'xuexi/index.html',
    });
    expect(from('../b/', '/news/xuexi/2022/03/a/', '/news/')).toMatchObject({
      found: true,
      file: 'xuexi/2022/03/b/index.html',
    });
    expect(from('/xuexi/', '/news/xuexi/2022/03/a/', '/news/')).toMatchObject({
      found: false,
      outside: true,
    });
  });
});

describe('link positions of a Markdown body', () => {
  const md = createMarkdown();
  const links = (body: string) => renderMarkdown(md, body).links;

  it('gives the 1-based line and column of each address, relative to the body', () => {
    expect(links('\n第一段 [甲](/a/) 和 ![图](/i.png "标题")。\n第二行 [乙](../b/)')).toMatchObject([
      { href: '/a/', kind: 'link', line: 2, column: 9 },
      { href: '/i.png', kind: 'image', line: 2, column: 21, alt: '图' },
      { href: '../b/', kind: 'link', line: 3, column: 9 },
    ]);
  });

  it('finds addresses in quotes, lists, tables and headings, and repeated ones each at its own place', () => {
    const body =
      '> 引 [a](/q/)\n\n- [b](/l/) [c](/l/)\n\n| x | y |\n|---|---|\n| [d](/t/) | [e](/t/) |\n\n## [f](/h/)\n';
    expect(links(body).map((l) => [l.href, l.line, l.column])).toMatchObject([
      ['/q/', 1, 9],
      ['/l/', 3, 7],
      ['/l/', 3, 16],
      ['/t/', 7, 7],
      ['/t/', 7, 18],
      ['/h/', 9, 8],
    ]);
  });

  it('counts Chinese characters as one column and finds percent-encoded addresses as written', () => {
    expect(links('金华新闻 [中文](/新闻/)')).toMatchObject([
      { href: '/%E6%96%B0%E9%97%BB/', kind: 'link', line: 1, column: 11 },
    ]);
  });

  it('places a reference link at its definition, and an image inside a link at its own address', () => {
    expect(links('[甲][1] 和 [乙][1]\n\n[1]: /ref/').map((l) => [l.line, l.column])).toMatchObject([
      [3, 6],
      [3, 6],
    ]);
    expect(links('[![图](/i.png)](/l/)').map((l) => [l.href, l.column])).toMatchObject([
      ['/l/', 16],
      ['/i.png', 7],
    ]);
  });

  it('reads CRLF line endings like LF', () => {
    expect(links('第一行\r\n\r\n[甲](/a/)\r\n').map((l) => [l.line, l.column])).toMatchObject([[3, 5]]);
  });

  it('keeps the addresses as written in a subfolder site (the base path is added only to the HTML)', () => {
    const r = renderMarkdown(createMarkdown('/news/'), '[甲](/a/)');
    expect(r.html).toContain('href="/news/a/"');
    expect(r.links[0]?.href).toBe('/a/');
  });

  it('makeEntry turns them into lines of the file', () => {
    const article = entry('content/xuexi/a.md', '2022-03-01 10:00', {
      body: '\n正文\n\n[甲](/a/)\n',
      bodyLine: 6,
    });
    const e = makeEntry(md, article, siteConfig(), 'v1');
    expect(e.links).toMatchObject([{ href: '/a/', kind: 'link', line: 9, column: 5 }]);
  });
});

describe('checkArticleLinks', () => {
  const a = (links: ReturnType<typeof link>[]) =>
    entry('content/xuexi/a.md', '2022-03-01 10:00', { slug: 'a', links });
  const link = (href: string, kind: 'link' | 'image' = 'link', alt = '图') => ({
    href,
    kind,
    line: 9,
    column: 3,
    ...(kind === 'image' && { alt }),
  });
  const check = (links: ReturnType<typeof link>[], basePath = '/') =>
    checkArticleLinks([a(links)], files, basePath)
      .diagnostics.map(formatDiagnostic)
      .map(withoutCodes);

  it('accepts links to pages and files of the site, and ignores external ones', () => {
    expect(
      check([
        link('/xuexi/'),
        link('../b/'),
        link('/xuexi/#top'),
        link('/xuexi/?page=1'),
        link('/img/%E9%87%91%E5%8D%8E.png', 'image'),
        link('https://a.cn/nope/'),
        link('mailto:a@b.cn'),
        link('#top'),
      ]),
    ).toMatchObject([]);
  });

  it('reports a link or image that leads nowhere, at its place in the Markdown file', () => {
    expect(check([link('/xuexi/nope/'), link('/img/none.png', 'image')])).toMatchObject([
      'content/xuexi/a.md:9:3: error: link to "/xuexi/nope/" leads to no page of the site; fix the address or remove the link',
      'content/xuexi/a.md:9:3: error: image "/img/none.png" is not in the site; put it in public/ or fix the path',
    ]);
  });

  it('warns about an image without alt text, external or not', () => {
    expect(check([link('https://a.cn/a.png', 'image', ' ')])).toMatchObject([
      'content/xuexi/a.md:9:3: warning: image has no alt text; describe it for readers who cannot see it: ![描述](https://a.cn/a.png)',
    ]);
  });

  it('in a subfolder site, follows root-relative links under the base path', () => {
    expect(check([link('/xuexi/'), link('../b/'), link('/nope/')], '/news/')).toMatchObject([
      'content/xuexi/a.md:9:3: error: link to "/nope/" leads to no page of the site; fix the address or remove the link',
    ]);
    expect(check([link('../../../../../x/')], '/news/')).toMatchObject([
      'content/xuexi/a.md:9:3: error: link to "../../../../../x/" leads outside the site, which starts at /news/; write the address from the site root, like /xuexi/',
    ]);
  });

  it('shows the address as written and says which pages hold the broken ones', () => {
    const result = checkArticleLinks([a([link('/%E6%96%B0%E9%97%BB/'), link('/nope/')])], files, '/');
    expect(result.diagnostics[0]?.message).toBe('link to "/新闻/" leads to no page of the site');
    expect(result.broken).toMatchObject(
      new Map([
        [
          'xuexi/2022/03/a/index.html',
          new Map([
            ['/%E6%96%B0%E9%97%BB/', 1],
            ['/nope/', 1],
          ]),
        ],
      ]),
    );
  });
});

describe('checkPages', () => {
  const page = (body: string) => utf8(`<!DOCTYPE html><html><head></head><body>${body}</body></html>`);
  const pages = (entries: Record<string, string>) =>
    new Map<string, Uint8Array>([
      ...files,
      ...Object.entries(entries).map(([p, body]) => [p, page(body)] as const),
    ]);
  const footer = {
    file: 'templates/partials/footer.njk',
    text: '<footer>\n  <a href="/nope/">坏</a>\n</footer>\n',
  };

  it('accepts good links and skips canonical and external ones', () => {
    const site = pages({
      'index.html':
        '<link rel="canonical" href="/not/checked/"><link rel="stylesheet" href="/assets/site.css"><a href="xuexi/">学习</a><a href="https://a.cn/x/">外</a><img src="/img/金华.png" alt="图">',
    });
    expect(checkPages(site, { basePath: '/' })).toMatchObject([]);
  });

  it('reports a broken address once, at the template that has it, naming the pages', () => {
    const site = pages({
      'index.html': '<a href="/nope/">坏</a>',
      'xuexi/index.html': '<a href="/nope/">坏</a>',
    });
    expect(
      checkPages(site, { basePath: '/', templates: [footer] })
        .map(formatDiagnostic)
        .map(withoutCodes),
    ).toMatchObject([
      'templates/partials/footer.njk:2:12: error: link to "/nope/" leads to no page of the site (on 2 pages: index.html, xuexi/index.html); fix the address in the template',
    ]);
  });

  it('says "templates" when it cannot tell which, and names stylesheets, scripts and images', () => {
    const site = pages({
      'index.html':
        '<link rel="stylesheet" href="/a.css"><script src="/a.js"></script><img src="/a.png" alt="a">',
    });
    expect(
      checkPages(site, { basePath: '/', templates: [footer] })
        .map(formatDiagnostic)
        .map(withoutCodes),
    ).toMatchObject([
      'templates: error: stylesheet "/a.css" is not in the site (on page index.html); fix the address in the template',
      'templates: error: script "/a.js" is not in the site (on page index.html); fix the address in the template',
      'templates: error: image "/a.png" is not in the site (on page index.html); fix the address in the template',
    ]);
  });

  it('leaves broken links of article bodies to the article check', () => {
    const site = pages({
      'xuexi/2022/03/a/index.html': '<a href="/nope/">文中</a><a href="/nope/">模板</a>',
    });
    const explained = new Map([['xuexi/2022/03/a/index.html', new Map([['/nope/', 1]])]]);
    expect(
      checkPages(site, { basePath: '/', explained }).map(formatDiagnostic).map(withoutCodes),
    ).toMatchObject([
      'templates: error: link to "/nope/" leads to no page of the site (on page xuexi/2022/03/a/index.html); fix the address in the template',
    ]);
  });

  it('places a broken link of a static page in the file itself', () => {
    const site = new Map([
      ...files,
      ['about.html', utf8('<html>\n<body>\n  <a href="gone.html">x</a>\n</body>\n</html>\n')],
    ]);
    const staticSources = new Map([['about.html', 'public/about.html']]);
    expect(
      checkPages(site, { basePath: '/', staticSources }).map(formatDiagnostic).map(withoutCodes),
    ).toMatchObject([
      'public/about.html:3:3: error: link to "gone.html" leads to no page of the site (on page about.html); fix the address',
    ]);
  });

  it('finds a subfolder site’s url-filtered address in the template as written', () => {
    const site = pages({ 'index.html': '<a href="/news/gone/">x</a><a href="/gone/">y</a>' });
    const template = { file: 'templates/base.njk', text: `<a href="{{ '/gone/' | url }}">x</a>` };
    expect(
      checkPages(site, { basePath: '/news/', templates: [template] })
        .map(formatDiagnostic)
        .map(withoutCodes),
    ).toMatchObject([
      'templates/base.njk:1:14: error: link to "/news/gone/" leads to no page of the site (on page index.html); fix the address in the template',
      `templates/base.njk:1:14: error: link to "/gone/" leads outside the site (on page index.html); fix the address in the template; write root-relative addresses as {{ '/gone/' | url }}, which adds the base path /news/`,
    ]);
  });
});

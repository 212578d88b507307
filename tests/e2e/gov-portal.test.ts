import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { failsCleanly, siteFactory } from '../helpers/adversarial.js';
import { article, makeSite, REPO, readPage, runCli, runCliWithCodes, siteYaml } from '../helpers/site.js';

// A government portal (issue 20, parts 1, 2 and 5): the 指引's page metadata, the `gov:` footer and
// 联系我们, its validation at the key's position, the logo and favicon, and image captions.

const PICTURE = readFileSync(path.join(REPO, 'content/minsheng/images/chunyun-zhuanxian.png'));
const THEME_FAVICON = readFileSync(path.join(REPO, 'public/favicon.ico'));

const GOV = `gov:
  siteCode: "3307000001"
  organizer: 金华市人民政府办公室
  operator: 金华市大数据发展管理局
  contact: { phone: 0579-82468000, email: web@jinhua.example.cn, address: 金华市双龙南街 }
  badge: { href: "https://bszs.conac.cn/sitename?method=show&id=1", image: /assets/dzjg.png }
  findError: https://zfwzzc.www.gov.cn/
logo: /assets/logo.png
favicon: /assets/icon.png
`;

// 学习 says what it is; 要闻 does not, so the metadata falls back to the site's name and its own.
const CATEGORIES = `title: 测试新闻网
description: 测试市的新闻门户。
baseUrl: https://news.example.cn/
categories:
  - name: 学习
    slug: xuexi
    description: 测试市干部群众学习的资讯
    keywords: [学习, 理论]
    type: 工作动态
  - name: 要闻
    slug: yaowen
`;

/** `<meta name=…>` of a page, by name, in order (a name given twice is seen twice). */
function metas(html: string): Array<[string, string]> {
  return parse(html)
    .querySelectorAll('head meta[name]')
    .map((m) => [m.getAttribute('name') ?? '', m.getAttribute('content') ?? '']);
}
/** The 指引's tags of a page: those whose names start with a capital letter. */
const portal = (html: string) => metas(html).filter(([n]) => /^[A-Z]/.test(n));
const meta = (html: string, name: string) => metas(html).find(([n]) => n === name)?.[1];
const footerOf = (html: string) => /<footer class="site-footer">[\s\S]*<\/footer>/.exec(html)?.[0];

describe('a government portal: metadata, footer, 联系我们, logo, favicon, captions', () => {
  const root = makeSite({
    'site.yaml': CATEGORIES + GOV,
    'public/assets/dzjg.png': PICTURE,
    'public/assets/logo.png': PICTURE,
    'public/assets/icon.png': PICTURE,
    'content/xuexi/images/a.png': PICTURE,
    'content/xuexi/a.md': article(
      {
        title: '学习一',
        // In UTC: the site's time (Asia/Shanghai) is 2022-01-01 07:30.
        date: '2021-12-31T23:30:00Z',
        category: '学习',
        tags: '[就业, 人才]',
        author: '记者 张明',
        source: '市人社局',
        summary: '全市就业形势稳定。',
        cover: 'images/a.png',
      },
      '正文第一段。\n\n![春运专线](images/a.png "春运首日的专线客车")\n\n文中的图 ![图](images/a.png "不是图注") 照旧。\n',
    ),
    'content/yaowen/y.md': article(
      { title: '要闻一', date: '2022-03-04 10:00', category: '要闻' },
      '要闻正文。',
    ),
  });
  const out = path.join(root, 'dist');
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  beforeAll(async () => {
    const run = await runCli(['build', '--root', root, '--no-search']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });
  const page = (rel: string) => readPage(out, rel);
  const articlePage = () => page('xuexi/2022/01/a/index.html');

  it('gives every page SiteName, SiteDomain and SiteIDCode', () => {
    for (const rel of [
      'index.html',
      'xuexi/index.html',
      'tags/index.html',
      '404.html',
      'contact/index.html',
    ]) {
      expect(portal(page(rel)).slice(0, 3), rel).toEqual([
        ['SiteName', '测试新闻网'],
        ['SiteDomain', 'news.example.cn'],
        ['SiteIDCode', '3307000001'],
      ]);
    }
    expect(meta(page('tags/index.html'), 'ColumnName')).toBeUndefined();
  });

  it('describes the home page as the column 首页', () => {
    const home = page('index.html');
    expect(meta(home, 'description')).toBe('测试市的新闻门户。');
    expect(portal(home).filter(([n]) => n.startsWith('Column'))).toEqual([
      ['ColumnName', '首页'],
      ['ColumnDescription', '测试市的新闻门户。'],
      ['ColumnKeywords', '学习,要闻'],
      ['ColumnType', '首页'],
    ]);
  });

  it("gives a category page its column's metadata, from site.yaml or from the names", () => {
    const columns = (html: string) => portal(html).filter(([n]) => n.startsWith('Column'));
    expect(columns(page('xuexi/index.html'))).toEqual([
      ['ColumnName', '学习'],
      ['ColumnDescription', '测试市干部群众学习的资讯'],
      ['ColumnKeywords', '学习,理论'],
      ['ColumnType', '工作动态'],
    ]);
    expect(columns(page('yaowen/index.html'))).toEqual([
      ['ColumnName', '要闻'],
      ['ColumnDescription', '测试新闻网要闻栏目'],
      ['ColumnKeywords', '要闻'],
      ['ColumnType', '要闻'],
    ]);
  });

  it("gives an article its column's metadata and its own, PubDate in the site's time", () => {
    expect(portal(articlePage()).slice(3)).toEqual([
      ['ColumnName', '学习'],
      ['ColumnDescription', '测试市干部群众学习的资讯'],
      ['ColumnKeywords', '学习,理论'],
      ['ColumnType', '工作动态'],
      ['ArticleTitle', '学习一'],
      ['PubDate', '2022-01-01 07:30'],
      ['ContentSource', '市人社局'],
      ['Keywords', '就业,人才'],
      ['Author', '记者 张明'],
      ['Description', '全市就业形势稳定。'],
      ['Image', 'https://news.example.cn/xuexi/2022/01/a/images/a.png'],
      ['Url', 'https://news.example.cn/xuexi/2022/01/a/'],
    ]);
  });

  it('leaves out what an article does not have, and has one description (HTML allows one)', () => {
    const html = page('yaowen/2022/03/y/index.html');
    const names = metas(html).map(([n]) => n);
    expect(names).not.toContain('Keywords');
    expect(names).not.toContain('Author');
    expect(names).not.toContain('Image');
    expect(meta(html, 'ContentSource')).toBe('测试新闻网');
    expect(meta(html, 'PubDate')).toBe('2022-03-04 10:00');
    for (const rel of ['yaowen/2022/03/y/index.html', 'xuexi/2022/01/a/index.html', 'index.html']) {
      expect(names.length).toBeGreaterThan(0);
      expect(
        metas(page(rel)).filter(([n]) => n.toLowerCase() === 'description'),
        rel,
      ).toHaveLength(1);
    }
  });

  it('shows 主办, 承办, 网站标识码, the 备案 line as before, the badge and 找错 in the footer', () => {
    const footer = parse(footerOf(page('index.html')) ?? '');
    expect(footer.querySelector('.gov-info')?.text).toBe(
      '主办：金华市人民政府办公室承办：金华市大数据发展管理局网站标识码：3307000001',
    );
    const badge = footer.querySelector('.gov-badge');
    expect(badge?.getAttribute('href')).toBe('https://bszs.conac.cn/sitename?method=show&id=1');
    const img = badge?.querySelector('img');
    expect(img?.getAttribute('src')).toBe('/assets/dzjg.png');
    expect(img?.getAttribute('alt')).toBe('党政机关网站标识');
    expect(img?.getAttribute('width')).toMatch(/^\d+$/);
    expect(footer.querySelector('.gov-find-error')?.getAttribute('href')).toBe('https://zfwzzc.www.gov.cn/');
    const links = footer.querySelectorAll('.footer-nav a').map((a) => [a.text, a.getAttribute('href')]);
    expect(links).toContainEqual(['网站地图', '/sitemap/']);
    expect(links).toContainEqual(['联系我们', '/contact/']);
  });

  it('makes 联系我们, linked from the site map', () => {
    const contact = parse(page('contact/index.html'));
    expect(contact.querySelector('h1')?.text).toBe('联系我们');
    const rows = contact
      .querySelectorAll('.contact-list dt')
      .map((dt) => [dt.text, dt.nextElementSibling?.text]);
    expect(rows).toEqual([
      ['主办单位', '金华市人民政府办公室'],
      ['承办单位', '金华市大数据发展管理局'],
      ['地址', '金华市双龙南街'],
      ['电话', '0579-82468000'],
      ['电子邮箱', 'web@jinhua.example.cn'],
      ['网站标识码', '3307000001'],
    ]);
    expect(contact.querySelector('a[href^="tel:"]')?.getAttribute('href')).toBe('tel:0579-82468000');
    expect(contact.querySelector('a[href^="mailto:"]')?.getAttribute('href')).toBe(
      'mailto:web@jinhua.example.cn',
    );
    expect(page('sitemap/index.html')).toContain('<a href="/contact/">联系我们</a>');
  });

  it('shows the logo, sized, before the name, and links the favicon of site.yaml', () => {
    const header = parse(page('index.html')).querySelector('.site-title');
    const logo = header?.querySelector('img.site-logo');
    expect(logo?.getAttribute('src')).toBe('/assets/logo.png');
    expect(logo?.getAttribute('alt')).toBe('');
    expect(logo?.getAttribute('width')).toMatch(/^\d+$/);
    expect(logo?.getAttribute('height')).toMatch(/^\d+$/);
    expect(header?.text).toBe('测试新闻网');
    expect(page('index.html')).toContain('<link rel="icon" href="/assets/icon.png">');
    // The theme's icon is served all the same, for browsers that ask for it by that name.
    expect(readFileSync(path.join(out, 'favicon.ico'))).toEqual(THEME_FAVICON);
  });

  it("shows an image's title as its caption when the image stands alone, keeping lazy loading and size", () => {
    const body = parse(articlePage()).querySelector('.article-body');
    const figure = body?.querySelector('figure');
    const img = figure?.querySelector('img');
    expect(img?.getAttribute('alt')).toBe('春运专线');
    expect(img?.getAttribute('loading')).toBe('lazy');
    expect(img?.getAttribute('width')).toMatch(/^\d+$/);
    expect(img?.getAttribute('title')).toBeUndefined();
    expect(figure?.querySelector('figcaption')?.text).toBe('春运首日的专线客车');
    expect(body?.querySelectorAll('figure')).toHaveLength(1);
    // In running text a figure cannot stand: the image keeps its title.
    expect(body?.querySelector('p img[title="不是图注"]')).not.toBeNull();
  });
});

describe('a site without gov:', () => {
  // The footer as gazette wrote it before gov: existed, byte for byte (built with that version).
  const FOOTER_BEFORE = `<footer class="site-footer">
  <div class="container">
    <nav class="footer-nav" aria-label="页脚导航">
      <a href="/">首页</a>
<a href="/xuexi/">学习</a><a href="/yaowen/">要闻</a>      <a href="/tags/">全部标签</a>
      <a href="/archive/">归档</a>
      <a href="/sitemap/">网站地图</a>
    </nav>
<p class="copyright">版权所有 © 测试市人民政府</p>    
    <p class="beian"><a class="beian-icp" href="https://beian.miit.gov.cn/" target="_blank" rel="noopener noreferrer">浙ICP备12345678号</a> <a class="beian-police" href="https://beian.mps.gov.cn/#/query/webSearch?code=33070202000123" target="_blank" rel="noopener noreferrer">浙公网安备 33070202000123号</a></p>
  </div>
</footer>`;
  const root = makeSite({
    'site.yaml': siteYaml(
      'icp: 浙ICP备12345678号\npolice: {text: 浙公网安备 33070202000123号, code: 33070202000123}\n',
    ),
    'content/xuexi/a.md': article({ title: '好文章', date: '2022-03-01 10:00', category: '学习' }),
  });
  const out = path.join(root, 'dist');
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  beforeAll(async () => {
    const run = await runCli(['build', '--root', root, '--no-search']);
    expect(run.code, run.stderr).toBe(0);
  });

  it('has the footer it had, and no 联系我们', () => {
    for (const rel of ['index.html', 'xuexi/index.html', 'xuexi/2022/03/a/index.html', '404.html'])
      expect(footerOf(readPage(out, rel)), rel).toBe(FOOTER_BEFORE);
    expect(() => readPage(out, 'contact/index.html')).toThrow();
    expect(readPage(out, 'sitemap/index.html')).not.toContain('联系我们');
  });

  it('has no SiteIDCode, no logo, and the theme’s favicon at /favicon.ico', () => {
    const home = readPage(out, 'index.html');
    expect(meta(home, 'SiteName')).toBe('测试新闻网');
    expect(meta(home, 'SiteIDCode')).toBeUndefined();
    expect(home).not.toContain('site-logo');
    expect(home).toContain('<link rel="icon" href="/favicon.ico">');
    expect(readFileSync(path.join(out, 'favicon.ico'))).toEqual(THEME_FAVICON);
  });

  it('describes the home page by its name and columns when site.yaml has no description', () => {
    expect(meta(readPage(out, 'index.html'), 'description')).toBe('测试新闻网，设有学习、要闻栏目。');
  });
});

describe('the theme’s favicon', () => {
  it('is a real icon: an ICO of 16×16 and 32×32 pictures', () => {
    expect([...THEME_FAVICON.subarray(0, 4)]).toEqual([0, 0, 1, 0]);
    const count = THEME_FAVICON.readUInt16LE(4);
    const sizes = Array.from({ length: count }, (_, i) => THEME_FAVICON[6 + 16 * i]);
    expect(sizes).toEqual([16, 32]);
  });

  it('is linked under the base path of a site in a subfolder', async () => {
    const root = makeSite({
      'site.yaml': siteYaml().replace('https://news.example.cn/', 'https://www.example.gov.cn/news/'),
      'content/xuexi/a.md': article({ title: '好文章', date: '2022-03-01 10:00', category: '学习' }),
    });
    try {
      expect((await runCli(['build', '--root', root, '--no-search'])).code).toBe(0);
      expect(readPage(path.join(root, 'dist'), 'index.html')).toContain(
        '<link rel="icon" href="/news/favicon.ico">',
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('gov:, logo: and favicon: are checked, each error at its key', () => {
  const sites = siteFactory();
  afterEach(() => sites.cleanup());
  const withYaml = (yaml: string) => ({ 'site.yaml': siteYaml(yaml) });
  // What is appended to siteYaml() starts on line 10.

  it('refuses a 网站标识码 that is not 10 digits (or bm and 8), an e-mail and addresses that are not', async () => {
    const yaml = [
      'gov:',
      '  siteCode: 330700001',
      '  contact: { email: web@jinhua }',
      '  badge: { href: bszs.conac.cn/x, image: "ftp://dcs.conac.cn/red.png" }',
      '  findError: javascript:alert(1)',
    ].join('\n');
    await failsCleanly(sites.make(), withYaml(yaml), [
      'site.yaml:11:13: error: "siteCode" 330700001 is not a 网站标识码; a 网站标识码 is 10 digits (bm and 8 digits for a department\'s site), as the register gave it, e.g. siteCode: "3307000001"',
      'site.yaml:12:21: error: "web@jinhua" is not an e-mail address; write it as readers type it, e.g. email: web@jinhua.gov.cn',
      'site.yaml:13:18: error: "gov.badge.href" must be an http(s) address, not "bszs.conac.cn/x"; write the whole address, starting with https:// or http://',
      'site.yaml:13:42: error: "gov.badge.image" must be an http(s) address, not "ftp://dcs.conac.cn/red.png"; write the whole address, starting with https:// or http://',
      'site.yaml:14:14: error: "gov.findError" must be an http(s) address, not "javascript:alert(1)"; write the whole address, starting with https:// or http://',
    ]);
  });

  it('accepts a department’s bm code, and a badge picture on another site', async () => {
    const root = sites.make(
      {},
      siteYaml(
        'gov:\n  siteCode: bm01000001\n  badge: {href: "https://bszs.conac.cn/x", image: "https://dcs.conac.cn/image/red.png"}\n',
      ),
    );
    const run = await runCli(['build', '--root', root, '--no-search']);
    expect(run.code, run.stderr).toBe(0);
    const home = readPage(path.join(root, 'dist'), 'index.html');
    expect(meta(home, 'SiteIDCode')).toBe('bm01000001');
    expect(home).toContain(
      '<img src="https://dcs.conac.cn/image/red.png" alt="党政机关网站标识" loading="lazy"',
    );
  });

  it('refuses a logo, a favicon or a badge picture that public/ does not have', async () => {
    const yaml = [
      'logo: /assets/logo.png',
      'favicon: ../site.yaml',
      'gov:',
      '  badge: {href: "https://bszs.conac.cn/x", image: /assets/dzjg.png}',
    ].join('\n');
    await failsCleanly(sites.make(), withYaml(yaml), [
      'site.yaml:10:7: error: "logo" names /assets/logo.png, which is not a file of public/; put the file in the site\'s public/ folder and write its path there, e.g. /assets/logo.png',
      'site.yaml:11:10: error: "favicon" names ../site.yaml, which is not a file of public/; put the file in the site\'s public/ folder and write its path there, e.g. /assets/logo.png',
      'site.yaml:13:51: error: "gov.badge.image" names /assets/dzjg.png, which is not a file of public/; put the picture in the site\'s public/ folder and write its path there, e.g. /assets/logo.png, or write its whole https:// address',
    ]);
  });

  it('refuses a key gov: does not have, naming the ones it has', async () => {
    await failsCleanly(sites.make(), withYaml('gov:\n  sitecode: "3307000001"'), [
      'site.yaml:11:3: error: "gov" has only siteCode, organizer, operator, contact, badge, findError, not "sitecode"',
    ]);
  });

  it('keeps the folder of 联系我们 from a category, only on a site that has one', async () => {
    const yaml = siteYaml().replace('slug: yaowen', 'slug: contact');
    const withContact = `${yaml}gov:\n  contact: {phone: 0579-82468000}\n`;
    await failsCleanly(sites.make(), { 'site.yaml': withContact }, [
      'site.yaml:8:5: error: category slug "contact" is reserved for generated pages; choose another slug',
    ]);
    const run = await runCli(['build', '--root', sites.make({}, yaml), '--no-search']);
    expect(run.code, run.stderr).toBe(0);
  });

  it('words the errors in Chinese with their codes', async () => {
    const root = sites.make({}, siteYaml('gov:\n  siteCode: "12345"\n  contact: {email: a@b}\n'));
    const previous = process.env.GAZETTE_LANG;
    process.env.GAZETTE_LANG = 'zh';
    try {
      const run = await runCliWithCodes(['build', '--root', root]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(
        'site.yaml:11:13: error: “siteCode”的值“12345”不是网站标识码；网站标识码是 10 位数字（部门网站是 bm 加 8 位数字），照全国政府网站信息报送系统里的写，如 siteCode: "3307000001"。 [GZ0308]',
      );
      expect(run.stderr).toContain(
        'site.yaml:12:20: error: “a@b”不是电子邮箱地址；照读者输入的样子写，如 email: web@jinhua.gov.cn。 [GZ0310]',
      );
    } finally {
      if (previous === undefined) delete process.env.GAZETTE_LANG;
      else process.env.GAZETTE_LANG = previous;
    }
  });
});

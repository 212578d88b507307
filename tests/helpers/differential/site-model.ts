import { readFileSync } from 'node:fs';
import path from 'node:path';
import { THEME_TEMPLATES } from '../../../src/paths.js';
import { makePng } from '../png.js';

/**
 * The small site the differential test edits, as plain data: every edit makes a new state, and the
 * site's files are made from a state alone (siteFiles). Values are drawn from small pools, so that
 * a sequence often comes back to a state it had (a title corrected, then corrected back): what a
 * build keeps from two builds ago (its spare site) is then the same as what it needs.
 */
export interface SiteState {
  /** By id, ascending. */
  readonly articles: readonly ArticleState[];
  /** The id the next article added gets. */
  readonly nextId: number;
  readonly config: ConfigState;
  readonly templates: TemplateState;
  readonly public: PublicState;
  /** The two images beside the articles, `content/images/photo.png` and `chart.png`. */
  readonly images: { readonly photo: ImageState; readonly chart: ImageState };
}

export const CATEGORIES = ['学习', '要闻'] as const;
export type Category = (typeof CATEGORIES)[number];
export const TAGS = ['就业', '人才', '交通', '教育'] as const;
export const IMAGES = ['photo', 'chart'] as const;
export type ImageName = (typeof IMAGES)[number];

export interface ArticleState {
  readonly id: number;
  /** Path from the site root: `content/a3.md`; a rename changes it (and so the article's address). */
  readonly file: string;
  /** Index into TITLES. */
  readonly title: number;
  readonly day: number;
  readonly hour: number;
  /**
   * A moment of the real clock that stands for `day` and `hour` (ISO 8601, to the second), set by a
   * `schedule` step: the article is left out for its date until then, and published from then on.
   */
  readonly at?: string;
  readonly category: Category;
  readonly tags: readonly string[];
  /** Index into SUMMARIES; none: the summary is the body's first sentences. */
  readonly summary?: number;
  /** Index into SOURCES; none: site.yaml's defaultSource, if any. */
  readonly source?: number;
  readonly cover?: ImageName;
  readonly headline: boolean;
  readonly draft: boolean;
  /** The body's first paragraph (index into LEADS): what the summary is made of, if none is given. */
  readonly lead: number;
  /** The text further down (index into TAILS): only the article's own page shows it. */
  readonly tail: number;
  /** Whether the body shows images/photo.png. */
  readonly figure: boolean;
}

export interface ConfigState {
  readonly title: number;
  readonly description: number;
  readonly pageSize: number;
  readonly homePerCategory: number;
  readonly feedSize: number;
  readonly defaultSource: boolean;
  /** A third category, 经济, that no article is in: its pages come and go. */
  readonly third: boolean;
  /** Index into PERMALINKS: every article's address changes with it. */
  readonly permalink: number;
}

export interface TemplateState {
  /**
   * A version of templates/article.njk (the theme's, with a mark and an include named by an
   * expression: parts/wide.njk for a headline, parts/plain.njk for the others); none: the theme's.
   */
  readonly article?: number;
  /** The versions of templates/parts/plain.njk and wide.njk (written whether used or not). */
  readonly plain: number;
  readonly wide: number;
  /** A version of templates/partials/entry-list.njk that also shows tags and the author; none: the theme's. */
  readonly list?: number;
  /** A version of templates/partials/footer.njk (every page); none: the theme's. */
  readonly footer?: number;
}

export interface PublicState {
  /** Version of public/notice.txt. */
  readonly notice: number;
  /** Whether public/files/attachment.txt exists. */
  readonly attachment: boolean;
  readonly banner: ImageState;
}

export interface ImageState {
  readonly width: number;
  readonly height: number;
  /** Index into COLOURS: another colour, the same size and byte length. */
  readonly colour: number;
}

export const TITLES = ['市人社局保障用工', '返岗工作有序推进', '更正：返岗率达98%', '春运专线开通'];
export const SUMMARIES = ['一句话摘要。', '编辑改过的摘要。', '第三种摘要。'];
export const SOURCES = ['测试市融媒体中心', '测试市人民政府'];
/** A sentence longer than a summary: what follows it is never in one, as in most real articles. */
const LONG = `${'记者从市人社局获悉，'.repeat(13)}返岗工作有序推进。`;
export const LEADS = ['金华市全力保障用工。', '各地企业陆续复工。', '返岗专列平稳运行。'];
export const TAILS = ['', '第二段补充。', '第二段补充，又改了一次。'];
export const PERMALINKS = ['/{category}/{yyyy}/{mm}/{slug}/', '/{category}/{slug}/'];
export const COLOURS: ReadonlyArray<readonly [number, number, number]> = [
  [160, 20, 30],
  [20, 120, 200],
  [240, 200, 10],
];

export function initialState(articles = 10): SiteState {
  const list: ArticleState[] = [];
  for (let id = 0; id < articles; id++) list.push(newArticle(id, id % TITLES.length, id));
  return {
    articles: list,
    nextId: articles,
    config: {
      title: 0,
      description: 0,
      pageSize: 2,
      homePerCategory: 3,
      feedSize: 5,
      defaultSource: true,
      third: false,
      permalink: 0,
    },
    templates: { plain: 0, wide: 0 },
    public: { notice: 0, attachment: false, banner: { width: 60, height: 20, colour: 0 } },
    images: {
      photo: { width: 40, height: 30, colour: 0 },
      chart: { width: 30, height: 40, colour: 1 },
    },
  };
}

/** An article as first written: `seed` spreads its fields over the pools. */
export function newArticle(id: number, title: number, seed: number): ArticleState {
  return {
    id,
    file: `content/a${id}.md`,
    title,
    day: (seed % 27) + 1,
    hour: (seed * 7) % 24,
    category: CATEGORIES[seed % 2] as Category,
    tags: [TAGS[seed % TAGS.length] as string],
    ...(seed % 3 === 0 && { source: seed % SOURCES.length }),
    ...(seed % 5 === 1 && { cover: IMAGES[seed % 2] as ImageName }),
    headline: seed === 4,
    draft: false,
    lead: seed % LEADS.length,
    tail: 0,
    figure: seed % 4 === 2,
  };
}

/** The site's files for `state`: path from the root → text or bytes. */
export function siteFiles(state: SiteState): Map<string, string | Buffer> {
  const files = new Map<string, string | Buffer>();
  files.set('site.yaml', siteYaml(state.config));
  for (const a of state.articles) files.set(a.file, articleText(a));
  for (const name of IMAGES) files.set(`content/images/${name}.png`, png(state.images[name]));
  const t = state.templates;
  if (t.article !== undefined) files.set('templates/article.njk', articleTemplate(t.article));
  files.set('templates/parts/plain.njk', `<p class="part-plain">普通稿件（第${t.plain}版）</p>\n`);
  files.set('templates/parts/wide.njk', `<p class="part-wide">头条稿件（第${t.wide}版）</p>\n`);
  if (t.list !== undefined) files.set('templates/partials/entry-list.njk', listTemplate(t.list));
  if (t.footer !== undefined) files.set('templates/partials/footer.njk', footerTemplate(t.footer));
  files.set('public/notice.txt', `通知第${state.public.notice}版\n`);
  if (state.public.attachment) files.set('public/files/attachment.txt', '附件\n');
  files.set('public/img/banner.png', png(state.public.banner));
  return files;
}

function siteYaml(c: ConfigState): string {
  return [
    `title: ${['测试新闻网', '测试市新闻网'][c.title]}`,
    `description: ${['测试市的新闻门户。', '测试市的权威资讯。', '改过的描述。'][c.description]}`,
    'baseUrl: https://news.example.cn/',
    'footer: 版权所有 © 测试市人民政府',
    `pageSize: ${c.pageSize}`,
    `homePerCategory: ${c.homePerCategory}`,
    `feedSize: ${c.feedSize}`,
    ...(c.defaultSource ? ['defaultSource: 测试市人民政府网'] : []),
    `permalink: ${PERMALINKS[c.permalink]}`,
    'categories:',
    '  - name: 学习',
    '    slug: xuexi',
    '  - name: 要闻',
    '    slug: yaowen',
    ...(c.third ? ['  - name: 经济', '    slug: jingji'] : []),
    '',
  ].join('\n');
}

function articleText(a: ArticleState): string {
  const fields = [
    `title: 第${a.id}篇：${TITLES[a.title]}`,
    `date: ${a.at ?? `2022-03-${String(a.day).padStart(2, '0')} ${String(a.hour).padStart(2, '0')}:00`}`,
    `category: ${a.category}`,
    `tags: [${a.tags.join(', ')}]`,
    ...(a.summary !== undefined ? [`summary: ${SUMMARIES[a.summary]}`] : []),
    ...(a.source !== undefined ? [`source: ${SOURCES[a.source]}`] : []),
    ...(a.cover !== undefined ? [`cover: images/${a.cover}.png`, 'coverAlt: 封面图'] : []),
    ...(a.headline ? ['headline: true'] : []),
    ...(a.draft ? ['draft: true'] : []),
    'author: 记者 张明',
  ];
  const figure = a.figure ? '\n\n![示意图](images/photo.png)' : '';
  const tail = TAILS[a.tail] ? `\n\n## 小标题\n\n${TAILS[a.tail]}` : '';
  return `---\n${fields.join('\n')}\n---\n\n${LEADS[a.lead]}${LONG}${figure}${tail}\n`;
}

/** The theme's template `name` (from templates/, beside src/). */
const theme = (name: string): string => readFileSync(path.join(THEME_TEMPLATES, name), 'utf8');

function articleTemplate(version: number): string {
  // The include's name is an expression: no template can be found from the text alone.
  const part = '{% include "parts/" + ("wide" if article.headline else "plain") + ".njk" %}';
  return theme('article.njk').replace('</article>', `${part}</article><!-- 第${version}版 -->`);
}

function listTemplate(version: number): string {
  const shown = '{% if e.tags.length %}<p class="entry-tags">{{ e.tags | join("、") }}</p>{% endif %}';
  const author = `{% if e.author %}<p class="entry-author">{{ e.author }}（第${version}版）</p>{% endif %}`;
  return theme('partials/entry-list.njk').replace(
    '  </li>\n  {% else %}',
    `    ${shown}${author}\n  </li>\n  {% else %}`,
  );
}

function footerTemplate(version: number): string {
  return theme('partials/footer.njk').replace('</footer>', `<!-- 页脚第${version}版 --></footer>`);
}

/**
 * A PNG of one colour, stored without compression: two images of the same size have the same
 * length whatever their colour, so replacing one by the other changes only its bytes.
 */
export function png({ width, height, colour }: ImageState): Buffer {
  const rgb = COLOURS[colour];
  if (!rgb) throw new Error(`no colour ${colour} in COLOURS`);
  return makePng(width, height, rgb, { stored: true });
}

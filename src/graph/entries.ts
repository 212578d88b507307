import type { MarkdownIt } from 'markdown-it';
import type { SiteConfig } from '../config/site-config.js';
import type { Article } from '../content/article.js';
import { warning } from '../errors/diagnostic.js';
import { renderMarkdown } from '../markdown/render-markdown.js';
import { makeSummary } from '../markdown/summary.js';
import type { Entry } from './site-graph.js';
import { articleUrl } from './urls.js';

/** An article with its body rendered and its URL fixed. */
/** `version` identifies the source the entry was made from (a digest of its bytes). */
export function makeEntry(md: MarkdownIt, article: Article, config: SiteConfig, version: string): Entry {
  const rendered = renderMarkdown(md, article.body);
  return {
    ...article,
    version,
    html: rendered.html,
    summaryText: article.summary ?? makeSummary(rendered.paragraphs),
    url: articleUrl(config.permalink, article),
    // Lines of the body → lines of the file.
    links: rendered.links.map((l) => ({ ...l, line: l.line + article.bodyLine - 1 })),
    warnings: rendered.warnings.map((w) =>
      warning(article.file, w.message, { line: w.line + article.bodyLine - 1, column: w.column }, w.hint),
    ),
  };
}

import { type Diagnostic, error, formatDiagnostic, warning } from '../errors/diagnostic.js';
import type { Entry } from '../graph/site-graph.js';
import { outputPathOf } from '../graph/urls.js';
import { isInternal, resolvedPathname, resolveRef, type SiteFiles, serverPath } from './resolve.js';

export interface ArticleLinkCheck {
  readonly diagnostics: readonly Diagnostic[];
  /**
   * The broken addresses found, as `output path of the article's page` → server path → how many:
   * the page check leaves these to the article's own, positioned, messages.
   */
  readonly broken: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

/**
 * Every internal link and image of every article, followed through the built site (`files`), and
 * every image (and cover) without alt text. Pure. Addresses are as written in the Markdown, where root-relative
 * ones (`/xuexi/`) are relative to the site: the renderer adds the base path of a site in a subfolder.
 */
export function checkArticleLinks(
  entries: readonly Entry[],
  files: SiteFiles,
  basePath: string,
  /** Set when articles with errors were left out of `files`: a link may lead to one of them. */
  partial = false,
): ArticleLinkCheck {
  const diagnostics: Diagnostic[] = [];
  const broken = new Map<string, Map<string, number>>();
  for (const entry of entries) {
    const page = outputPathOf(entry.url);
    const pagePath = serverPath(entry.url, basePath);
    if (entry.cover && entry.cover.alt.trim() === '') {
      diagnostics.push(
        warning(
          entry.file,
          'cover has no alt text',
          { line: entry.cover.line, column: entry.cover.column },
          'describe it for readers who cannot see it, in a line like coverAlt: 描述',
        ),
      );
    }
    for (const link of entry.links) {
      const at = { line: link.line, column: link.column };
      const shown = displayRef(link.href);
      if (link.kind === 'image' && (link.alt ?? '').trim() === '') {
        diagnostics.push(
          warning(
            entry.file,
            'image has no alt text',
            at,
            `describe it for readers who cannot see it: ![描述](${shown})`,
          ),
        );
      }
      if (!isInternal(link.href)) continue;
      // As the renderer writes it into the page (prefixRootLinks in markdown-it.ts).
      const ref = link.href.startsWith('/') ? serverPath(link.href, basePath) : link.href;
      const target = resolveRef(ref, pagePath, basePath, files);
      if (target.found) continue;
      const onPage = broken.get(page) ?? new Map<string, number>();
      broken.set(page, onPage);
      const pathname = resolvedPathname(ref, pagePath);
      onPage.set(pathname, (onPage.get(pathname) ?? 0) + 1);
      diagnostics.push(articleProblem(entry.file, link.kind, shown, target.outside, basePath, at, partial));
    }
  }
  // Two uses of one reference definition (`[1]: /x/`) are one mistake, at one place.
  const seen = new Set<string>();
  const unique = diagnostics.filter((d) => {
    const key = formatDiagnostic(d);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { diagnostics: unique, broken };
}

function articleProblem(
  file: string,
  kind: 'link' | 'image',
  shown: string,
  outside: boolean,
  basePath: string,
  at: { line: number; column: number },
  partial: boolean,
): Diagnostic {
  if (outside)
    return error(
      file,
      `${kind === 'image' ? 'image' : 'link to'} "${shown}" leads outside the site, which starts at ${basePath}`,
      at,
      'write the address from the site root, like /xuexi/',
    );
  return kind === 'image'
    ? error(file, `image "${shown}" is not in the site`, at, 'put it in public/ or fix the path')
    : error(
        file,
        `link to "${shown}" leads to no page of the site`,
        at,
        partial
          ? 'fix the address or remove the link, unless it leads to an article with errors (built without them)'
          : 'fix the address or remove the link',
      );
}

/** An address as the editor wrote it: `/新闻/`, not `/%E6%96%B0%E9%97%BB/`. */
export function displayRef(ref: string): string {
  try {
    return decodeURI(ref);
  } catch {
    return ref;
  }
}

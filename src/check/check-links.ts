import { type Diagnostic, formatDiagnostic, problem } from '../errors/diagnostic.js';
import type { Entry } from '../graph/site-graph.js';
import { outputPathOf } from '../urls/urls.js';
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
        problem('GZ0601', entry.file, { line: entry.cover.line, column: entry.cover.column }, {}, 'warning'),
      );
    }
    for (const link of entry.links) {
      const at = { line: link.line, column: link.column };
      const shown = displayRef(link.href);
      if (link.kind === 'image' && (link.alt ?? '').trim() === '') {
        diagnostics.push(problem('GZ0602', entry.file, at, { href: shown }, 'warning'));
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
    return problem('GZ0603', file, at, { image: kind === 'image' ? 1 : 0, href: shown, base: basePath });
  return problem(kind === 'image' ? 'GZ0604' : 'GZ0605', file, at, { href: shown, partial: partial ? 1 : 0 });
}

/** An address as the editor wrote it: `/新闻/`, not `/%E6%96%B0%E9%97%BB/`. */
export function displayRef(ref: string): string {
  try {
    return decodeURI(ref);
  } catch {
    return ref;
  }
}

import { parse } from 'node-html-parser';
import { problem as coded, type Diagnostic, type Position } from '../errors/diagnostic.js';
import type { Values } from '../messages/types.js';
import { positionOf } from '../text/decode.js';
import { displayRef } from './check-links.js';
import { isInternal, resolvedPathname, resolveRef, type SiteFiles } from './resolve.js';

/** A template's text and the name it is reported under (`templates/partials/footer.njk`). */
export interface TemplateSource {
  readonly file: string;
  readonly text: string;
}

export interface PageCheckOptions {
  readonly basePath: string;
  /** Broken addresses already reported for articles: page → server path → count (checkArticleLinks). */
  readonly explained?: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** Static pages copied as they are, by output path → their source (`public/about.html`). */
  readonly staticSources?: ReadonlyMap<string, string>;
  /** The templates in lookup order (the site's own first): broken addresses are looked up in them. */
  readonly templates?: readonly TemplateSource[];
}

const REFERENCES = 'a[href], link[href], script[src], img[src]';

/**
 * Every link, stylesheet, script and image of every HTML page of the site, followed through `files`.
 * Pure. One message per broken address as written, at the template (or static page) it comes from
 * when it can be found there, naming the pages it breaks; addresses in article bodies are left to
 * checkArticleLinks, which knows their line in the Markdown.
 */
export function checkPages(files: SiteFiles, options: PageCheckOptions): Diagnostic[] {
  const { basePath } = options;
  const explained = new Map([...(options.explained ?? [])].map(([page, m]) => [page, new Map(m)]));
  const problems = new Map<string, { file: string; position?: Position; values: Values; pages: string[] }>();
  const decoder = new TextDecoder();
  for (const [page, bytes] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!page.endsWith('.html')) continue;
    const text = decoder.decode(bytes);
    const pagePath = basePath + page;
    for (const el of parse(text).querySelectorAll(REFERENCES)) {
      if (el.getAttribute('rel') === 'canonical') continue;
      const attr = el.hasAttribute('href') ? 'href' : 'src';
      const ref = (el.getAttribute(attr) ?? '').trim();
      if (!isInternal(ref)) continue;
      const target = resolveRef(ref, pagePath, basePath, files);
      if (target.found) continue;
      const pathname = resolvedPathname(ref, pagePath);
      const left = explained.get(page)?.get(pathname) ?? 0;
      if (left > 0) {
        explained.get(page)?.set(pathname, left - 1);
        continue;
      }
      const staticSource = options.staticSources?.get(page);
      const what = kindOf(el.tagName.toLowerCase(), el.getAttribute('rel'));
      const shown = displayRef(ref);
      const key = `${staticSource ?? ''}\0${what}\0${shown}\0${target.outside}`;
      let problem = problems.get(key);
      if (!problem) {
        const located = staticSource
          ? { file: staticSource, position: positionOf(text, el.range[0]) }
          : locateInTemplates(ref, basePath, options.templates ?? []);
        problem = {
          file: located?.file ?? 'templates',
          values: {
            what,
            href: shown,
            outside: target.outside ? 1 : 0,
            // Where the fix goes: the static page itself, or the template (with the url filter
            // for a root-relative address that misses the base path).
            fix: staticSource ? 'page' : target.outside && ref.startsWith('/') ? 'url' : 'template',
            ref,
            base: basePath,
          },
          pages: [],
        };
        if (located?.position) problem.position = located.position;
        problems.set(key, problem);
      }
      if (problem.pages.at(-1) !== page) problem.pages.push(page);
    }
  }
  // The pages it breaks: the first three by name, and how many in all (worded in src/messages/checks.ts).
  return [...problems.values()].map((p) =>
    coded('GZ0608', p.file, p.position, {
      ...p.values,
      pages: p.pages.slice(0, 3).join(', '),
      count: p.pages.length,
    }),
  );
}

/** What a reference is, by its element: the message names it so (an image, a stylesheet…). */
const kindOf = (tag: string, rel: string | undefined): string =>
  tag === 'img'
    ? 'image'
    : tag === 'script'
      ? 'script'
      : tag === 'link' && rel === 'stylesheet'
        ? 'stylesheet'
        : 'link';

/**
 * The template an address most likely comes from: the first one with the address in quotes, either
 * as it appears in the page or, for a site in a subfolder, as written for the `url` filter.
 */
function locateInTemplates(
  ref: string,
  basePath: string,
  templates: readonly TemplateSource[],
): { file: string; position?: Position } | undefined {
  const forms = [ref];
  if (basePath !== '/' && ref.startsWith(basePath)) forms.push(`/${ref.slice(basePath.length)}`);
  for (const t of templates) {
    for (const form of forms) {
      for (const quote of ['"', "'"]) {
        const i = t.text.indexOf(quote + form + quote);
        if (i !== -1) return { file: t.file, position: positionOf(t.text, i + 1) };
      }
    }
  }
  return undefined;
}

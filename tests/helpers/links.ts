import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'node-html-parser';

/**
 * Every internal link, stylesheet, script and image of every HTML page under `dist`, resolved the way
 * a static host would (folder → index.html), that does not lead to a file. Base path: `/`.
 */
export function brokenLinks(dist: string, basePath = '/'): string[] {
  const broken: string[] = [];
  for (const page of htmlFiles(dist)) {
    const doc = parse(readFileSync(page, 'utf8'));
    const pageUrl = `/${path.relative(dist, page).split(path.sep).join('/')}`;
    for (const el of doc.querySelectorAll('a[href], link[href], script[src], img[src]')) {
      if (el.getAttribute('rel') === 'canonical') continue;
      const ref = el.getAttribute('href') ?? el.getAttribute('src') ?? '';
      if (/^[a-z][a-z0-9+.-]*:/i.test(ref) || ref.startsWith('//') || ref.startsWith('#')) continue;
      const target = new URL(ref, `http://site${pageUrl}`).pathname;
      if (!target.startsWith(basePath)) {
        broken.push(`${pageUrl} → ${ref} (outside the base path)`);
        continue;
      }
      let file = path.join(dist, decodeURIComponent(target.slice(basePath.length)));
      if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
      if (!existsSync(file)) broken.push(`${pageUrl} → ${ref}`);
    }
  }
  return broken;
}

export function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

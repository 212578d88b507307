import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { listTemplates } from './list-templates.js';

/** A name's fingerprint: changes when the template or anything it extends, includes or imports changes. */
export type TemplateFingerprints = ReadonlyMap<string, string>;

const REFERENCE = /\{%-?\s*(?:extends|include|import|from)\s+(["'])([^"']+)\1/g;
const DYNAMIC = /\{%-?\s*(?:extends|include|import|from)\s+[^"'\s]/;

/**
 * Reads every template the site can use (its own first, then the built-in theme's, by name) and
 * fingerprints each with everything it pulls in. A template that names another through a variable
 * depends, to be safe, on all of them.
 */
export async function templateFingerprints(
  dirs: readonly string[],
  root: string,
): Promise<TemplateFingerprints> {
  const sources = new Map<string, string>();
  for (const [name, file] of await listTemplates(dirs, root)) sources.set(name, await readFile(file, 'utf8'));
  const names = [...sources.keys()].sort();
  const direct = new Map<string, string[]>();
  for (const [name, text] of sources) {
    direct.set(name, DYNAMIC.test(text) ? names : [...text.matchAll(REFERENCE)].map((m) => m[2] ?? ''));
  }
  const fingerprints = new Map<string, string>();
  for (const name of names) {
    const closure = new Set<string>();
    const visit = (n: string) => {
      if (closure.has(n)) return;
      closure.add(n);
      for (const d of direct.get(n) ?? []) visit(d);
    };
    visit(name);
    const hash = createHash('sha1');
    for (const n of [...closure].sort()) hash.update(`${n}\0${sources.get(n) ?? '(missing)'}\0`);
    fingerprints.set(name, hash.digest('base64url'));
  }
  return fingerprints;
}

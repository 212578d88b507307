import { createHash } from 'node:crypto';
import type { TemplateSources } from './read-templates.js';
import { templateReferences } from './template-references.js';

/** A name's fingerprint: changes when the template or anything it extends, includes or imports changes. */
export type TemplateFingerprints = ReadonlyMap<string, string>;

/**
 * Fingerprints each template with everything it pulls in, for the build cache and the dev server
 * alike. A template that names another in a way that cannot be read without rendering it (an
 * expression) depends, to be safe, on all of them: a page may depend on more than it uses, never on
 * less.
 */
export function templateFingerprints(sources: TemplateSources): TemplateFingerprints {
  const names = [...sources.keys()].sort();
  const direct = new Map<string, readonly string[]>();
  for (const [name, text] of sources) direct.set(name, templateReferences(name, text) ?? names);
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

/** The thread that slugs texts ahead for slugsAhead (slugs-ahead.ts). */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { slugify } from '../text/slug.js';
import type { AheadWork } from './slugs-ahead.js';
import { textsToSlug } from './texts-to-slug.js';

const { texts, files } = workerData as AheadWork;
const all = [...texts];
for (const [file, full] of files) {
  try {
    all.push(...textsToSlug(file, readFileSync(full, 'utf8')));
  } catch {
    // A file that cannot be read now is reported where the build reads it.
  }
}
parentPort?.postMessage(all.map((text) => [text, slugify(text)]));

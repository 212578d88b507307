import { randomBytes } from 'node:crypto';
import path from 'node:path';

/**
 * Names for the packs of one build, in a folder of its own: unique across builds (a build never
 * overwrites a pack that an earlier build's cache still points into), in order within it.
 */
export function packNames(): (index: number) => string {
  const run = `${Date.now().toString(36)}-${process.pid}-${randomBytes(4).toString('hex')}`;
  return (index) => path.join(run, `${String(index).padStart(5, '0')}.pack`);
}

import {
  appendFileSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import type { Step } from './steps.js';

type Files = ReadonlyMap<string, string | Buffer>;

/**
 * Makes the site at `root` go from `before` to `after` (siteFiles of two states): writes the files
 * that differ, deletes those gone. A picture replaced by one of the same length keeps its
 * modification time (with `keepImageTimes`), as `cp -p` or an unzip would leave it: only its change
 * time and bytes tell. Returns the absolute paths written or deleted.
 */
export function writeSite(root: string, before: Files, after: Files, keepImageTimes = true): string[] {
  const touched: string[] = [];
  for (const [rel, data] of after) {
    const was = before.get(rel);
    if (was !== undefined && same(was, data)) continue;
    const file = path.join(root, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    const keepTime =
      keepImageTimes &&
      rel.endsWith('.png') &&
      was !== undefined &&
      Buffer.byteLength(was) === Buffer.byteLength(data);
    const stat = keepTime ? statSync(file) : undefined;
    writeFileSync(file, data);
    if (stat) utimesSync(file, stat.atime, stat.mtime);
    touched.push(file);
  }
  for (const rel of before.keys())
    if (!after.has(rel)) {
      unlinkSync(path.join(root, rel));
      touched.push(path.join(root, rel));
    }
  return touched;
}

const same = (a: string | Buffer, b: string | Buffer) => Buffer.from(a).equals(Buffer.from(b));

/** Writes an article's file again with the bytes it has: a new modification time only. */
export function touch(file: string): void {
  writeFileSync(file, readFileSync(file));
}

/**
 * Does to a file of the output folder `out` what an `output` step says, as a person or a script
 * could: deletes it, adds a line to it in place, or changes a byte of it in place keeping its length
 * and modification time. Returns the file's path in the output, or undefined if the output is empty.
 */
export function editOutput(out: string, step: Extract<Step, { kind: 'output' }>): string | undefined {
  const files = readdirSync(out, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(out, path.join(e.parentPath, e.name)))
    .sort();
  if (files.length === 0) return undefined;
  const rel = files[step.pick % files.length] as string;
  const file = path.join(out, rel);
  if (step.action === 'delete') unlinkSync(file);
  else if (step.action === 'append') appendFileSync(file, '\n<!-- 手工改过 -->\n');
  else {
    const stat = statSync(file);
    const bytes = readFileSync(file);
    const at = Math.floor(bytes.length / 2);
    bytes[at] = (bytes[at] ?? 0) ^ 1;
    writeFileSync(file, bytes);
    utimesSync(file, stat.atime, stat.mtime);
  }
  return rel;
}

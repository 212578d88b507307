import { readFileSync } from 'node:fs';

/** A file's bytes, read synchronously, or undefined if it cannot be read (gone, a folder, no access). */
export function readIfPresent(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

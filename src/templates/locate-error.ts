import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Position } from '../errors/diagnostic.js';
import { positionOf } from '../text/decode.js';

const REFERENCE = /\{%-?\s*(?:extends|include|import|from)\s+(["'])([^"'\n]+)\1/g;

/**
 * For errors Nunjucks gives no line (or the line of an `{% extends %}`): finds what the message names
 * (a filter, a missing template) in the template's text, or else in the templates it extends,
 * includes or imports, in that order. Nunjucks names the template rendered, which is not always the
 * one where the mistake is: a parent layout's error is reported under its child. `pattern` is what
 * to look for, when the caller knows better than the message.
 */
export function locateInTemplates(
  file: string,
  message: string,
  dirs: readonly string[],
  pattern: RegExp | undefined = patternFor(message),
): { file: string; position: Position } | undefined {
  const seen = new Set<string>();
  const queue = [file];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    if (seen.has(next)) continue;
    seen.add(next);
    const source = readText(next);
    if (source === undefined) continue;
    const match = pattern?.exec(source);
    if (match) return { file: next, position: positionOf(source, match.index) };
    if (next === file && /end of file/.test(message))
      return { file, position: positionOf(source, source.trimEnd().length) };
    for (const m of source.matchAll(REFERENCE)) {
      const found = resolveTemplate(m[2] ?? '', dirs);
      if (found) queue.push(found);
    }
  }
  return undefined;
}

/** Whether line `position.line` of `file` shows what the message names (or `pattern` finds). */
export function showsCause(
  file: string,
  position: Position,
  message: string,
  pattern: RegExp | undefined = patternFor(message),
): boolean {
  const line = readText(file)?.split('\n')[position.line - 1];
  return pattern === undefined || line === undefined || pattern.test(line);
}

function patternFor(message: string): RegExp | undefined {
  const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const filter =
    /filter not found: (\S+)/.exec(message)?.[1] ?? /the filter "([^"]+)" failed/.exec(message)?.[1];
  if (filter) return new RegExp(`\\|\\s*${escapeRegExp(filter)}\\b`);
  const missing = /template not found: (\S+)/.exec(message)?.[1];
  if (missing) return new RegExp(`["']${escapeRegExp(missing)}["']`);
  return undefined;
}

const resolveTemplate = (name: string, dirs: readonly string[]): string | undefined =>
  dirs.map((d) => path.join(d, name)).find((f) => readText(f) !== undefined);

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

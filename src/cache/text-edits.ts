import { exclusionOf, type PublishOptions } from '../content/publish.js';
import { onlyBodyChanged } from '../site/body-only.js';
import type { FileResult } from '../site/load-files.js';
import type { BuildCache } from './build-cache.js';

/**
 * The files whose articles changed only in their text since the previous build (onlyBodyChanged),
 * when nothing else did: the same files, templates, config, static files and options, no article
 * come due, and the previous site still there as that build left it. Then only those articles' own
 * pages can differ from the previous site (planTextEdits). Undefined when anything else may have
 * changed; empty when files were read again but came out the same.
 */
export function textEditsSince(
  cache: BuildCache,
  siteKey: string,
  results: readonly FileResult[],
  publish: PublishOptions,
): Set<string> | undefined {
  const previous = cache.previous;
  if (!previous || previous.siteKey !== siteKey) return undefined;
  if (!cache.pageSignatures() || !cache.outputFiles()) return undefined;
  if (previous.nextDue !== undefined && publish.now >= previous.nextDue && !publish.future) return undefined;
  if (results.length !== previous.files.length) return undefined;
  const edited = new Set<string>();
  for (let i = 0; i < results.length; i++) {
    const now = results[i] as FileResult;
    const was = cache.resultOf(now.path);
    if (previous.files[i]?.path !== now.path || !was) return undefined;
    if (was.digest === now.digest) continue;
    const published = (r: FileResult) =>
      r.entry !== undefined && r.publishing !== undefined && !exclusionOf(r.publishing, publish);
    if (!published(was) || !published(now)) return undefined;
    if (
      !onlyBodyChanged(
        was.entry as NonNullable<FileResult['entry']>,
        now.entry as NonNullable<FileResult['entry']>,
      )
    )
      return undefined;
    edited.add(now.path);
  }
  return edited;
}

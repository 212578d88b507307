import type { PublishOptions } from '../content/publish.js';
import { onlyBodyChanged } from './body-only.js';
import type { LoadedFiles } from './planned-build.js';
import type { PreviousKeys, PreviousState } from './previous-state.js';
import { isPublished } from './published.js';

/**
 * Whether the previous build was made of the same site as this one but for its content files: the
 * same templates, config, static files and options, and no article left out for its date come due
 * since. The up-to-date check and the text-edit check both start from this.
 */
export const sameSite = (previous: PreviousKeys, siteKey: string, publish: PublishOptions): boolean =>
  previous.siteKey === siteKey && !cameDue(previous, publish);

/**
 * Whether an article the previous build left out for its date is published by now: then that
 * build's result of it no longer holds (stillValid), and the site changes.
 */
export const cameDue = (previous: PreviousKeys, publish: PublishOptions): boolean =>
  previous.nextDue !== undefined && publish.now >= previous.nextDue && !publish.future;

/**
 * The files whose articles changed only in their text since the previous build (onlyBodyChanged),
 * when nothing else did (sameSite, and the same files), and the previous site is still there as
 * that build left it (the caller checks that). Then only those articles' own pages can differ from
 * the previous site (planTextEdits). Undefined when anything else may have changed; empty when
 * files were read again but are the same.
 */
export function textEditsSince(
  previous: PreviousState,
  siteKey: string,
  loaded: LoadedFiles,
  publish: PublishOptions,
): Set<string> | undefined {
  if (!sameSite(previous, siteKey, publish)) return undefined;
  // Files unchanged by their status are the previous build's; with as many in all, so are the rest.
  if (loaded.fresh.length + loaded.unchanged.length !== previous.files.length) return undefined;
  const edited = new Set<string>();
  for (const now of loaded.fresh) {
    const was = previous.resultOf(now.path);
    // A result the previous build has is one of a file that build had.
    if (!was) return undefined;
    if (was.digest === now.digest) continue;
    if (!isPublished(was, publish) || !isPublished(now, publish) || !onlyBodyChanged(was.entry, now.entry))
      return undefined;
    edited.add(now.path);
  }
  return edited;
}

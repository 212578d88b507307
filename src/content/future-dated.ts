import { type Diagnostic, problem } from '../errors/diagnostic.js';
import { siteTime, yearAfter } from './dates.js';
import { exclusionOf, type Publishing, type PublishOptions } from './publish.js';

/** A content file, with what deciding whether to publish it looks at when it is a valid article. */
export interface FilePublishing {
  readonly path: string;
  readonly publishing?: Publishing | undefined;
}

/** How many articles left out of a build a listing names; the others are counted. */
export const NAMED_AT_MOST = 10;

/**
 * What a build says of the articles it leaves out for their date, so that none disappears
 * silently: each at its `date:`, with the time it will be published in the site's zone. One dated
 * more than a year ahead is a warning, every one named: the year is likely a typo (2042 for 2024).
 * Those scheduled as usual are notes: the `named` first to appear, then a count of the others.
 * Made anew by every build, the dev server and `check` from the files' publishing, as it depends on
 * the moment of the build.
 */
export function futureDatedListing(
  files: Iterable<FilePublishing>,
  publish: PublishOptions,
  timeZone: string,
  named = NAMED_AT_MOST,
): Diagnostic[] {
  const typos: Diagnostic[] = [];
  const scheduled: Array<{ path: string; publishing: Publishing }> = [];
  const farAfter = yearAfter(publish.now, timeZone);
  const when = (p: Publishing) => ({ time: siteTime(p.date.epochMs, timeZone), zone: timeZone });
  for (const { path, publishing } of files) {
    if (!publishing || exclusionOf(publishing, publish) !== 'future') continue;
    if (publishing.date.epochMs <= farAfter) scheduled.push({ path, publishing });
    else typos.push(problem('GZ0203', path, publishing.dateAt, when(publishing), 'warning'));
  }
  // The next to appear first: what an editor waits for.
  scheduled.sort((a, b) => a.publishing.date.epochMs - b.publishing.date.epochMs);
  const notes = scheduled
    .slice(0, named)
    .map(({ path, publishing }) => problem('GZ0204', path, publishing.dateAt, when(publishing), 'note'));
  const unnamed = scheduled.length - notes.length;
  if (unnamed > 0) notes.push(problem('GZ0205', 'content', undefined, { count: unnamed }, 'note'));
  return [...typos, ...notes];
}

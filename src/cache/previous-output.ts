import {
  changedFiles,
  changedFilesOffThread,
  type OutputFound,
  sameStamp,
  type WrittenFiles,
} from '../output/written-files.js';

/** The spare beside the output, as the build cache knows it. */
export interface KnownSpare {
  readonly dir: string;
  /** Signatures of its pages. */
  readonly pages: Readonly<Record<string, string>>;
  /** Its files as the build that made them left them. */
  readonly written: WrittenFiles;
}

/** Files of the previous site, and pages of the spare, that are not as the builds left them. */
export interface PreviousChanges {
  readonly output: ReadonlySet<string>;
  readonly spare: ReadonlySet<string>;
  /**
   * Files other than pages that the spare holds as the output's very file (see `fromSpare`), found
   * there as left: the staging folder that starts as the spare has them as they are.
   */
  readonly inSpare: ReadonlySet<string>;
}

/**
 * Which files of the previous site (`out`, found as `found` says, its files `written`), and which
 * pages of the spare (known only beside the very output the build left), were edited, replaced or
 * deleted since the builds that made them: they cannot be taken as they are.
 *
 * Files other than pages are looked at in the output, but those `fromSpare` names (the search
 * bundle's shard files, which a build keeps where the spare has them) that the spare holds as the
 * very file the output's record names (the same size, time and inode): like a page of the same
 * signature, in the spare, and in the output only if the spare's changed.
 *
 * Each file is looked at where a build would take it from, once, on a thread of its own (see
 * changedFilesOffThread; a stat of each of 46,000 files took 0.1–0.4 s at 20,000 articles): a page
 * the spare has with the output's signature is left where it is in the spare (see pageWork), so its
 * copy there is looked at, and the output's only if that one changed; every other file of the
 * output is looked at there, and the spare's other pages in the spare. A page the spare has as it
 * was left is taken from there even if the output's copy was deleted; a page edited in place in the
 * output changed in the spare too, as they share the file.
 */
export async function previousChanges(
  out: string,
  found: OutputFound,
  written: WrittenFiles,
  outputPages: Readonly<Record<string, string>>,
  spare?: KnownSpare,
  fromSpare?: (file: string) => boolean,
): Promise<PreviousChanges> {
  if (!spare || found !== 'same') {
    const [output] = await changedFilesOffThread([{ dir: out, written, found }]);
    return { output: output ?? new Set(), spare: new Set(), inSpare: new Set() };
  }
  const others = fromSpare
    ? Object.keys(spare.written).filter(
        (file) =>
          spare.pages[file] === undefined && fromSpare(file) && sameStamp(spare.written[file], written[file]),
      )
    : [];
  const otherShared = new Set(others);
  const shared = (file: string) =>
    spare.pages[file] !== undefined ? spare.pages[file] === outputPages[file] : otherShared.has(file);
  const [inSpare = new Set<string>(), unshared = new Set<string>()] = await changedFilesOffThread([
    {
      dir: spare.dir,
      written: spare.written,
      found: 'same',
      paths: [...Object.keys(spare.pages), ...others],
    },
    { dir: out, written, found: 'same', paths: Object.keys(written).filter((file) => !shared(file)) },
  ]);
  // A shared file changed in the spare is looked at in the output too (rarely any: both are one file).
  const inOutput = changedFiles(
    out,
    written,
    'same',
    [...inSpare].filter((file) => file in written && shared(file)),
  );
  for (const file of unshared) inOutput.add(file);
  return { output: inOutput, spare: inSpare, inSpare: new Set(others.filter((file) => !inSpare.has(file))) };
}

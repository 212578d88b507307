import { type Diagnostic, type Position, problem } from '../errors/diagnostic.js';

export interface Claim {
  /** Output path in the site: `xuexi/2022/03/a/index.html`. */
  readonly path: string;
  /** Who writes it: a content file, or a description like `public/404.html`. */
  readonly owner: string;
  /** Where in the owner the path is made (an article's slug), if it is a file with lines. */
  readonly at?: Position;
  /** What to do when this claim is the later of two; default: give one of them another slug. */
  readonly hint?: string;
}

/**
 * Two things that would write the same file. Paths are compared as a case-insensitive file system
 * and Unicode normalisation would see them, so `A/` and `a/`, or NFC and NFD forms, also collide.
 */
export function findCollisions(claims: readonly Claim[]): Diagnostic[] {
  const first = new Map<string, Claim>();
  const problems: Diagnostic[] = [];
  for (const claim of claims) {
    const key = claim.path.normalize('NFC').toLowerCase();
    const earlier = first.get(key);
    if (earlier) {
      problems.push(
        problem('GZ0515', claim.owner, claim.at, {
          page: `/${claim.path.replace(/index\.html$/, '')}`,
          other: where(earlier),
          lookalike: lookalike(claim.owner, earlier.owner),
          hint: claim.hint ?? '',
        }),
      );
    } else {
      first.set(key, claim);
    }
  }
  return problems;
}

/** The owner of a claim, with the line and column of what makes its path: both are named. */
const where = (claim: Claim): string =>
  claim.at ? `${claim.owner}:${claim.at.line}:${claim.at.column}` : claim.owner;

/** Two file names an editor cannot tell apart, or that Windows and macOS take for one file. */
function lookalike(a: string, b: string): 'nfc' | 'case' | '' {
  if (a === b) return '';
  if (a.normalize('NFC') === b.normalize('NFC')) return 'nfc';
  if (a.toLowerCase() === b.toLowerCase()) return 'case';
  return '';
}

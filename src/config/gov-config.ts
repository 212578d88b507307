import { type Diagnostic, type Position, problem } from '../errors/diagnostic.js';
import { addressProblem, emailProblem, hasScheme, isWebAddress, siteCodeProblem } from './gov-rules.js';
import { type NamedFile, namedFile, sitePath } from './public-file.js';
import type { GovInfo } from './site-config.js';

/** `gov:` as the schema let it through: every value text. */
export interface RawGov {
  readonly siteCode?: string;
  readonly organizer?: string;
  readonly operator?: string;
  readonly contact?: { readonly phone?: string; readonly email?: string; readonly address?: string };
  readonly badge?: { readonly href: string; readonly image: string };
  readonly findError?: string;
}

/**
 * `gov:` checked, each problem at its value (`at` finds where a key's value is written), and as
 * templates see it: only the parts configured. A badge's picture that is not an address is a file
 * of public/, to be found (and measured) with the other files site.yaml names.
 */
export function readGov(
  raw: RawGov,
  file: string,
  at: (path: readonly PropertyKey[]) => Position,
): { gov: GovInfo; problems: Diagnostic[]; files: NamedFile[] } {
  const { siteCode, organizer, operator, contact, badge, findError } = raw;
  const problems: Diagnostic[] = [];
  const files: NamedFile[] = [];
  const check = (found: ReturnType<typeof addressProblem>, path: readonly PropertyKey[]) => {
    if (found) problems.push(problem(found.code, file, at(path), found.values));
  };
  if (siteCode !== undefined) check(siteCodeProblem(siteCode), ['gov', 'siteCode']);
  if (contact?.email !== undefined) check(emailProblem(contact.email), ['gov', 'contact', 'email']);
  if (badge) {
    const image = ['gov', 'badge', 'image'];
    check(addressProblem('gov.badge.href', badge.href), ['gov', 'badge', 'href']);
    if (hasScheme(badge.image)) check(addressProblem('gov.badge.image', badge.image), image);
    else files.push(namedFile('gov.badge.image', badge.image, at(image), true));
  }
  if (findError !== undefined) check(addressProblem('gov.findError', findError), ['gov', 'findError']);

  const hasContact = contact && (contact.phone ?? contact.email ?? contact.address) !== undefined;
  const gov: GovInfo = {
    ...(siteCode !== undefined && { siteCode }),
    ...(organizer !== undefined && { organizer }),
    ...(operator !== undefined && { operator }),
    ...(hasContact && { contact }),
    ...(badge && {
      badge: {
        href: badge.href,
        image: { url: isWebAddress(badge.image) ? badge.image : sitePath(badge.image) },
      },
    }),
    ...(findError !== undefined && { findError }),
  };
  return { gov, problems, files };
}

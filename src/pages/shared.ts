/**
 * Objects many pages show (a category's crumbs, an article's link in related reading), as the
 * planner marked them with `shared`, and what each came to in page signatures once written out:
 * each is written out and hashed once per build, and a page's signature holds its digest, as in a
 * Merkle tree, not the same links again and again (see pageSignature). Page data is never changed
 * once planned. Weak: gone with the plan.
 */
export const SHARED = new WeakMap<object, string | undefined>();

/** Marks page data that many pages show the very same object of. */
export function shared<T extends object>(value: T): T {
  SHARED.set(value, undefined);
  return value;
}

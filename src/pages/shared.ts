/**
 * The mark of objects many pages show (a category's crumbs, an article's link in related reading),
 * as the planner marks them with `shared`: a page signer writes each out and hashes it once, and a
 * page's signature holds its digest, as in a Merkle tree, not the same links again and again (see
 * pageSigner). Page data is never changed once planned. The mark is on the object itself (a symbol,
 * which no template and no copy to a worker sees), so no module keeps a table of them.
 */
const SHARED = Symbol('shared');

/** Marks page data that many pages show the very same object of. */
export function shared<T extends object>(value: T): T {
  Object.defineProperty(value, SHARED, { value: true });
  return value;
}

/** Whether `value` was marked by `shared`. */
export const isShared = (value: object): boolean => SHARED in value;

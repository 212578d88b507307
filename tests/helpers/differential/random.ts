/**
 * A seeded source of random numbers (mulberry32): the same seed gives the same sequence of edits on
 * every machine, so that a failing sequence can be replayed from its seed alone.
 */
export interface Random {
  /** A whole number from 0 to n - 1. */
  below(n: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Some of `items`, in their order (possibly none). */
  subset<T>(items: readonly T[]): T[];
}

export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const below = (n: number) => Math.floor(next() * n);
  return {
    below,
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[below(items.length)] as T;
    },
    subset: <T>(items: readonly T[]) => items.filter(() => next() < 0.5),
  };
}

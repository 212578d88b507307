/** Writes `n` deterministic synthetic Chinese articles into `dir`. */
export function writeCorpus(n: number, dir: string): void;
export const CATEGORIES: string[];

/** The values a message is built from: plain data, kept on the diagnostic so any language can word it. */
export type Values = Readonly<Record<string, string | number>>;

/** A message in one language: what is wrong, and what to do. Neither ends with punctuation. */
export interface Words {
  readonly message: string;
  readonly hint?: string;
}

/** One kind of problem, worded in every language gazette speaks. */
export interface Entry {
  readonly en: (v: Values) => Words;
  readonly zh: (v: Values) => Words;
}

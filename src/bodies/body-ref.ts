/**
 * Where the rendered HTML of one article's body is: inline (the dev server, `check`, small
 * in-memory uses), or a slice of a pack file in the build cache, so that a build of many articles
 * never holds all their HTML at once and a later build can take it from there unchanged.
 */
export type BodyRef = InlineBody | PackedBody;

export interface InlineBody {
  readonly html: string;
}

export interface PackedBody {
  /** Absolute path of the pack file. */
  readonly pack: string;
  /** Byte offset and length of the HTML in it (UTF-16, see body-pack.ts). */
  readonly offset: number;
  readonly length: number;
  /** CRC-32 of those bytes: a pack damaged on disk is noticed, never rendered. */
  readonly crc: number;
}

/** Keeps a body's HTML somewhere and says where: the one thing the content stage needs of storage. */
export type BodySink = (html: string) => BodyRef;

/** Keeps bodies in memory, in the refs themselves. */
export const inlineBodies: BodySink = (html) => ({ html });

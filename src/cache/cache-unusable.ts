/**
 * The build cache turned out to be unusable in the middle of a build (a body pack or the details
 * lost or damaged since the manifest was read): the build starts again without it.
 */
export class CacheUnusable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CacheUnusable';
  }
}

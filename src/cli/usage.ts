/** Thrown for a bad command line: exit code 2, with the usage of the command. */
export class UsageError extends Error {
  override name = 'UsageError';
}

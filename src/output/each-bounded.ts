/**
 * Runs `fn` on every item, `limit` at a time, in order of starting. On the first failure no more are
 * started, and every one already running has ended before the error goes on: nothing may write into
 * the staging folder once the build is being aborted and the folder removed.
 */
export async function eachBounded<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failure: { cause: unknown } | undefined;
  const worker = async () => {
    while (next < items.length && !failure) {
      const item = items[next++] as T;
      try {
        await fn(item);
      } catch (cause) {
        failure ??= { cause };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure) throw failure.cause;
}

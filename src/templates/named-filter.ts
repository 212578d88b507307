/**
 * Wraps a template filter so that when it throws, the message names it and the value it was given:
 * Nunjucks passes the bare error on ("TypeError: Invalid URL") without saying where it came from.
 */
export function namedFilter<A extends unknown[], R>(
  name: string,
  filter: (value: unknown, ...args: A) => R,
): (value: unknown, ...args: A) => R {
  return (value, ...args) => {
    try {
      return filter(value, ...args);
    } catch (cause) {
      const shown = JSON.stringify(String(value));
      const reason = cause instanceof Error ? cause.message : String(cause);
      throw new Error(
        `the filter "${name}" failed on ${shown.length > 80 ? `${shown.slice(0, 77)}…"` : shown}: ${reason}`,
      );
    }
  };
}
